/**
 * Embed tokens (SPEC §8): short-lived, scoped to one customer — for helpdesk sidebars and embedded
 * pages — and standard JWTs, so a host's backend mints them with the JWT library it already has:
 *
 *   header  {"alg": "HS256", "typ": "JWT"}, signed with the secret (HMAC-SHA256)
 *   claims  sub  = the customer id (the only customer the token reads or acts on)
 *           role = viewer | agent | manager | admin
 *           aud  = "c360"
 *           exp  = expiry, unix seconds, at most 24 h after now (and after `iat`)
 *           iat  = issued at, unix seconds
 *           name = optional: who uses it (note author, audit actor); default "embed (customer <sub>)"
 *
 * Verification is jose's `jwtVerify` (HS256 only, audience "c360", `exp` against the given clock),
 * plus c360's rules: the claims' shape and a lifetime of at most {@link EMBED_MAX_TTL_MS}.
 * The secret is `C360_SECRET` (at least 32 characters) or, when unset, a random one generated and
 * kept in `meta` (`auth.embed_secret`) on first use. Rotating it invalidates every embed token.
 * @module
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { CustomerId, Role } from '@c360/sdk';
import type { Db } from '../db/connect.js';

/** The `aud` every embed token carries. */
export const EMBED_AUDIENCE = 'c360';
/** Longest accepted lifetime of an embed token (from now, and from `iat`). */
export const EMBED_MAX_TTL_MS = 24 * 3_600_000;
/** Default lifetime of `c360 token create --embed`. */
export const EMBED_DEFAULT_TTL_MS = 15 * 60_000;
/** Shortest `C360_SECRET`. */
export const MIN_SECRET_LENGTH = 32;
/** The `meta` key of the generated secret. */
export const SECRET_META_KEY = 'auth.embed_secret';

const JWT_PATTERN = /^[A-Za-z0-9_-]{2,4096}\.[A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{0,512}$/;

/** The claims c360 reads from an embed token (after the signature, audience and expiry are checked). */
export const EmbedClaims = z.object({
  sub: CustomerId,
  role: Role,
  aud: z.union([z.literal(EMBED_AUDIENCE), z.array(z.string()).refine((a) => a.includes(EMBED_AUDIENCE))]),
  exp: z.number().int().positive(),
  iat: z.number().int().nonnegative().optional(),
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\u0000-\u001f\u007f]+$/)
    .optional(),
});
export type EmbedClaims = z.infer<typeof EmbedClaims>;

/** What {@link signEmbedToken} needs: the customer (`sub`), role, expiry and optional name and issue time (unix seconds). */
export interface EmbedTokenInput {
  sub: string;
  role: Role;
  exp: number;
  name?: string;
  /** Default: now. */
  iat?: number;
}

/** Why a token is refused. */
export type EmbedTokenRefusal = 'malformed' | 'bad-signature' | 'wrong-audience' | 'expired' | 'too-long-lived';

/**
 * Signs an embed token: a compact HS256 JWT with the claims above (what jose's `SignJWT` or PyJWT's
 * `jwt.encode(…, algorithm="HS256")` produce). Synchronous, so tests and the CLI mint without awaiting.
 * @throws ZodError when a claim is invalid (unknown role, empty customer id, blank name).
 */
export function signEmbedToken(input: EmbedTokenInput, secret: string): string {
  const claims = EmbedClaims.parse({
    sub: input.sub,
    role: input.role,
    aud: EMBED_AUDIENCE,
    iat: input.iat ?? Math.floor(Date.now() / 1000),
    exp: input.exp,
    ...(input.name !== undefined ? { name: input.name } : {}),
  });
  const encode = (json: unknown) => Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
  const signed = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed, 'utf8').digest('base64url')}`;
}

/** True when `token` has the shape of a JWT (three base64url parts), i.e. is meant as an embed token. */
export function looksLikeEmbedToken(token: string): boolean {
  return JWT_PATTERN.test(token);
}

/**
 * The claims of a valid token, or why it is refused: `malformed` (not a JWT, another algorithm,
 * claims missing or of the wrong shape), `bad-signature`, `wrong-audience`, `expired` (`exp` ≤
 * now), `too-long-lived` (`exp` more than 24 h after now or after `iat`).
 */
export async function verifyEmbedToken(
  token: string,
  secret: string,
  now: Date,
): Promise<{ ok: true; claims: EmbedClaims } | { ok: false; reason: EmbedTokenRefusal; exp?: number }> {
  if (!looksLikeEmbedToken(token)) return { ok: false, reason: 'malformed' };
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      audience: EMBED_AUDIENCE,
      currentDate: now,
      requiredClaims: ['sub', 'exp'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad-signature' };
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired', exp: numeric(error.payload.exp) };
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') return { ok: false, reason: 'wrong-audience' };
    return { ok: false, reason: 'malformed' };
  }
  const claims = EmbedClaims.safeParse(payload);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  const { exp, iat } = claims.data;
  const expMs = exp * 1000;
  if (expMs <= now.getTime()) return { ok: false, reason: 'expired', exp };
  if (expMs - now.getTime() > EMBED_MAX_TTL_MS || (iat !== undefined && expMs - iat * 1000 > EMBED_MAX_TTL_MS)) {
    return { ok: false, reason: 'too-long-lived', exp };
  }
  return { ok: true, claims: claims.data };
}

function numeric(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The actor name of a token: its `name` claim, else `embed (customer <sub>)`. */
export function embedActorName(claims: Pick<EmbedClaims, 'sub' | 'name'>): string {
  return claims.name ?? `embed (customer ${claims.sub})`;
}

/** A stable id of an embed token (`emb_` + 16 hex of its SHA-256): the actor's tokenId and rate-limit key. */
export function embedTokenId(token: string): string {
  return `emb_${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 16)}`;
}

/**
 * The signing secret if there is one — `C360_SECRET`, else the one kept in `meta` — without making
 * one: verifying a token never writes (no secret yet means no embed token can be valid).
 * @throws Error when `C360_SECRET` is set but shorter than {@link MIN_SECRET_LENGTH}.
 */
export async function findEmbedSecret(db: Db, env: { C360_SECRET?: string } = process.env): Promise<string | undefined> {
  const fromEnv = env.C360_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_LENGTH)
      throw new Error(`C360_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`)`);
    return fromEnv;
  }
  return (await db.selectFrom('meta').select('value').where('key', '=', SECRET_META_KEY).executeTakeFirst())?.value || undefined;
}

/**
 * The signing secret for minting: {@link findEmbedSecret}, else a random one generated and stored
 * in `meta` on first use.
 * @throws Error when `C360_SECRET` is set but too short.
 */
export async function resolveEmbedSecret(db: Db, env: { C360_SECRET?: string } = process.env): Promise<string> {
  const found = await findEmbedSecret(db, env);
  if (found) return found;
  await db
    .insertInto('meta')
    .values({ key: SECRET_META_KEY, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await findEmbedSecret(db, env))!;
}
