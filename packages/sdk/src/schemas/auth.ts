/**
 * Roles and permissions (SPEC §8, R19): the ONE table the server enforces, the elements use to hide
 * actions a role may not take, and docs/security.md renders (a test checks the doc against it).
 * Roles are ordered viewer < agent < manager < admin: each role has every permission of the roles
 * below it.
 * @module
 */
import { z } from 'zod';

/** The roles, lowest first. */
export const ROLES = ['viewer', 'agent', 'manager', 'admin'] as const;

export const Role = z.enum(ROLES).meta({ id: 'Role', description: 'viewer < agent < manager < admin' });
export type Role = z.infer<typeof Role>;

/** Every permission, in the order docs/security.md lists them. */
export const PERMISSIONS = [
  'customers:read',
  'payments:full',
  'notes:private',
  'notes:write',
  'tags:write',
  'segments:write',
  'loyalty:adjust',
  'tickets:write',
  'email:send',
  'consent:write',
  'notifications',
  'export',
  'audit:read',
  'admin',
] as const;

export const Permission = z.enum(PERMISSIONS).meta({ id: 'Permission' });
export type Permission = z.infer<typeof Permission>;

/** What each permission allows (rendered in docs/security.md). */
export const PERMISSION_DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  'customers:read': 'Read customers: search, 360 view, sections, timeline, notes the caller may see, tags, segments, compare',
  'payments:full': 'See full billing details (payment processor references); brand, last 4 digits and expiry are shown to every role',
  'notes:private': 'Read `restricted` notes of others; create `private` notes',
  'notes:write': 'Add notes (`team` and `restricted`)',
  'tags:write': 'Create tags, tag and untag customers',
  'segments:write': 'Create and change segments, add and remove customers from manual segments',
  'loyalty:adjust': 'Adjust loyalty points (quick action)',
  'tickets:write': 'Open tickets (quick action)',
  'email:send': 'Send an email to the customer (quick action)',
  'consent:write':
    'Change a customer’s communication preferences and consent (opt-in/out with reason, quiet hours, time zone, language, frequency)',
  notifications: 'Receive notifications (churn, health, CSAT, VIP rules): list and mark read one’s own, choose their kinds and channels',
  export: 'Export a customer (PDF, CSV)',
  'audit:read': 'Read the audit log (`GET /audit`): actions, exports and their actors',
  admin: 'Operate the deployment: ingestion (`POST /events`) and administration',
};

/**
 * Roles → permissions: THE table. Each role lists every permission it has (the lower roles'
 * included), so reading one row is enough.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  viewer: Object.freeze(['customers:read'] as const),
  agent: Object.freeze([
    'customers:read',
    'notes:write',
    'tags:write',
    'tickets:write',
    'email:send',
    'consent:write',
    'notifications',
  ] as const),
  manager: Object.freeze(PERMISSIONS.filter((p) => p !== 'admin')),
  admin: Object.freeze([...PERMISSIONS]),
});

/** True when `role` has `permission`; false for an unknown role. */
export function can(role: Role | string | null | undefined, permission: Permission): boolean {
  if (!role || !Object.hasOwn(ROLE_PERMISSIONS, role)) return false;
  return ROLE_PERMISSIONS[role as Role].includes(permission);
}

/** How a token was issued: an API key (`c360_…`, stored hashed, revocable) or an embed token (a JWT, HS256, one customer, ≤ 24 h). */
export const TokenKind = z.enum(['api-key', 'embed']);
export type TokenKind = z.infer<typeof TokenKind>;

/** GET /me — who the bearer token acts as, so a page can hide what the role may not do. */
export const CurrentActor = z
  .object({
    name: z.string().meta({ description: 'Recorded as note author, tag assigner and audit actor', example: 'Dana (support)' }),
    role: Role,
    permissions: z.array(Permission).meta({ description: 'Every permission of the role (ROLE_PERMISSIONS)' }),
    tokenId: z.string().meta({ description: 'Id of the API key (`tok_…`), or `emb_…` for an embed token' }),
    kind: TokenKind,
    customerId: z.string().nullable().meta({ description: 'Set for a customer-scoped token: it may only read and act on this customer' }),
    expiresAt: z.string().nullable().meta({ description: 'ISO 8601 expiry of the token, or null when it does not expire' }),
  })
  .meta({ id: 'CurrentActor' });
export type CurrentActor = z.infer<typeof CurrentActor>;
