/**
 * The demo's access (SPEC §2: `npm start` shows a working 360 view with no further step):
 * - `c360 demo` keeps ONE admin API key named "Demo admin" and prints it at every start. Its
 *   plaintext is kept in `meta` (`demo.admin_token`) so the same key works across restarts; only
 *   `c360 demo` writes it, `c360 serve` never creates keys. Revoke it with `c360 token revoke`
 *   (the next `c360 demo` makes a new one).
 * - the demo page reads it from GET /demo-config.json `{apiBase, token}`, served ONLY by
 *   `c360 demo` and ONLY to a browser on the same machine: the TCP peer must be a loopback address,
 *   the Host header must name localhost (a DNS-rebinding page has its own host name), a browser's
 *   `Sec-Fetch-Site` must be same-origin or none, and the path has no CORS headers — so another
 *   machine, or another site open in the same browser, cannot read it.
 * @module
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Db } from '../db/connect.js';
import { createApiKey, findApiKey } from './api-keys.js';

export const DEMO_TOKEN_META_KEY = 'demo.admin_token';
export const DEMO_TOKEN_NAME = 'Demo admin';

/** The demo admin key: the stored one while it is valid, else a new one. */
export async function ensureDemoToken(db: Db, now = new Date()): Promise<{ token: string; created: boolean }> {
  const stored = (await db.selectFrom('meta').select('value').where('key', '=', DEMO_TOKEN_META_KEY).executeTakeFirst())?.value;
  if (stored) {
    const row = await findApiKey(db, stored);
    if (row && !row.revoked_at && (!row.expires_at || row.expires_at > now.toISOString()) && row.role === 'admin') {
      return { token: stored, created: false };
    }
  }
  const { token } = await createApiKey(db, { name: DEMO_TOKEN_NAME, role: 'admin', now, createdBy: 'c360 demo' });
  await db
    .insertInto('meta')
    .values({ key: DEMO_TOKEN_META_KEY, value: token })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: token }))
    .execute();
  return { token, created: true };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Why a request may not read the demo configuration, or null when it may. */
export function demoConfigRefusal(c: Context): string | null {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined; // not a Node HTTP request (e.g. app.request in tests): no peer, refused
  }
  if (!isLoopbackAddress(peer)) return 'The demo configuration is served only to a browser on the machine running `c360 demo`';
  const host = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '');
  if (!LOOPBACK_HOSTS.has(host) && !host.endsWith('.localhost')) return 'The demo configuration is served only at http://localhost:PORT';
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'The demo configuration is not served to other sites';
  return null;
}
