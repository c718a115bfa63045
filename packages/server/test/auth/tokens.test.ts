/**
 * Bearer tokens: API keys (stored hashed, expiring, revocable), embed tokens as standard JWTs
 * (minted by jose as a host backend would; tampered, expired, signed with another secret, for
 * another audience, too long-lived, another algorithm → 401), the Authorization header and the
 * `token` query parameter (both at once → 401), and `c360 token create|list|revoke`.
 */
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, TEST_SECRET, type SampleApp } from '../helpers/sample-db.js';
import { createApiKey, hashToken, revokeApiKey } from '../../src/auth/api-keys.js';
import {
  EMBED_MAX_TTL_MS,
  resolveEmbedSecret,
  SECRET_META_KEY,
  signEmbedToken,
  verifyEmbedToken,
  type EmbedTokenInput,
} from '../../src/auth/embed-tokens.js';
import { parseTtl } from '../../src/auth/ttl.js';
import { parseWriteRate } from '../../src/auth/rate-limit.js';
import { tokenCommand } from '../../src/cli/token-command.js';
import { cliDbArgs, openTestDb } from '../helpers/engines.js';
import { createApiApp } from '../../src/api/app.js';

let sample: SampleApp;
const C = '17850';
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

const view = (token: string | null, extra: Record<string, string> = {}) =>
  sample.rawApp.request(`http://localhost/customers/${C}/360`, {
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...extra },
  });

async function expect401(res: Response, detail: RegExp): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="c360"/);
  const body = await res.json();
  expect(body).toMatchObject({ status: 401, title: 'Unauthorized' });
  expect(body.detail).toMatch(detail);
}

describe('API keys', () => {
  it('are stored as their SHA-256 only', async () => {
    const { token, info } = await createApiKey(sample.db, { name: 'Hash check', role: 'viewer' });
    expect(token).toMatch(/^c360_[A-Za-z0-9_-]{43}$/);
    const row = await sample.db.selectFrom('api_tokens').selectAll().where('id', '=', info.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(5));
    const audit = await sample.db.selectFrom('audit_log').selectAll().where('action', '=', 'token.created').execute();
    expect(audit.some((a) => a.details?.includes(info.id) && !a.details.includes(token))).toBe(true);
  });

  it('missing, malformed, unknown → 401 with WWW-Authenticate: Bearer', async () => {
    await expect401(await view(null), /needs a bearer token/);
    const noChallengeError = await view(null);
    expect(noChallengeError.headers.get('www-authenticate')).toBe('Bearer realm="c360"');
    await expect401(await view('c360_' + 'A'.repeat(43)), /Unknown API key/);
    await expect401(await view('not-a-token'), /not a c360 token/);
    await expect401(
      await sample.rawApp.request(`http://localhost/customers/${C}/360`, { headers: { authorization: `Basic ${sample.tokens.admin}` } }),
      /must be "Bearer <token>"/,
    );
    const invalid = await view('c360_' + 'A'.repeat(43));
    expect(invalid.headers.get('www-authenticate')).toContain('error="invalid_token"');
    // The scheme is case-insensitive.
    expect(
      (await sample.rawApp.request(`http://localhost/customers/${C}/360`, { headers: { authorization: `bearer ${sample.tokens.viewer}` } }))
        .status,
    ).toBe(200);
  });

  it('expired → 401; before expiry → 200', async () => {
    const now = new Date();
    const { token } = await createApiKey(sample.db, {
      name: 'Short lived',
      role: 'viewer',
      ttlMs: 60_000,
      now: new Date(now.getTime() - 120_000),
    });
    await expect401(await view(token), /expired at/);
    const { token: fresh } = await createApiKey(sample.db, { name: 'Fresh', role: 'viewer', ttlMs: 60_000 });
    expect((await view(fresh)).status).toBe(200);
  });

  it('revoked → 401 at once', async () => {
    const { token, info } = await createApiKey(sample.db, { name: 'To revoke', role: 'manager' });
    expect((await view(token)).status).toBe(200);
    const revoked = await revokeApiKey(sample.db, info.id);
    expect(revoked?.revokedAt).toBeTruthy();
    await expect401(await view(token), /revoked at/);
    expect((await revokeApiKey(sample.db, info.id))?.revokedAt).toBe(revoked?.revokedAt); // revoking again keeps the first time
    expect(await revokeApiKey(sample.db, 'tok_nope')).toBeUndefined();
  });

  it('the token query parameter is refused outside GET /stream and the embed pages', async () => {
    await expect401(
      await sample.rawApp.request(`http://localhost/customers/${C}/360?token=${sample.tokens.admin}`),
      /query parameter is accepted only/,
    );
  });

  it('a valid Authorization header plus a token query parameter → 401, on every route that takes either', async () => {
    const both = { headers: { authorization: `Bearer ${sample.tokens.admin}` } };
    await expect401(await sample.rawApp.request(`http://localhost/customers/${C}/360?token=${sample.tokens.admin}`, both), /not both/);
    await expect401(await sample.rawApp.request(`http://localhost/customers/${C}/360?token=junk`, both), /not both/);
    await expect401(await sample.rawApp.request(`http://localhost/stream?customer=${C}&token=${sample.tokens.admin}`, both), /not both/);
    expect((await sample.rawApp.request(`http://localhost/customers/${C}/360`, both)).status).toBe(200);
  });
});

