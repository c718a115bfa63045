/**
 * API keys (SPEC §8): `c360_` + 32 random bytes in base64url. Only the SHA-256 of a key is stored
 * (`api_tokens.token_hash`); the key itself is shown once, by `c360 token create`. A key has a name
 * (the actor recorded as author and in the audit log), a role, optionally a customer it is scoped
 * to, and optionally an expiry; revoking sets `revoked_at`. Every change goes through the write pipeline
 * (write/pipeline.ts) with its audit row; tokens are no customer data, so no change-feed entry.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { CustomerId, Role } from '@c360/sdk';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.js';
import type { ApiTokensTable } from '../db/schema.js';
import { sortableId } from '../write/ids.js';
import { runWrite } from '../write/pipeline.js';

export const API_KEY_PREFIX = 'c360_';
/** `c360_` and 43 base64url characters (32 bytes). */
export const API_KEY_PATTERN = /^c360_[A-Za-z0-9_-]{43}$/;

/** What a token is called: 1–100 printable characters. */
export function checkTokenName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100 || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new Error(`token name "${name}": 1–100 characters without control characters`);
  }
  return trimmed;
}

/** The role named `text`, or a message listing the roles. */
export function checkRole(text: string): Role {
  const role = Role.safeParse(text);
  if (!role.success) throw new Error(`role "${text}": one of ${Role.options.join(', ')}`);
  return role.data;
}

/** A customer id as the API accepts it. */
export function checkCustomerId(text: string): string {
  const id = CustomerId.safeParse(text);
  if (!id.success) throw new Error(`customer "${text}": ${id.error.issues[0]?.message ?? 'not a customer id'}`);
  return id.data;
}

/** Hex SHA-256 of a token: what `api_tokens.token_hash` holds. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random API key. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** An API key as listed: never its secret. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  customerId: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export function toApiKeyInfo(row: Selectable<ApiTokensTable>): ApiKeyInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    customerId: row.customer_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export interface NewApiKey {
  name: string;
  role: string;
  customerId?: string;
  /** Lifetime in milliseconds; none = does not expire. */
  ttlMs?: number;
  now?: Date;
  /** Who creates it, for the audit log (default "cli"). */
  createdBy?: string;
}

/** Creates an API key; returns the key (shown once) and its record. */
export async function createApiKey(db: Db, input: NewApiKey): Promise<{ token: string; info: ApiKeyInfo }> {
  const now = input.now ?? new Date();
  const name = checkTokenName(input.name);
  const role = checkRole(input.role);
  const customerId = input.customerId === undefined ? null : checkCustomerId(input.customerId);
  const token = generateApiKey();
  const row = {
    id: sortableId('tok_', now),
    name,
    role,
    token_hash: hashToken(token),
    customer_id: customerId,
    created_at: now.toISOString(),
    expires_at: input.ttlMs === undefined ? null : new Date(now.getTime() + input.ttlMs).toISOString(),
    revoked_at: null,
  };
  await runWrite(
    db,
    async (w) => {
      await w.trx.insertInto('api_tokens').values(row).execute();
      await w.audit({
        actor: input.createdBy ?? 'cli',
        action: 'token.created',
        customerId,
        details: { tokenId: row.id, name, role, expiresAt: row.expires_at },
      });
    },
    now,
  );
  return { token, info: toApiKeyInfo(row) };
}

/** Every API key, oldest first (no secrets: only hashes are stored, and they are not listed). */
export async function listApiKeys(db: Db): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toApiKeyInfo);
}

/**
 * Revokes the key with this id (it stops working at once). Returns its record; undefined when no
 * key has this id. Revoking a revoked key keeps the first revocation time.
 */
export async function revokeApiKey(db: Db, id: string, options: { now?: Date; revokedBy?: string } = {}): Promise<ApiKeyInfo | undefined> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  return runWrite(
    db,
    async (w) => {
      const row = await w.trx.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      if (row.revoked_at) return toApiKeyInfo(row);
      await w.trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
      keyCache.delete(row.token_hash); // effective at once in this process
      await w.audit({
        actor: options.revokedBy ?? 'cli',
        action: 'token.revoked',
        customerId: row.customer_id,
        details: { tokenId: id, name: row.name },
      });
      return toApiKeyInfo({ ...row, revoked_at: at });
    },
    now,
  );
}

/**
 * How long a found key is reused without reading `api_tokens` again, in milliseconds. A revocation
 * through {@link revokeApiKey} in this process (through any handle) takes effect at once; one made
 * by another process (`c360 token revoke` run separately, another instance) within this many
 * milliseconds. Expiry is checked on every request from the cached row.
 */
export const API_KEY_CACHE_MS = 2_000;
/** Most cached keys (the cache starts over beyond: tokens are few; unknown tokens are not cached). */
const API_KEY_CACHE_MAX = 1_000;

/** Found keys by token hash, with the handle they were read through and when. */
const keyCache = new Map<string, { db: Db; row: Selectable<ApiTokensTable>; at: number }>();

/** The stored key whose hash matches `token`, or undefined; known keys are cached {@link API_KEY_CACHE_MS}. */
export async function findApiKey(db: Db, token: string, now = Date.now()): Promise<Selectable<ApiTokensTable> | undefined> {
  const hash = hashToken(token);
  const hit = keyCache.get(hash);
  if (hit && hit.db === db && now - hit.at < API_KEY_CACHE_MS && now >= hit.at) return hit.row;
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (row) {
    if (keyCache.size >= API_KEY_CACHE_MAX) keyCache.clear();
    keyCache.set(hash, { db, row, at: now });
  } else keyCache.delete(hash);
  return row;
}
