/** The ordered list of migrations, bundled statically (no directory scan at run time). */
import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';
import * as notesTagsSegmentsSearch from './0002_notes_tags_segments_search.js';
import * as changeFeed from './0003_change_feed.js';
import * as searchScale from './0004_search_scale.js';
import * as notificationsSchedules from './0005_notifications_schedules.js';
import * as contactKeysCompanyRegion from './0006_contact_keys_company_region.js';
import * as rfmQuantileIndexes from './0007_rfm_quantile_indexes.js';
import * as searchTextFolded from './0008_search_text_folded.js';
import * as rateBuckets from './0009_rate_buckets.js';
import * as followUps from './0010_follow_ups.js';
import * as leases from './0011_leases.js';
import * as searchDescSortIndexes from './0012_search_desc_sort_indexes.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_notes_tags_segments_search': notesTagsSegmentsSearch,
  '0003_change_feed': changeFeed,
  '0004_search_scale': searchScale,
  '0005_notifications_schedules': notificationsSchedules,
  '0006_contact_keys_company_region': contactKeysCompanyRegion,
  '0007_rfm_quantile_indexes': rfmQuantileIndexes,
  '0008_search_text_folded': searchTextFolded,
  '0009_rate_buckets': rateBuckets,
  '0010_follow_ups': followUps,
  '0011_leases': leases,
  '0012_search_desc_sort_indexes': searchDescSortIndexes,
};
