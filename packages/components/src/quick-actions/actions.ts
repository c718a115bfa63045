/**
 * The five quick actions: their words, permission, form fields, client-side checks and API call
 * (docs/api.md, "Quick actions"). Every text is read at render time, so it follows the locale.
 * @module
 */
import { msg, str } from '@lit/localize';
import {
  C360ApiError,
  NOTE_MAX_LENGTH,
  type C360Client,
  type NoteType,
  type NoteVisibility,
  type Permission,
  type PointsAdjusted,
  type TicketChannel,
  type TicketPriority,
  type TicketSummary,
} from '@c360/sdk';
import type { Formatter } from '../base/format.js';
import { followUpAction } from './follow-up-action.js';
import { problemReason, problemTitle } from '../base/server-text-problems.js';

/** The quick actions, in the order of their buttons. */
export const QUICK_ACTIONS = ['email', 'ticket', 'points', 'note', 'followUp'] as const;
export type QuickAction = (typeof QUICK_ACTIONS)[number];

/** One field of an action's form. */
export interface FieldSpec {
  name: string;
  label: string;
  /** `datetime`: a `datetime-local` input (local time). */
  kind: 'text' | 'textarea' | 'number' | 'select' | 'datetime';
  required?: boolean;
  /** Largest length in characters (text, textarea). */
  max?: number;
  options?: ReadonlyArray<readonly [string, string]>;
  hint?: string;
}

/** A form's values by field name. */
export type Values = Record<string, string>;

/** The words of an action, in the current locale. */
export interface ActionTexts {
  /** Its button. */
  label: string;
  /** Its dialog's heading. */
  title: string;
  /** Its submit button, and that button while sending. */
  submit: string;
  sending: string;
  /** "The email was not sent." — leads a refusal. */
  failed: string;
}

export interface ActionSpec {
  /** The action's words, read at render time so they follow the locale. */
  texts(): ActionTexts;
  permission: Permission;
  fields: (can: (p: Permission) => boolean) => FieldSpec[];
  defaults: Values;
  /**
   * Values to fill in once the dialog is open (fields the user has not touched yet), e.g. a
   * default due time from the server's clock; `me` is the caller's name once known.
   */
  prepare?(client: C360Client, customerId: string, me: string | undefined): Promise<Values>;
  run(client: C360Client, id: string, values: Values, idempotencyKey: string): Promise<unknown>;
  success(result: never, f: Formatter): string;
}

/** The ticket priorities with their labels in the current locale. */
const priorities = (): ReadonlyArray<readonly [TicketPriority, string]> => [
  ['low', msg('Low')],
  ['normal', msg('Normal')],
  ['high', msg('High')],
  ['urgent', msg('Urgent')],
];
/** The ticket channels with their labels in the current locale. */
const channels = (): ReadonlyArray<readonly [TicketChannel | '', string]> => [
  ['', msg('Not specified')],
  ['email', msg('Email')],
  ['chat', msg('Chat')],
  ['phone', msg('Phone')],
  ['web', msg('Web')],
  ['social', msg('Social')],
  ['other', msg('Other')],
];
/** The note types with their labels in the current locale. */
const noteTypes = (): ReadonlyArray<readonly [NoteType, string]> => [
  ['general', msg('General')],
  ['support', msg('Support')],
  ['sales', msg('Sales')],
  ['billing', msg('Billing')],
];
const MAX_POINTS = 100_000;

