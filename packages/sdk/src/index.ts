/**
 * @c360/sdk — the wire contract of c360 (zod schemas of every request and response) and a typed
 * client. The server validates with these schemas and generates its OpenAPI document from them;
 * the elements talk to the API only through {@link createClient}.
 * @module
 */
export * from './constants.js';
export * from './schemas/common.js';
export * from './schemas/scores.js';
export * from './schemas/customer.js';
export * from './schemas/orders.js';
export * from './schemas/sections.js';
export * from './schemas/timeline.js';
export * from './schemas/events/index.js';
export * from './schemas/notes.js';
export * from './schemas/tags.js';
export * from './schemas/segments.js';
export * from './schemas/segment-preview.js';
export * from './schemas/compare.js';
export * from './schemas/auth.js';
export * from './schemas/stream.js';
export * from './schemas/actions.js';
export {
  createClient,
  createLightClient,
  type BulkExportOptions,
  type C360Client,
  type ClientOptions,
  type ExportFile,
  type ResponseOf,
  type ResponseValidator,
} from './client.js';
export { RESPONSE_SCHEMAS, validateResponse, type ResponseName } from './response-schemas.js';
export { C360ApiError } from './errors.js';
export {
  subscribe,
  followStream,
  type ChangeHandler,
  type FollowedStream,
  type StreamHandlers,
  type StreamSource,
  type SubscribeOptions,
} from './subscribe.js';
export * from './schemas/export.js';
export * from './schemas/preferences.js';
export * from './schemas/audit.js';
export * from './schemas/notifications.js';
export * from './schemas/follow-ups.js';
export * from './schemas/export-schedules.js';
export * from './schemas/embed.js';
