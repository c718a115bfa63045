/**
 * The words of `<customer-notes>` for note types and visibilities: the lists shown in the selects,
 * their labels and the hint of who may read a note. Every function reads the current locale
 * (`msg()`), so call them at render time.
 * @module
 */
import { msg } from '@lit/localize';
import type { NoteType, NoteVisibility } from '@c360/sdk';

/** The note types, in the order of the type selects. */
export const NOTE_TYPES: readonly NoteType[] = ['general', 'support', 'sales', 'billing'];
/** The note visibilities, in the order of the visibility select. */
export const NOTE_VISIBILITIES: readonly NoteVisibility[] = ['team', 'private', 'restricted'];

/** The label of a note type in the current locale. */
export function noteTypeLabel(type: NoteType): string {
  const labels: Record<NoteType, string> = {
    general: msg('General'),
    support: msg('Support'),
    sales: msg('Sales'),
    billing: msg('Billing'),
  };
  return labels[type];
}

/** The label of a note visibility in the current locale. */
export function noteVisibilityLabel(visibility: NoteVisibility): string {
  const labels: Record<NoteVisibility, string> = { team: msg('Team'), private: msg('Private'), restricted: msg('Restricted') };
  return labels[visibility];
}

/** Who may read a note of that visibility, in the current locale. */
export function visibilityHint(visibility: NoteVisibility): string {
  const hints: Record<NoteVisibility, string> = {
    team: msg('Everyone who can see this customer'),
    private: msg('Only the author'),
    restricted: msg('The author, managers and admins'),
  };
  return hints[visibility];
}