/** The five actions: their permission, form and API call (docs/api.md, "Quick actions"). */
export const ACTIONS: { readonly [A in QuickAction]: ActionSpec } = {
  email: {
    texts: () => ({
      label: msg('Send email'),
      title: msg('Send an email'),
      submit: msg('Send email'),
      sending: msg('Sending…'),
      failed: msg('The email was not sent.'),
    }),
    permission: 'email:send',
    fields: () => [
      { name: 'subject', label: msg('Subject'), kind: 'text', required: true, max: 200 },
      { name: 'body', label: msg('Message'), kind: 'textarea', required: true, max: 20_000, hint: msg('Plain text.') },
    ],
    defaults: { subject: '', body: '' },
    run: (client, id, v, idempotencyKey) => client.sendEmail(id, { subject: v.subject!, body: v.body! }, { idempotencyKey }),
    success: () => msg('Email queued.'),
  },
  ticket: {
    texts: () => ({
      label: msg('Create ticket'),
      title: msg('Create a support ticket'),
      submit: msg('Create ticket'),
      sending: msg('Creating…'),
      failed: msg('The ticket was not created.'),
    }),
    permission: 'tickets:write',
    fields: () => [
      { name: 'subject', label: msg('Subject'), kind: 'text', required: true, max: 300 },
      { name: 'priority', label: msg('Priority'), kind: 'select', options: priorities() },
      { name: 'channel', label: msg('Channel'), kind: 'select', options: channels() },
      { name: 'body', label: msg('First message'), kind: 'textarea', max: 5000, hint: msg('Optional.') },
    ],
    defaults: { subject: '', priority: 'normal', channel: '', body: '' },
    run: (client, id, v, idempotencyKey) =>
      client.createTicket(
        id,
        {
          subject: v.subject!,
          priority: v.priority as TicketPriority,
          ...(v.channel ? { channel: v.channel as TicketChannel } : {}),
          ...(v.body ? { body: v.body } : {}),
        },
        { idempotencyKey },
      ),
    success: (t: TicketSummary) => msg(str`Ticket ${t.id} created.`),
  },
  points: {
    texts: () => ({
      label: msg('Adjust points'),
      title: msg('Adjust loyalty points'),
      submit: msg('Adjust points'),
      sending: msg('Adjusting…'),
      failed: msg('The points were not adjusted.'),
    }),
    permission: 'loyalty:adjust',
    fields: () => [
      {
        name: 'points',
        label: msg('Points'),
        kind: 'number',
        required: true,
        hint: msg('Positive to add, negative to take away (up to 100,000).'),
      },
      { name: 'reason', label: msg('Reason'), kind: 'text', required: true, max: 200 },
    ],
    defaults: { points: '', reason: '' },
    run: (client, id, v, idempotencyKey) => client.adjustPoints(id, { points: Number(v.points), reason: v.reason! }, { idempotencyKey }),
    success: (r: PointsAdjusted, f) => {
      const balance = f.number(r.balance);
      return msg(str`New balance ${balance} points.`);
    },
  },
  note: {
    texts: () => ({
      label: msg('Add note'),
      title: msg('Add a note'),
      submit: msg('Add note'),
      sending: msg('Saving…'),
      failed: msg('The note was not saved.'),
    }),
    permission: 'notes:write',
    fields: (can) => [
      { name: 'body', label: msg('Note'), kind: 'textarea', required: true, max: NOTE_MAX_LENGTH },
      { name: 'type', label: msg('Type'), kind: 'select', options: noteTypes() },
      {
        name: 'visibility',
        label: msg('Visibility'),
        kind: 'select',
        options: [
          ['team', msg('Team')],
          ['restricted', msg('Restricted')],
          ...(can('notes:private') ? ([['private', msg('Private')]] as const) : []),
        ],
      },
    ],
    defaults: { body: '', type: 'general', visibility: 'team' },
    run: (client, id, v, idempotencyKey) =>
      client.addNote(id, { body: v.body!, type: v.type as NoteType, visibility: v.visibility as NoteVisibility }, { idempotencyKey }),
    success: () => msg('Note added.'),
  },
  followUp: followUpAction,
};

/** "Subject" + "must not be empty" → "Subject must not be empty." */
export function sentence(label: string, message: string): string {
  const text = /^[a-z]/.test(message)
    ? msg(str`${label} ${message}`, {
        id: 'c360-validation-continued',
        desc: 'A field validation error: the field, then the API message that continues the sentence.',
      })
    : msg(str`${label}: ${message}`, {
        id: 'c360-validation-labelled',
        desc: 'A field validation error: the field, then the API message as a sentence of its own.',
      });
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The client-side checks of one field: required, length, and for points a non-zero integer within ±100,000. */
export function check(field: FieldSpec, value: string, f: Formatter): string | undefined {
  const trimmed = value.trim();
  const label = field.label;
  if (field.required && !trimmed) return msg(str`${label} is required.`);
  if (field.max && value.length > field.max) {
    const max = f.number(field.max);
    return msg(str`${label} must be at most ${max} characters.`);
  }
  if (field.kind === 'datetime' && trimmed && Number.isNaN(new Date(trimmed).getTime()))
    return msg(str`${label} is not a valid date and time.`);
  if (field.kind === 'number' && trimmed) {
    const n = Number(trimmed);
    if (!Number.isInteger(n)) return msg(str`${label} must be a whole number.`);
    if (n === 0) return msg(str`${label} must not be zero.`);
    if (Math.abs(n) > MAX_POINTS) {
      const max = f.number(MAX_POINTS);
      return msg(str`${label} must be between −${max} and ${max}.`);
    }
  }
  return undefined;
}

/**
 * A refusal in the server's words (`detail`; in French or Arabic the problem's translated title), else
 * its title and status; `details`: field errors no form field shows.
 */
export function describeError(error: unknown, details: readonly string[] = []): string {
  if (error instanceof C360ApiError) {
    const status = error.status;
    if (error.isAccessDenied) return msg(str`Access denied (HTTP ${status}). Ask an administrator for a token with the right role.`);
    if (error.problem.detail) return problemReason(error.problem);
    if (details.length) return details.join('; ');
    const title = problemTitle(error.problem);
    return error.status ? `${title} (HTTP ${error.status})` : title;
  }
  return error instanceof Error ? error.message : String(error);
}
