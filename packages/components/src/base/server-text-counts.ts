/**
 * Counted nouns of server text ("3 days", "3 jours", "٣ أيام") in the active language: the plural
 * category comes from `Intl.PluralRules`, and each noun has one message per category (English uses
 * `one` and `other`; Arabic all six), so translators give each form its own wording.
 * @module
 */
import { msg, str } from '@lit/localize';
import { activeLanguage } from './localize.js';

/** Nouns counted in server text (the same list as the server catalogue's). */
export type CountNoun =
  | 'day'
  | 'order'
  | 'completedOrder'
  | 'openTicket'
  | 'negativeRating'
  | 'activityPoint'
  | 'point'
  | 'emailClick'
  | 'emailOpen'
  | 'session'
  | 'ticket'
  | 'line'
  | 'item';

type Category = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Forms = Record<Category, (n: string) => string>;

const FORMS: Record<CountNoun, Forms> = {
  day: {
    zero: (n) => msg(str`${n} days`, { id: 'c360-n-day-zero' }),
    one: (n) => msg(str`${n} day`, { id: 'c360-n-day-one' }),
    two: (n) => msg(str`${n} days`, { id: 'c360-n-day-two' }),
    few: (n) => msg(str`${n} days`, { id: 'c360-n-day-few' }),
    many: (n) => msg(str`${n} days`, { id: 'c360-n-day-many' }),
    other: (n) => msg(str`${n} days`, { id: 'c360-n-day-other' }),
  },
  order: {
    zero: (n) => msg(str`${n} orders`, { id: 'c360-n-order-zero' }),
    one: (n) => msg(str`${n} order`, { id: 'c360-n-order-one' }),
    two: (n) => msg(str`${n} orders`, { id: 'c360-n-order-two' }),
    few: (n) => msg(str`${n} orders`, { id: 'c360-n-order-few' }),
    many: (n) => msg(str`${n} orders`, { id: 'c360-n-order-many' }),
    other: (n) => msg(str`${n} orders`, { id: 'c360-n-order-other' }),
  },
  completedOrder: {
    zero: (n) => msg(str`${n} completed orders`, { id: 'c360-n-completedOrder-zero' }),
    one: (n) => msg(str`${n} completed order`, { id: 'c360-n-completedOrder-one' }),
    two: (n) => msg(str`${n} completed orders`, { id: 'c360-n-completedOrder-two' }),
    few: (n) => msg(str`${n} completed orders`, { id: 'c360-n-completedOrder-few' }),
    many: (n) => msg(str`${n} completed orders`, { id: 'c360-n-completedOrder-many' }),
    other: (n) => msg(str`${n} completed orders`, { id: 'c360-n-completedOrder-other' }),
  },
  openTicket: {
    zero: (n) => msg(str`${n} open tickets`, { id: 'c360-n-openTicket-zero' }),
    one: (n) => msg(str`${n} open ticket`, { id: 'c360-n-openTicket-one' }),
    two: (n) => msg(str`${n} open tickets`, { id: 'c360-n-openTicket-two' }),
    few: (n) => msg(str`${n} open tickets`, { id: 'c360-n-openTicket-few' }),
    many: (n) => msg(str`${n} open tickets`, { id: 'c360-n-openTicket-many' }),
    other: (n) => msg(str`${n} open tickets`, { id: 'c360-n-openTicket-other' }),
  },
  negativeRating: {
    zero: (n) => msg(str`${n} negative CSAT ratings`, { id: 'c360-n-negativeRating-zero' }),
    one: (n) => msg(str`${n} negative CSAT rating`, { id: 'c360-n-negativeRating-one' }),
    two: (n) => msg(str`${n} negative CSAT ratings`, { id: 'c360-n-negativeRating-two' }),
    few: (n) => msg(str`${n} negative CSAT ratings`, { id: 'c360-n-negativeRating-few' }),
    many: (n) => msg(str`${n} negative CSAT ratings`, { id: 'c360-n-negativeRating-many' }),
    other: (n) => msg(str`${n} negative CSAT ratings`, { id: 'c360-n-negativeRating-other' }),
  },
  activityPoint: {
    zero: (n) => msg(str`${n} activity points`, { id: 'c360-n-activityPoint-zero' }),
    one: (n) => msg(str`${n} activity point`, { id: 'c360-n-activityPoint-one' }),
    two: (n) => msg(str`${n} activity points`, { id: 'c360-n-activityPoint-two' }),
    few: (n) => msg(str`${n} activity points`, { id: 'c360-n-activityPoint-few' }),
    many: (n) => msg(str`${n} activity points`, { id: 'c360-n-activityPoint-many' }),
    other: (n) => msg(str`${n} activity points`, { id: 'c360-n-activityPoint-other' }),
  },
  point: {
    zero: (n) => msg(str`${n} points`, { id: 'c360-n-point-zero' }),
    one: (n) => msg(str`${n} point`, { id: 'c360-n-point-one' }),
    two: (n) => msg(str`${n} points`, { id: 'c360-n-point-two' }),
    few: (n) => msg(str`${n} points`, { id: 'c360-n-point-few' }),
    many: (n) => msg(str`${n} points`, { id: 'c360-n-point-many' }),
    other: (n) => msg(str`${n} points`, { id: 'c360-n-point-other' }),
  },
  emailClick: {
    zero: (n) => msg(str`${n} email clicks`, { id: 'c360-n-emailClick-zero' }),
    one: (n) => msg(str`${n} email click`, { id: 'c360-n-emailClick-one' }),
    two: (n) => msg(str`${n} email clicks`, { id: 'c360-n-emailClick-two' }),
    few: (n) => msg(str`${n} email clicks`, { id: 'c360-n-emailClick-few' }),
    many: (n) => msg(str`${n} email clicks`, { id: 'c360-n-emailClick-many' }),
    other: (n) => msg(str`${n} email clicks`, { id: 'c360-n-emailClick-other' }),
  },
  emailOpen: {
    zero: (n) => msg(str`${n} email opens`, { id: 'c360-n-emailOpen-zero' }),
    one: (n) => msg(str`${n} email open`, { id: 'c360-n-emailOpen-one' }),
    two: (n) => msg(str`${n} email opens`, { id: 'c360-n-emailOpen-two' }),
    few: (n) => msg(str`${n} email opens`, { id: 'c360-n-emailOpen-few' }),
    many: (n) => msg(str`${n} email opens`, { id: 'c360-n-emailOpen-many' }),
    other: (n) => msg(str`${n} email opens`, { id: 'c360-n-emailOpen-other' }),
  },
  session: {
    zero: (n) => msg(str`${n} sessions`, { id: 'c360-n-session-zero' }),
    one: (n) => msg(str`${n} session`, { id: 'c360-n-session-one' }),
    two: (n) => msg(str`${n} sessions`, { id: 'c360-n-session-two' }),
    few: (n) => msg(str`${n} sessions`, { id: 'c360-n-session-few' }),
    many: (n) => msg(str`${n} sessions`, { id: 'c360-n-session-many' }),
    other: (n) => msg(str`${n} sessions`, { id: 'c360-n-session-other' }),
  },
  ticket: {
    zero: (n) => msg(str`${n} tickets`, { id: 'c360-n-ticket-zero' }),
    one: (n) => msg(str`${n} ticket`, { id: 'c360-n-ticket-one' }),
    two: (n) => msg(str`${n} tickets`, { id: 'c360-n-ticket-two' }),
    few: (n) => msg(str`${n} tickets`, { id: 'c360-n-ticket-few' }),
    many: (n) => msg(str`${n} tickets`, { id: 'c360-n-ticket-many' }),
    other: (n) => msg(str`${n} tickets`, { id: 'c360-n-ticket-other' }),
  },
  line: {
    zero: (n) => msg(str`${n} lines`, { id: 'c360-n-line-zero' }),
    one: (n) => msg(str`${n} line`, { id: 'c360-n-line-one' }),
    two: (n) => msg(str`${n} lines`, { id: 'c360-n-line-two' }),
    few: (n) => msg(str`${n} lines`, { id: 'c360-n-line-few' }),
    many: (n) => msg(str`${n} lines`, { id: 'c360-n-line-many' }),
    other: (n) => msg(str`${n} lines`, { id: 'c360-n-line-other' }),
  },
  item: {
    zero: (n) => msg(str`${n} items`, { id: 'c360-n-item-zero' }),
    one: (n) => msg(str`${n} item`, { id: 'c360-n-item-one' }),
    two: (n) => msg(str`${n} items`, { id: 'c360-n-item-two' }),
    few: (n) => msg(str`${n} items`, { id: 'c360-n-item-few' }),
    many: (n) => msg(str`${n} items`, { id: 'c360-n-item-many' }),
    other: (n) => msg(str`${n} items`, { id: 'c360-n-item-other' }),
  },
};

const rules = new Map<string, Intl.PluralRules>();

/**
 * `value` with its noun in the active language, the number already formatted by the caller (`shown`,
 * e.g. Arabic-Indic digits).
 */
export function countText(value: number, shown: string, noun: CountNoun): string {
  const language = activeLanguage();
  let r = rules.get(language);
  if (!r) rules.set(language, (r = new Intl.PluralRules(language)));
  return FORMS[noun][r.select(value) as Category](shown);
}
