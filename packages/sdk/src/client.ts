/**
 * {@link createClient}: the typed client of the c360 HTTP API that checks every response (and change
 * record) against the contract's zod schemas — for servers, scripts and tests. The elements use the
 * same client without the check ({@link createLightClient}, client-core.ts) to keep zod off the page.
 * @module
 */
import { createLightClient, type C360Client, type ClientOptions } from './client-core.js';
import { validateResponse } from './response-schemas.js';

export {
  createLightClient,
  type BulkExportOptions,
  type C360Client,
  type ClientOptions,
  type ExportFile,
  type ResponseOf,
  type ResponseValidator,
} from './client-core.js';

/**
 * Creates a client that validates every response with the contract's zod schemas. Errors:
 * {@link C360ApiError} with the server's problem (status 4xx/5xx), or status 0 when the network
 * fails or the body is not what the contract says.
 *
 * @example
 * const c360 = createClient({ baseUrl: 'http://localhost:8360/api', token });
 * const view = await c360.getCustomer360('17850');
 * view.metrics.lifetimeValue; // 5391.21 (GBP)
 */
export function createClient(options: ClientOptions): C360Client {
  return createLightClient({ validate: validateResponse, ...options });
}
