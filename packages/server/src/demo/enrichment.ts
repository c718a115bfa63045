/**
 * Kept for imports of the former single-file enrichment: the profile generator now lives in
 * `enrich/profile.ts`, the other sections beside it.
 * @module
 */
export { DEMO_VIP_THRESHOLD, enrichmentEvents, type EnrichTarget } from './enrich/profile.js';
