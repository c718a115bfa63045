/**
 * The "Follow up" quick action (issue 12 item 10a): due date and time, assignee (the caller by
 * default), note → `POST /customers/{id}/actions/follow-up`. The due time is entered in the page's
 * time zone (`datetime-local`) and sent as UTC; its default is one day after the SERVER's clock
 * (the demo's runs on from 2011), read from the customer's follow-up list when the dialog opens.
 * @module
 */
import { msg, str } from '@lit/localize';
import { FOLLOW_UP_ASSIGNEE_MAX, FOLLOW_UP_NOTE_MAX, type FollowUp } from '@c360/sdk';
import type { ActionSpec } from './actions.js';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `date` as a `datetime-local` value (local time, minutes), e.g. `2011-12-10T09:00`. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** One day after `now`, on the hour. */
export function defaultDue(now: Date): Date {
  const due = new Date(now.getTime() + DAY_MS);
  due.setMinutes(0, 0, 0);
  return due;
}

export const followUpAction: ActionSpec = {
  texts: () => ({
    label: msg('Follow up'),
    title: msg('Schedule a follow-up'),
    submit: msg('Schedule follow-up'),
    sending: msg('Scheduling…'),
    failed: msg('The follow-up was not scheduled.'),
  }),
  permission: 'notes:write',
  fields: () => [
    { name: 'dueAt', label: msg('Due'), kind: 'datetime', required: true, hint: msg('Date and time in your time zone.') },
    {
      name: 'assignee',
      label: msg('Assignee'),
      kind: 'text',
      required: true,
      max: FOLLOW_UP_ASSIGNEE_MAX,
      hint: msg('Who is reminded when it is due: you by default.'),
    },
    { name: 'note', label: msg('Note'), kind: 'textarea', max: FOLLOW_UP_NOTE_MAX, hint: msg('What to do. Optional.') },
  ],
  defaults: { dueAt: '', assignee: '', note: '' },
  async prepare(client, customerId, me) {
    // The server's clock, so that the default is due tomorrow for the server (the demo runs in 2011).
    const now = await client
      .getCustomerFollowUps(customerId, { limit: 1 })
      .then((page) => new Date(page.now))
      .catch(() => new Date());
    return { dueAt: toLocalInput(defaultDue(now)), ...(me ? { assignee: me } : {}) };
  },
  run: (client, id, v, idempotencyKey) =>
    client.scheduleFollowUp(
      id,
      { dueAt: new Date(v.dueAt!).toISOString(), assignee: v.assignee!.trim(), note: v.note ?? '' },
      { idempotencyKey },
    ),
  success: (f: FollowUp, fmt) => {
    const due = fmt.dateTime(f.dueAt);
    return msg(str`Follow-up scheduled for ${due}.`);
  },
};