describe('embed tokens', () => {
  const nowS = () => Math.floor(Date.now() / 1000);
  const input = (over: Partial<EmbedTokenInput> = {}): EmbedTokenInput => ({
    sub: C,
    role: 'viewer',
    name: 'Helpdesk',
    exp: nowS() + 600,
    ...over,
  });
  const key = (secret = TEST_SECRET) => new TextEncoder().encode(secret);
  /** What a host backend does with jose. */
  const hostMinted = (claims: Record<string, unknown>, ttl = '10m', secret = TEST_SECRET, alg = 'HS256') =>
    new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).setIssuedAt().setExpirationTime(ttl).sign(key(secret));

  it('are standard JWTs: HS256, sub = customer, role, aud "c360", iat, exp, name', () => {
    const token = signEmbedToken(input(), TEST_SECRET);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: C, role: 'viewer', aud: 'c360', name: 'Helpdesk' });
    expect(claims.exp! - claims.iat!).toBeGreaterThan(590);
  });

  it('a token minted by a host backend with jose reads its customer, named by its name claim', async () => {
    const token = await hostMinted({ sub: C, role: 'agent', aud: 'c360', name: 'Dana (support)' });
    expect((await view(token)).status).toBe(200);
    const me = await sample.call('/me', { as: { token } });
    expect(me.body).toMatchObject({ name: 'Dana (support)', role: 'agent', kind: 'embed', customerId: C });
    const unnamed = await hostMinted({ sub: C, role: 'viewer', aud: 'c360' });
    expect((await sample.call('/me', { as: { token: unnamed } })).body).toMatchObject({ name: `embed (customer ${C})` });
    expect((await sample.call('/customers/13047/360', { as: { token } })).status).toBe(403);
  });

  it('tampered, another secret, expired, wrong audience, over 24 h, another algorithm, malformed → 401 saying why', async () => {
    const token = signEmbedToken(input(), TEST_SECRET);
    const [head, , sig] = token.split('.') as [string, string, string];
    // Payload changed (another customer, admin), signature kept.
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...decodeJwt(token), sub: '13047', role: 'admin' })).toString('base64url')}.${sig}`;
    await expect401(await view(forged), /signature does not match/);
    await expect401(await view(signEmbedToken(input(), 'another-secret-another-secret-another-secret')), /signature does not match/);
    await expect401(await view(signEmbedToken(input({ exp: nowS() - 1 }), TEST_SECRET)), /expired at/);
    await expect401(await view(await hostMinted({ sub: C, role: 'viewer', aud: 'someone-else' })), /aud claim must be "c360"/);
    await expect401(await view(await hostMinted({ sub: C, role: 'viewer' })), /aud claim must be "c360"/);
    await expect401(
      await view(signEmbedToken(input({ exp: Math.floor((Date.now() + EMBED_MAX_TTL_MS) / 1000) + 120 }), TEST_SECRET)),
      /more than 24 hours/,
    );
    await expect401(await view(await hostMinted({ sub: C, role: 'viewer', aud: 'c360' }, '25h')), /more than 24 hours/);
    await expect401(await view(await hostMinted({ sub: C, role: 'viewer', aud: 'c360' }, '10m', TEST_SECRET, 'HS512')), /malformed/);
    await expect401(await view(await hostMinted({ sub: C, role: 'root', aud: 'c360' })), /malformed/);
    await expect401(await view(await hostMinted({ role: 'viewer', aud: 'c360' })), /malformed/);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token.split('.')[1]}.`;
    await expect401(await view(unsigned), /malformed/);
    await expect401(await view(`${token}x`), /signature does not match|malformed/);
  });

  it('verification is a pure function of token, secret and clock', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const t = signEmbedToken(
      { sub: 'c1', role: 'agent', name: 'x', iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 60 },
      TEST_SECRET,
    );
    expect(await verifyEmbedToken(t, TEST_SECRET, now)).toMatchObject({ ok: true, claims: { sub: 'c1', role: 'agent', name: 'x' } });
    expect(await verifyEmbedToken(t, TEST_SECRET, new Date(now.getTime() + 61_000))).toMatchObject({ ok: false, reason: 'expired' });
    expect(await verifyEmbedToken(t, TEST_SECRET, new Date(now.getTime() - 86_400_000))).toMatchObject({
      ok: false,
      reason: 'too-long-lived',
    });
    expect(() => signEmbedToken({ sub: 'c1', role: 'root' as never, exp: 1 }, TEST_SECRET)).toThrow();
  });

  it('verifying never writes: without a secret yet, any JWT is refused and none is generated', async () => {
    const { db, close } = await openTestDb();
    try {
      const app = createApiApp({ db, asOf: sample.asOf });
      const res = await app.request('http://localhost/me', {
        headers: { authorization: `Bearer ${signEmbedToken(input(), TEST_SECRET)}` },
      });
      await expect401(res, /signature does not match/);
      expect(await db.selectFrom('meta').select('key').where('key', '=', SECRET_META_KEY).executeTakeFirst()).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('the secret comes from C360_SECRET, else one generated once in meta', async () => {
    const { db, close } = await openTestDb();
    try {
      const first = await resolveEmbedSecret(db, {});
      expect(first.length).toBeGreaterThanOrEqual(43);
      expect(await resolveEmbedSecret(db, {})).toBe(first);
      expect((await db.selectFrom('meta').select('value').where('key', '=', SECRET_META_KEY).executeTakeFirst())?.value).toBe(first);
      expect(await resolveEmbedSecret(db, { C360_SECRET: 'x'.repeat(32) })).toBe('x'.repeat(32));
      await expect(resolveEmbedSecret(db, { C360_SECRET: 'short' })).rejects.toThrow(/at least 32/);
    } finally {
      await close();
    }
  });
});

describe('token clock', () => {
  it('expiry uses the wall clock given to the app, not the as-of date of the metrics', async () => {
    const { token } = await createApiKey(sample.db, { name: 'Clock', role: 'viewer', ttlMs: 3_600_000 });
    // The sample's as-of is in 2011: a token is still valid at that as-of.
    const later = createApiApp({
      db: sample.db,
      asOf: sample.asOf,
      auth: { secret: TEST_SECRET, now: () => new Date(Date.now() + 2 * 3_600_000) },
    });
    const res = await later.request(`http://localhost/customers/${C}/360`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect((await view(token)).status).toBe(200);
  });
});

describe('c360 token', () => {
  async function run(args: string[]): Promise<{ out: string; err: string }> {
    let out = '';
    let err = '';
    const command = tokenCommand({ out: (s) => void (out += s), err: (s) => void (err += s) }).exitOverride();
    for (const sub of command.commands) sub.exitOverride().configureOutput({ writeErr: () => undefined });
    await command.parseAsync(args, { from: 'user' });
    return { out, err };
  }
  // The CLI opens the database itself: point it at the sample's file or URL.
  let dbArgs: string[] = [];
  beforeAll(() => {
    dbArgs = cliDbArgs(sample.location);
  });

  it('create prints only the key on stdout; it works; list shows no secret; revoke stops it', async () => {
    const { out, err } = await run(['create', '--role', 'agent', '--name', 'Dana (support)', '--ttl', '30d', ...dbArgs]);
    const token = out.trim();
    expect(out).toMatch(/^c360_[A-Za-z0-9_-]{43}\n$/);
    expect(err).toMatch(/API key tok_\S+ "Dana \(support\)" \(agent\), expires/);
    expect((await view(token)).status).toBe(200);
    const me = await sample.call('/me', { as: { token } });
    expect(me.body).toMatchObject({ name: 'Dana (support)', role: 'agent' });
    expect(Date.parse(me.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const list = (await run(['list', ...dbArgs])).out;
    expect(list).toContain('Dana (support)');
    expect(list).toContain(me.body.tokenId);
    expect(list).not.toContain(token);
    expect(list).not.toContain(hashToken(token));

    const revoked = await run(['revoke', me.body.tokenId, ...dbArgs]);
    expect(revoked.out).toContain(`Revoked ${me.body.tokenId}`);
    expect((await view(token)).status).toBe(401);
    expect((await run(['list', ...dbArgs])).out).toMatch(new RegExp(`${me.body.tokenId}.*revoked`));
  });

  it('create --customer scopes an API key to one customer', async () => {
    const token = (await run(['create', '--role', 'viewer', '--name', 'Scoped', '--customer', C, ...dbArgs])).out.trim();
    expect((await view(token)).status).toBe(200);
    expect((await sample.call('/customers/13047/360', { as: { token } })).status).toBe(403);
    expect((await sample.call('/customers', { as: { token } })).status).toBe(403);
  });

  it('create --embed signs a customer-scoped embed token the server accepts', async () => {
    const { out, err } = await run(['create', '--embed', '--customer', C, '--ttl', '15m', '--role', 'viewer', ...dbArgs]);
    const token = out.trim();
    expect(decodeJwt(token)).toMatchObject({ sub: C, role: 'viewer', aud: 'c360' });
    expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(900);
    expect(err).toContain(`customer ${C}`);
    // The CLI used the database's generated secret; an app without an explicit secret uses it too.
    const app = createApiApp({ db: sample.db, asOf: sample.asOf });
    const ok = await app.request(`http://localhost/customers/${C}/360`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const other = await app.request('http://localhost/customers/13047/360', { headers: { authorization: `Bearer ${token}` } });
    expect(other.status).toBe(403);
  });

  it('refuses bad arguments with a message', async () => {
    await expect(run(['create', '--role', 'root', '--name', 'x', ...dbArgs])).rejects.toThrow(
      /role "root": one of viewer, agent, manager, admin/,
    );
    await expect(run(['create', '--role', 'viewer', ...dbArgs])).rejects.toThrow(/needs --role and --name/);
    await expect(run(['create', '--embed', ...dbArgs])).rejects.toThrow(/--embed needs --customer/);
    await expect(run(['create', '--embed', '--customer', C, '--ttl', '2d', ...dbArgs])).rejects.toThrow(/at most 24h/);
    await expect(run(['create', '--role', 'viewer', '--name', 'x', '--ttl', '5 weeks', ...dbArgs])).rejects.toThrow(/--ttl/);
    await expect(run(['create', '--role', 'viewer', '--name', 'x', '--customer', 'no-such-customer', ...dbArgs])).rejects.toThrow(
      /no such customer/,
    );
    await expect(run(['revoke', 'tok_missing', ...dbArgs])).rejects.toThrow(/no API key with id/);
    await expect(run(['destroy', ...dbArgs])).rejects.toThrow(/unknown command 'destroy'/);
    await expect(run(['list', '--as-of', '2011-01-01', ...dbArgs])).rejects.toThrow(/unknown option '--as-of'/);
  });

  it('parses lifetimes and write rates', () => {
    expect(parseTtl('15m')).toBe(900_000);
    expect(parseTtl('1h')).toBe(3_600_000);
    expect(parseTtl('30d')).toBe(30 * 86_400_000);
    expect(() => parseTtl('0h')).toThrow();
    expect(() => parseTtl('1y')).toThrow();
    expect(parseWriteRate(undefined)).toBe(60);
    expect(parseWriteRate('off')).toBe(0);
    expect(parseWriteRate('120')).toBe(120);
    expect(() => parseWriteRate('fast')).toThrow(/C360_WRITE_RATE/);
  });
});
