/**
 * Words for the audit log's actions and details, in the active language. Actions the element does
 * not know are shown as recorded (the API adds actions over time).
 * @module
 */
import { msg } from '@lit/localize';

/** The actions (and action families, `export.*`) offered by the action filter, in this order. */
export const KNOWN_ACTIONS = [
  'preferences.updated',
  'email.sent',
  'ticket.created',
  'loyalty.points_adjusted',
  'note.created',
  'tag.*',
  'segment.*',
  'export.*',
  'export.customers.*',
  'export.schedule.*',
  'notification.*',
  'token.*',
] as const;

/** An action (or family) in words; unknown ones as recorded. */
export function actionLabel(action: string): string {
  const labels: Record<string, string> = {
    'preferences.updated': msg('Preferences or consent changed'),
    'email.sent': msg('Email sent'),
    'ticket.created': msg('Ticket opened'),
    'loyalty.points_adjusted': msg('Points adjusted'),
    'note.created': msg('Note added'),
    'tag.*': msg('Tags (any change)'),
    'tag.created': msg('Tag created'),
    'tag.assigned': msg('Tag added'),
    'tag.removed': msg('Tag removed'),
    'segment.*': msg('Segments (any change)'),
    'segment.created': msg('Segment created'),
    'segment.updated': msg('Segment changed'),
    'segment.assigned': msg('Added to a segment'),
    'segment.removed': msg('Removed from a segment'),
    'export.*': msg('Exports (all)'),
    'export.pdf': msg('PDF export'),
    'export.csv': msg('CSV export'),
    'export.xlsx': msg('Excel export'),
    'export.customers.*': msg('Bulk exports'),
    'export.customers.csv': msg('Bulk CSV export'),
    'export.customers.xlsx': msg('Bulk Excel export'),
    'export.schedule.*': msg('Scheduled exports'),
    'notification.*': msg('Notifications'),
    'token.*': msg('API tokens'),
    'token.created': msg('Token created'),
    'token.revoked': msg('Token revoked'),
  };
  return labels[action] ?? action;
}

/** `key: value · key: value` of an entry's details (nested values as JSON); empty without details. */
export function detailsText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}
