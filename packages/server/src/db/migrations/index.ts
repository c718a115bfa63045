/** The ordered list of migrations, bundled statically (no directory scan at run time). */
import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
};
