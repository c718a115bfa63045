/**
 * The roles → permissions table is ONE table (ROLE_PERMISSIONS in @c360/sdk): code enforces it,
 * elements read it, and docs/security.md renders it. This checks the table's shape and that the
 * doc's two tables (roles × permissions, and every endpoint's permission) equal the code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PERMISSION_DESCRIPTIONS, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { isOutsideApi } from '../../src/api/embed-lookup-doc.js';

const DOC = fileURLToPath(new URL('../../../../docs/security.md', import.meta.url));

/** The markdown between `<!-- name:start -->` and `<!-- name:end -->` in docs/security.md. */
function section(name: string): string {
  const text = readFileSync(DOC, 'utf8');
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(text);
  if (!match) throw new Error(`docs/security.md has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
  return match[1]!.trim();
}

/** The roles × permissions table as docs/security.md shows it. */
function renderPermissionTable(): string {
  return [
    `| permission | allows | ${ROLES.join(' | ')} |`,
    `| --- | --- | ${ROLES.map(() => ':-:').join(' | ')} |`,
    ...PERMISSIONS.map((p) => `| \`${p}\` | ${PERMISSION_DESCRIPTIONS[p]} | ${ROLES.map((r) => (can(r, p) ? '✓' : '—')).join(' | ')} |`),
  ].join('\n');
}

const SCOPE_TEXT: Record<string, string> = {
  path: 'its own customer only',
  none: 'refused (403)',
  any: 'allowed',
  custom: 'its own customer only (named by the request, e.g. `?customer=`)',
};

/** Routes whose customer-scoped answer says more than their scope kind (`custom`: the customer is found by a lookup). */
const ROUTE_SCOPE_TEXT: Record<string, string> = {
  'PATCH /follow-ups/{id}': 'its own customer’s follow-ups only (403 for another’s or an unknown id)',
};

/** Every endpoint of the OpenAPI document with its permission and how customer-scoped tokens fare. */
function renderEndpointTable(doc: any): string {
  const rows = Object.entries<Record<string, any>>(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => !isOutsideApi(op))
      .map(([method, op]) => {
        const permission = op['x-c360-permission'] === null ? 'any valid token' : `\`${op['x-c360-permission']}\``;
        const scope =
          ROUTE_SCOPE_TEXT[`${method.toUpperCase()} ${path}`] ?? SCOPE_TEXT[op['x-c360-customer-scope']] ?? op['x-c360-customer-scope'];
        return `| ${method.toUpperCase()} \`${path}\` | ${permission} | ${scope} |`;
      }),
  );
  return ['| endpoint (under `/api`) | needs | embed / customer-scoped token |', '| --- | --- | --- |', ...rows].join('\n');
}

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

describe('the permission table', () => {
  it('is cumulative: each role has every permission of the roles below it', () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = ROLE_PERMISSIONS[ROLES[i - 1]!];
      const higher = ROLE_PERMISSIONS[ROLES[i]!];
      for (const p of lower) expect(higher, `${ROLES[i]} ⊇ ${ROLES[i - 1]}`).toContain(p);
      expect(higher.length, `${ROLES[i]} has more than ${ROLES[i - 1]}`).toBeGreaterThan(lower.length);
    }
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const role of ROLES) expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
    expect(Object.isFrozen(ROLE_PERMISSIONS) && Object.isFrozen(ROLE_PERMISSIONS.viewer)).toBe(true);
  });

  it('can() answers from it, false for unknown roles', () => {
    expect(can('viewer', 'customers:read')).toBe(true);
    expect(can('viewer', 'payments:full')).toBe(false);
    expect(can('manager', 'payments:full')).toBe(true);
    expect(can('agent', 'notes:private')).toBe(false);
    expect(can('root', 'admin')).toBe(false);
    expect(can('__proto__', 'admin')).toBe(false);
    expect(can(undefined, 'customers:read')).toBe(false);
  });

  it('docs/security.md shows the same roles × permissions table', () => {
    const expected = renderPermissionTable();
    expect(section('permission-table'), `paste into docs/security.md:\n${expected}`).toBe(expected);
  });

  it('docs/security.md lists every endpoint with the permission the OpenAPI document declares', async () => {
    const doc = (await sample.call('/openapi.json', { as: null })).body;
    const expected = renderEndpointTable(doc);
    expect(section('endpoint-table'), `paste into docs/security.md:\n${expected}`).toBe(expected);
  });
});
