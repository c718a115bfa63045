/**
 * `c360 token create|list|revoke` (SPEC §8):
 *
 *   c360 token create --role ROLE --name NAME [--customer ID] [--ttl 30d]    an API key (c360_…)
 *   c360 token create --embed --customer ID [--role viewer] [--name NAME] [--ttl 15m]
 *                                                                          an embed token (a JWT, ≤ 24h)
 *   c360 token list                                                        every API key, no secrets
 *   c360 token revoke ID                                                   the key stops working at once
 *
 * `create` prints ONLY the token on stdout (so `TOKEN=$(c360 token create …)` works) and what it
 * made on stderr. API keys are stored as their SHA-256; the key cannot be shown again.
 * @module
 */
import { Command } from 'commander';
import type { Db } from '../db/connect.js';
import { checkCustomerId, checkRole, createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo } from '../auth/api-keys.js';
import { EMBED_DEFAULT_TTL_MS, EMBED_MAX_TTL_MS, embedActorName, resolveEmbedSecret, signEmbedToken } from '../auth/embed-tokens.js';
import { formatTtl, parseTtl } from '../auth/ttl.js';
import { withCommandDb, withDbOptions, type DbFlags } from './options.js';

/** Where the command writes: the token (stdout) and what it made (stderr). Tests pass their own. */
export interface TokenOutput {
  out: (s: string) => void;
  err: (s: string) => void;
}

const STDIO: TokenOutput = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

interface CreateFlags extends DbFlags {
  role?: string;
  name?: string;
  customer?: string;
  ttl?: string;
  embed?: boolean;
}

/** The `token` command and its actions `create`, `list`, `revoke`. */
export function tokenCommand(io: TokenOutput = STDIO): Command {
  const create = withDbOptions(
    new Command('create')
      .description('Create an API key (prints only the key), or with --embed an embed token for one customer')
      .option('--role <role>', 'viewer, agent, manager or admin (embed tokens: default viewer)')
      .option('--name <name>', 'who uses it: note author and audit actor')
      .option('--customer <id>', 'scope to this customer (required with --embed)')
      .option('--ttl <duration>', 'lifetime: 90s, 15m, 1h, 30d (API keys: default none; embed tokens: default 15m, at most 24h)')
      .option('--embed', 'an embed token (a JWT signed with the embed secret) instead of an API key'),
  ).action((flags: CreateFlags) => withCommandDb(flags, (db) => createToken(db, flags, io)));

  const list = withDbOptions(new Command('list').description('List API keys (no secrets)')).action((flags: DbFlags) =>
    withCommandDb(flags, async (db) => io.out(formatList(await listApiKeys(db), new Date()))),
  );

  const revoke = withDbOptions(
    new Command('revoke').description('Revoke an API key: it stops working at once').argument('<id>', 'the key id (see c360 token list)'),
  ).action((id: string, flags: DbFlags) =>
    withCommandDb(flags, async (db) => {
      const info = await revokeApiKey(db, id);
      if (!info) throw new Error(`no API key with id "${id}" (see c360 token list)`);
      io.out(`Revoked ${info.id} (${info.name}, ${info.role}) at ${info.revokedAt}\n`);
    }),
  );

  return new Command('token')
    .description('API keys and embed tokens (roles viewer < agent < manager < admin: docs/security.md)')
    .addCommand(create)
    .addCommand(list)
    .addCommand(revoke);
}

async function createToken(db: Db, flags: CreateFlags, io: TokenOutput): Promise<void> {
  const customerId = flags.customer === undefined ? undefined : checkCustomerId(flags.customer);
  if (customerId !== undefined) {
    const exists = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
    if (!exists) throw new Error(`--customer "${customerId}": no such customer in this database`);
  }
  if (flags.embed) {
    if (customerId === undefined) throw new Error('--embed needs --customer ID: an embed token is scoped to one customer');
    const ttlMs = flags.ttl === undefined ? EMBED_DEFAULT_TTL_MS : parseTtl(flags.ttl);
    if (ttlMs > EMBED_MAX_TTL_MS) throw new Error(`--ttl "${flags.ttl}": embed tokens live at most 24h`);
    const role = checkRole(flags.role ?? 'viewer');
    const name = flags.name?.trim() || undefined;
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + Math.floor(ttlMs / 1000);
    const token = signEmbedToken({ sub: customerId, role, exp, iat, ...(name ? { name } : {}) }, await resolveEmbedSecret(db));
    io.out(`${token}\n`);
    io.err(
      `Embed token for customer ${customerId} as "${embedActorName({ sub: customerId, name })}" (${role}), expires ${new Date(exp * 1000).toISOString()} (${formatTtl(ttlMs)})\n`,
    );
    return;
  }
  if (!flags.role || !flags.name) throw new Error('create needs --role and --name (or --embed --customer ID)');
  const ttlMs = flags.ttl === undefined ? undefined : parseTtl(flags.ttl);
  const { token, info } = await createApiKey(db, { name: flags.name, role: flags.role, customerId, ttlMs });
  io.out(`${token}\n`);
  io.err(
    `API key ${info.id} "${info.name}" (${info.role}${info.customerId ? `, customer ${info.customerId} only` : ''}), ` +
      `${info.expiresAt ? `expires ${info.expiresAt}` : 'does not expire'}. Store it now: only its hash is kept.\n`,
  );
}

function status(k: ApiKeyInfo, now: Date): string {
  if (k.revokedAt) return `revoked ${k.revokedAt}`;
  if (k.expiresAt && k.expiresAt <= now.toISOString()) return `expired ${k.expiresAt}`;
  return k.expiresAt ? `active until ${k.expiresAt}` : 'active';
}

/** A plain table of keys (no secrets: none are stored). */
export function formatList(keys: ApiKeyInfo[], now: Date): string {
  if (!keys.length) return 'No API keys. Create one with: c360 token create --role viewer --name "Dana (support)"\n';
  const rows = [
    ['ID', 'NAME', 'ROLE', 'CUSTOMER', 'CREATED', 'STATUS'],
    ...keys.map((k) => [k.id, k.name, k.role, k.customerId ?? '-', k.createdAt, status(k, now)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}
