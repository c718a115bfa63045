/**
 * Bearer-token authentication: an API key (`c360_…`, looked up by its SHA-256) or an embed token
 * (a JWT, HS256, see embed-tokens.ts). Expiry is checked against the wall clock, never the as-of
 * clock of the metrics (`C360_NOW` moves the data's "now", not the tokens').
 * @module
 */
import type { Context } from 'hono';
import { Role } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { ProblemError } from '../core/problem.js';
import { API_KEY_PATTERN, findApiKey } from './api-keys.js';
import { embedActorName, embedTokenId, findEmbedSecret, looksLikeEmbedToken, verifyEmbedToken } from './embed-tokens.js';
import { DEFAULT_WRITE_RATE } from './rate-limit.js';
import { SharedWriteRateLimiter } from './shared-rate-limit.js';

export interface AuthOptions {
  /** Secret of embed tokens; default `C360_SECRET`, else the one generated in `meta`. */
  secret?: string;
  /** The wall clock for token expiry and the rate limit (tests pass a fixed one). */
  now?: () => Date;
  /** Writes per minute per token (`C360_WRITE_RATE`); 0 = unlimited. Default 60. */
  writeRate?: number;
}

const REALM = 'Bearer realm="c360"';

/** 401 with `WWW-Authenticate: Bearer` (RFC 6750: `error="invalid_token"` when a token was sent). */
export function unauthorized(detail: string, tokenSent: boolean): ProblemError {
  // Header values must be visible ASCII (RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E).
  const description = detail
    .replace(/[’‘]/g, "'")
    .replace(/…/g, '...')
    .replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '');
  const challenge = tokenSent ? `${REALM}, error="invalid_token", error_description="${description}"` : REALM;
  return new ProblemError(401, 'unauthorized', 'Unauthorized', detail, undefined, { 'www-authenticate': challenge });
}

/** Verifies tokens of one app: the database of API keys, the embed secret, the clock, the write budget. */
export class Authenticator {
  readonly now: () => Date;
  readonly limiter: SharedWriteRateLimiter;
  private readonly db: Db;
  private secret: Promise<string> | undefined;

  constructor(db: Db, options: AuthOptions = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.limiter = new SharedWriteRateLimiter(db, options.writeRate ?? DEFAULT_WRITE_RATE); // one budget across instances
    if (options.secret !== undefined) this.secret = Promise.resolve(options.secret);
  }

  /** The embed secret, once there is one (read, never created, here: see findEmbedSecret). */
  async embedSecret(): Promise<string | undefined> {
    if (!this.secret) {
      const found = await findEmbedSecret(this.db);
      if (found) this.secret = Promise.resolve(found);
      return found;
    }
    return this.secret;
  }

  /** The actor of `token`; throws a 401 problem naming why the token is refused. */
  async authenticate(token: string): Promise<Actor> {
    const now = this.now();
    if (looksLikeEmbedToken(token)) {
      const secret = await this.embedSecret();
      const result: Awaited<ReturnType<typeof verifyEmbedToken>> =
        secret === undefined
          ? { ok: false, reason: 'bad-signature' } // no secret yet: nothing can have signed it
          : await verifyEmbedToken(token, secret, now);
      if (!result.ok) {
        const detail = {
          malformed: 'The embed token is malformed (a JWT signed with HS256, claims sub, role, aud, exp: see docs/security.md)',
          'bad-signature': 'The embed token’s signature does not match (tampered, or signed with another secret)',
          'wrong-audience': 'The embed token is not for c360 (its aud claim must be "c360")',
          expired: `The embed token expired at ${new Date((result.exp ?? 0) * 1000).toISOString()}`,
          'too-long-lived': 'The embed token is valid for more than 24 hours; embed tokens must be short-lived',
        }[result.reason];
        throw unauthorized(detail, true);
      }
      const { sub, role, exp } = result.claims;
      return {
        name: embedActorName(result.claims),
        role,
        tokenId: embedTokenId(token),
        customerId: sub,
        kind: 'embed',
        expiresAt: new Date(exp * 1000).toISOString(),
      };
    }
    if (!API_KEY_PATTERN.test(token))
      throw unauthorized('The bearer token is not a c360 token (an API key c360_… or an embed token, a JWT)', true);
    const row = await findApiKey(this.db, token);
    if (!row) throw unauthorized('Unknown API key', true);
    if (row.revoked_at) throw unauthorized(`The API key was revoked at ${row.revoked_at}`, true);
    if (row.expires_at && row.expires_at <= now.toISOString()) throw unauthorized(`The API key expired at ${row.expires_at}`, true);
    const role = Role.safeParse(row.role);
    if (!role.success) throw unauthorized('The API key has an unknown role', true);
    return {
      name: row.name,
      role: role.data,
      tokenId: row.id,
      kind: 'api-key',
      ...(row.customer_id ? { customerId: row.customer_id } : {}),
      ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
    };
  }
}

/**
 * The bearer token of a request: `Authorization: Bearer …`; the `token` query parameter only when
 * `allowQuery` (GET routes that a browser opens without headers: the event stream). Throws a 401
 * when there is none, when the header is not a bearer token, when `?token=` is sent where it is not
 * accepted, and when a request carries both (which one was meant is unknowable; docs/security.md).
 */
export function bearerToken(c: Context, allowQuery: boolean): string {
  const header = c.req.header('authorization');
  const query = c.req.query('token');
  if (header !== undefined && query !== undefined) {
    throw unauthorized('Send the token once: either "Authorization: Bearer <token>" or the token query parameter, not both', true);
  }
  if (header !== undefined) {
    const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
    if (!match) throw unauthorized('The Authorization header must be "Bearer <token>"', true);
    return match[1]!;
  }
  if (query !== undefined) {
    if (allowQuery && c.req.method === 'GET') return query;
    throw unauthorized(
      'The token query parameter is accepted only by GET /stream and the embed pages; send "Authorization: Bearer <token>"',
      true,
    );
  }
  throw unauthorized('This endpoint needs a bearer token: "Authorization: Bearer <token>" (see docs/security.md)', false);
}
