/**
 * Embed tokens (SPEC §8): short-lived, signed, scoped to one customer — for helpdesk sidebars and
 * embedded pages, minted without touching the database.
 *
 *   c360e_<payload>.<signature>
 *   payload   = base64url(JSON {"sub": name, "role": role, "cus": customerId, "exp": unix seconds})
 *   signature = base64url(HMAC-SHA256(secret, "c360e_" + payload))
 *
 * The secret is `C360_SECRET` (at least 32 characters) or, when unset, a random one generated and
 * kept in `meta` (`auth.embed_secret`) on first use, so `c360 token create --embed` and the server
 * agree as long as they share the database (or the variable). A host backend can mint the same
 * tokens itself with the secret (docs/security.md shows how). A token valid for more than
 * {@link EMBED_MAX_TTL_MS} from now is refused: embed tokens are short-lived by construction.
 * Rotating the secret invalidates every embed token at once.
 * @module
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CustomerId, Role } from '@c360/sdk';
import type { Db } from '../db/connect.js';

export const EMBED_PREFIX = 'c360e_';
/** Longest accepted remaining lifetime of an embed token. */
export const EMBED_MAX_TTL_MS = 24 * 3_600_000;
/** Default lifetime of `c360 token create --embed`. */
export const EMBED_DEFAULT_TTL_MS = 15 * 60_000;
/** Shortest `C360_SECRET`. */
export const MIN_SECRET_LENGTH = 32;
/** The `meta` key of the generated secret. */
export const SECRET_META_KEY = 'auth.embed_secret';

const PATTERN = /^c360e_([A-Za-z0-9_-]{1,2048})\.([A-Za-z0-9_-]{43})$/;

export const EmbedClaims = z
  .object({
    sub: z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]+$/),
    role: Role,
    cus: CustomerId,
    exp: z.number().int().positive(),
  })
  .strict();
export type EmbedClaims = z.infer<typeof EmbedClaims>;

function sign(secret: string, signed: string): string {
  return createHmac('sha256', secret).update(signed, 'utf8').digest('base64url');
}

/** Signs `claims` (key order sub, role, cus, exp). */
export function signEmbedToken(claims: EmbedClaims, secret: string): string {
  const parsed = EmbedClaims.parse(claims);
  const payload = Buffer.from(JSON.stringify({ sub: parsed.sub, role: parsed.role, cus: parsed.cus, exp: parsed.exp }), 'utf8').toString('base64url');
  const signed = EMBED_PREFIX + payload;
  return `${signed}.${sign(secret, signed)}`;
}

/** True when `token` has the shape of an embed token (it may still be invalid). */
export function looksLikeEmbedToken(token: string): boolean {
  return token.startsWith(EMBED_PREFIX);
}

/** The claims of a valid token, or why it is not valid (`malformed`, `bad-signature`, `expired`, `too-long-lived`). */
export function verifyEmbedToken(
  token: string,
  secret: string,
  now: Date,
): { ok: true; claims: EmbedClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'too-long-lived'; exp?: number } {
  const match = PATTERN.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, EMBED_PREFIX + match[1]!), 'utf8');
  const given = Buffer.from(match[2]!, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = EmbedClaims.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  const expMs = claims.data.exp * 1000;
  if (expMs <= now.getTime()) return { ok: false, reason: 'expired', exp: claims.data.exp };
  if (expMs - now.getTime() > EMBED_MAX_TTL_MS) return { ok: false, reason: 'too-long-lived', exp: claims.data.exp };
  return { ok: true, claims: claims.data };
}

/** A stable id of an embed token (`emb_` + 16 hex of its SHA-256): the actor's tokenId and rate-limit key. */
export function embedTokenId(token: string): string {
  return `emb_${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 16)}`;
}

/**
 * The signing secret: `C360_SECRET` when set (at least {@link MIN_SECRET_LENGTH} characters),
 * else the one in `meta`, generated and stored on first use.
 */
export async function resolveEmbedSecret(db: Db, env: { C360_SECRET?: string } = process.env): Promise<string> {
  const fromEnv = env.C360_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_LENGTH) throw new Error(`C360_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`)`);
    return fromEnv;
  }
  const read = async () => (await db.selectFrom('meta').select('value').where('key', '=', SECRET_META_KEY).executeTakeFirst())?.value;
  const stored = await read();
  if (stored) return stored;
  await db.insertInto('meta').values({ key: SECRET_META_KEY, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await read())!;
}
