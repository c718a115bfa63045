/**
 * The `operationId` of every operation of the OpenAPI document: the name a generated client gives
 * the call (`client.getCustomer360(…)`). The names of the routes that exist are chosen here, in one
 * place, so they read well and stay stable; a route added later without an entry (and without its
 * own `operationId`) gets one derived from its method and path (`GET /customers/{id}/foo` →
 * `getCustomersByIdFoo`), so the document never lacks one. Uniqueness is checked at start.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

/** `METHOD /path` (OpenAPI path syntax, relative to `/api`) → operationId. */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  'GET /me': 'getCurrentActor',
  'GET /customers': 'searchCustomers',
  'GET /customers/compare': 'compareCustomers',
  'GET /customers/export.csv': 'exportCustomersCsv',
  'GET /customers/export.xlsx': 'exportCustomersXlsx',
  'GET /customers/{id}/360': 'getCustomer360',
  'GET /customers/{id}/orders': 'listCustomerOrders',
  'GET /customers/{id}/timeline': 'getCustomerTimeline',
  'GET /customers/{id}/loyalty': 'getCustomerLoyalty',
  'GET /customers/{id}/marketing': 'getCustomerMarketing',
  'GET /customers/{id}/support': 'getCustomerSupport',
  'GET /customers/{id}/support/tickets/{ticketId}': 'getCustomerTicket',
  'GET /customers/{id}/payments': 'getCustomerPayments',
  'GET /customers/{id}/analytics': 'getCustomerAnalytics',
  'GET /customers/{id}/export': 'exportCustomer',
  'GET /customers/{id}/notes': 'listCustomerNotes',
  'POST /customers/{id}/notes': 'addCustomerNote',
  'GET /customers/{id}/tags': 'listCustomerTags',
  'POST /customers/{id}/tags': 'assignCustomerTag',
  'DELETE /customers/{id}/tags/{tagId}': 'removeCustomerTag',
  'POST /customers/{id}/segments': 'addCustomerToSegment',
  'DELETE /customers/{id}/segments/{segmentId}': 'removeCustomerFromSegment',
  'POST /customers/{id}/actions/email': 'sendCustomerEmail',
  'POST /customers/{id}/actions/ticket': 'openCustomerTicket',
  'POST /customers/{id}/actions/points': 'adjustCustomerPoints',
  'GET /tags': 'listTags',
  'POST /tags': 'createTag',
  'GET /segments': 'listSegments',
  'POST /segments': 'createSegment',
  'PATCH /segments/{segmentId}': 'updateSegment',
  'POST /segments/preview': 'previewSegment',
  'POST /events': 'ingestEvents',
  'GET /stream': 'streamChanges',
  'GET /embed/lookup': 'lookupEmbedCustomer',
};

/** `getCustomersByIdFoo` for `get` `/customers/{id}/foo`: the fallback name of an unlisted route. */
export function derivedOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      const word = (param ? `by-${param}` : segment).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());
      return word.charAt(0).toUpperCase() + word.slice(1);
    });
  return method.toLowerCase() + words.join('');
}

/**
 * Gives every route registered on `app` so far an `operationId` (its own, else {@link OPERATION_IDS},
 * else {@link derivedOperationId}). Call it after the last route is added.
 * @throws Error naming both routes when two operations would share an id.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app environment
export function assignOperationIds(app: OpenAPIHono<any>): void {
  const seen = new Map<string, string>();
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const route = def.route as { method: string; path: string; operationId?: string };
    const key = `${route.method.toUpperCase()} ${route.path}`;
    route.operationId ??= OPERATION_IDS[key] ?? derivedOperationId(route.method, route.path);
    const other = seen.get(route.operationId);
    if (other) throw new Error(`operationId "${route.operationId}" of ${key} is already the id of ${other}`);
    seen.set(route.operationId, key);
  }
}
