/**
 * `c360 token create|list|revoke` (SPEC §8):
 *
 *   c360 token create --role ROLE --name NAME [--customer ID] [--ttl 30d]     an API key (c360_…)
 *   c360 token create --embed --customer ID [--role viewer] [--name NAME] [--ttl 15m]
 *                                                                           a signed embed token (c360e_…, ≤ 24h)
 *   c360 token list                                                         every API key, no secrets
 *   c360 token revoke ID                                                    the key stops working at once
 *
 * `create` prints ONLY the token on stdout (so `TOKEN=$(c360 token create …)` works) and what it
 * made on stderr. API keys are stored as their SHA-256; the key cannot be shown again.
 * @module
 */
import { parseArgs } from 'node:util';
import { openDb, type Db } from '../db/connect.js';
import { checkCustomerId, checkRole, createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo } from '../auth/api-keys.js';
import { EMBED_DEFAULT_TTL_MS, EMBED_MAX_TTL_MS, resolveEmbedSecret, signEmbedToken } from '../auth/embed-tokens.js';
import { formatTtl, parseTtl } from '../auth/ttl.js';
import { resolveDbFile } from './options.js';

const USAGE = `usage: c360 token create --role ROLE --name NAME [--customer ID] [--ttl 1h|30d] [--db FILE]
       c360 token create --embed --customer ID [--role ROLE] [--name NAME] [--ttl 15m] [--db FILE]
       c360 token list [--db FILE]
       c360 token revoke ID [--db FILE]
roles: viewer < agent < manager < admin (permissions: docs/security.md)`;

const OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  customer: { type: 'string' },
  ttl: { type: 'string' },
  embed: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function tokenCommand(args: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [action, ...rest] = positionals;
  if (values.help) return out(`${USAGE}\n`);
  if (!action || !['create', 'list', 'revoke'].includes(action)) throw new Error(`${action ? `unknown action "${action}"` : 'missing action'}\n${USAGE}`);
  if (action !== 'revoke' && rest.length) throw new Error(`unexpected argument "${rest[0]}"\n${USAGE}`);
  const db = await openDb({ file: resolveDbFile(values) });
  try {
    if (action === 'list') return out(formatList(await listApiKeys(db), new Date()));
    if (action === 'revoke') {
      const [id, ...extra] = rest;
      if (!id || extra.length) throw new Error(`revoke takes one token id (see c360 token list)\n${USAGE}`);
      const info = await revokeApiKey(db, id);
      if (!info) throw new Error(`no API key with id "${id}" (see c360 token list)`);
      return out(`Revoked ${info.id} (${info.name}, ${info.role}) at ${info.revokedAt}\n`);
    }
    return await create(db, values, out, err);
  } finally {
    await db.destroy();
  }
}

async function create(
  db: Db,
  values: { role?: string; name?: string; customer?: string; ttl?: string; embed?: boolean },
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<void> {
  const customerId = values.customer === undefined ? undefined : checkCustomerId(values.customer);
  if (customerId !== undefined) {
    const exists = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
    if (!exists) throw new Error(`--customer "${customerId}": no such customer in this database`);
  }
  if (values.embed) {
    if (customerId === undefined) throw new Error(`--embed needs --customer ID: an embed token is scoped to one customer\n${USAGE}`);
    const ttlMs = values.ttl === undefined ? EMBED_DEFAULT_TTL_MS : parseTtl(values.ttl);
    if (ttlMs > EMBED_MAX_TTL_MS) throw new Error(`--ttl "${values.ttl}": embed tokens live at most 24h`);
    const role = checkRole(values.role ?? 'viewer');
    const name = (values.name ?? `embed (customer ${customerId})`).trim();
    const exp = Math.floor((Date.now() + ttlMs) / 1000);
    const token = signEmbedToken({ sub: name, role, cus: customerId, exp }, await resolveEmbedSecret(db));
    out(`${token}\n`);
    err(`Embed token for customer ${customerId} as "${name}" (${role}), expires ${new Date(exp * 1000).toISOString()} (${formatTtl(ttlMs)})\n`);
    return;
  }
  if (!values.role || !values.name) throw new Error(`create needs --role and --name\n${USAGE}`);
  const ttlMs = values.ttl === undefined ? undefined : parseTtl(values.ttl);
  const { token, info } = await createApiKey(db, { name: values.name, role: values.role, customerId, ttlMs });
  out(`${token}\n`);
  err(`API key ${info.id} "${info.name}" (${info.role}${info.customerId ? `, customer ${info.customerId} only` : ''}), `
    + `${info.expiresAt ? `expires ${info.expiresAt}` : 'does not expire'}. Store it now: only its hash is kept.\n`);
}

function status(k: ApiKeyInfo, now: Date): string {
  if (k.revokedAt) return `revoked ${k.revokedAt}`;
  if (k.expiresAt && k.expiresAt <= now.toISOString()) return `expired ${k.expiresAt}`;
  return k.expiresAt ? `active until ${k.expiresAt}` : 'active';
}

/** A plain table of keys (no secrets: none are stored). */
export function formatList(keys: ApiKeyInfo[], now: Date): string {
  if (!keys.length) return 'No API keys. Create one with: c360 token create --role viewer --name "Dana (support)"\n';
  const rows = [['ID', 'NAME', 'ROLE', 'CUSTOMER', 'CREATED', 'STATUS'],
    ...keys.map((k) => [k.id, k.name, k.role, k.customerId ?? '-', k.createdAt, status(k, now)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}
