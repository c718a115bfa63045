/**
 * The server test files the `postgres` vitest project runs again against PostgreSQL (every file
 * runs on SQLite). A file is listed once it opens its databases through the engine helpers
 * (sample-db.ts, engines.ts) and asks nothing of SQLite itself; docs/architecture.md lists the rest.
 */
export const POSTGRES_TESTS: readonly string[] = [
  'actions/quick-actions', 'actions/smtp',
  'api/compression-and-caching', 'api/errors', 'api/events', 'api/metrics-from-csv', 'api/openapi', 'api/operation-ids',
  'api/properties', 'api/sdk-client', 'api/unknown-paths-and-bodies',
  'audit/audit',
  'auth/limits', 'auth/malformed-input', 'auth/masking-and-notes', 'auth/permission-table', 'auth/route-matrix',
  'compare/compare',
  'export/csv-formula', 'export/export', 'export/xlsx',
  'ingest/batch-aggregates', 'ingest/event-types', 'ingest/events-file', 'ingest/properties', 'ingest/replay-and-errors',
  'notes/notes', 'notifications/notifications', 'preferences/edit',
  'read/rfm-breakpoints', 'realtime/stream', 'sections/*',
  'scores/score-changes',
  'search/scores-ids-count', 'search/search', 'search/sort-pages',
  'security/hostile-json',
  'segments/segments',
  'tags/tags',
  'db/*', 'postgres/*', 'multi-instance/*',
].map((name) => `packages/server/test/${name}.test.ts`);
