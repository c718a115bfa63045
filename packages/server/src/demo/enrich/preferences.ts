/**
 * Demo communication preferences (`preferences.updated`): opt-ins stated at sign-up (email mostly
 * yes; SMS, push and WhatsApp less), time zone and language from the country, contact frequency,
 * quiet hours for some; then, for some customers, later consent changes with a reason and source.
 * Returns the opt-in history so campaigns are only sent to customers opted in at the time.
 * @module
 */
import type { MarketingChannel } from '@c360/sdk';
import type { DemoContext, DemoCustomer, EventLog } from './facts.js';
import { DAY, MINUTE, rngFor } from './random.js';

/** Opt-in of each channel over time. */
export class OptInHistory {
  private readonly changes: Array<{ at: number; channel: MarketingChannel; value: boolean }> = [];

  set(at: number, optIns: Partial<Record<MarketingChannel, boolean>>): void {
    for (const [channel, value] of Object.entries(optIns) as Array<[MarketingChannel, boolean]>) this.changes.push({ at, channel, value });
  }

  /** Whether `channel` was opted in at `at` (false before any statement). */
  at(channel: MarketingChannel, at: number): boolean {
    let value = false;
    for (const c of this.changes) if (c.channel === channel && c.at <= at) value = c.value;
    return value;
  }
}

const PLACES: Record<string, { timezone: string; language: string }> = {
  'United Kingdom': { timezone: 'Europe/London', language: 'en' },
  'Channel Islands': { timezone: 'Europe/Jersey', language: 'en' },
  EIRE: { timezone: 'Europe/Dublin', language: 'en' },
  France: { timezone: 'Europe/Paris', language: 'fr' },
  Germany: { timezone: 'Europe/Berlin', language: 'de' },
  Belgium: { timezone: 'Europe/Brussels', language: 'nl' },
  Netherlands: { timezone: 'Europe/Amsterdam', language: 'nl' },
  Spain: { timezone: 'Europe/Madrid', language: 'es' },
  Portugal: { timezone: 'Europe/Lisbon', language: 'pt' },
  Italy: { timezone: 'Europe/Rome', language: 'it' },
  Switzerland: { timezone: 'Europe/Zurich', language: 'de' },
  Norway: { timezone: 'Europe/Oslo', language: 'nb' },
  Sweden: { timezone: 'Europe/Stockholm', language: 'sv' },
  Finland: { timezone: 'Europe/Helsinki', language: 'fi' },
  Denmark: { timezone: 'Europe/Copenhagen', language: 'da' },
  Israel: { timezone: 'Asia/Jerusalem', language: 'he' },
  Japan: { timezone: 'Asia/Tokyo', language: 'ja' },
  Brazil: { timezone: 'America/Sao_Paulo', language: 'pt-BR' },
  Australia: { timezone: 'Australia/Sydney', language: 'en' },
};

interface Change {
  when: (h: OptInHistory, at: number) => boolean;
  optIns?: Partial<Record<MarketingChannel, boolean>>;
  reason: string;
  source: string;
  frequency?: 'weekly' | 'monthly';
  quietHours?: { start: string; end: string };
}

const CHANGES: readonly Change[] = [
  { when: (h, t) => !h.at('sms', t), optIns: { sms: true }, reason: 'Opted in to SMS for delivery updates', source: 'checkout' },
  { when: (h, t) => h.at('sms', t), optIns: { sms: false }, reason: 'Replied STOP to a text message', source: 'sms-reply' },
  { when: (h, t) => !h.at('push', t), optIns: { push: true }, reason: 'Allowed notifications in the trade app', source: 'mobile-app' },
  { when: (h, t) => h.at('push', t), optIns: { push: false }, reason: 'Turned off app notifications', source: 'mobile-app' },
  { when: (h, t) => !h.at('whatsapp', t), optIns: { whatsapp: true }, reason: 'Asked for order updates on WhatsApp', source: 'support' },
  {
    when: (h, t) => !h.at('email', t),
    optIns: { email: true },
    reason: 'Signed up for the trade newsletter at the Spring Fair',
    source: 'trade-show',
  },
  { when: () => true, frequency: 'monthly', reason: 'Asked for fewer emails: monthly digest', source: 'preference-centre' },
  { when: () => true, quietHours: { start: '18:00', end: '08:00' }, reason: 'No messages outside shop hours', source: 'preference-centre' },
];

export function preferenceEvents(log: EventLog, customer: DemoCustomer, ctx: DemoContext): OptInHistory {
  const rng = rngFor(customer.id, 'preferences');
  const history = new OptInHistory();
  const place = PLACES[customer.country ?? ''] ?? { timezone: 'Europe/London', language: 'en' };
  const signup = customer.registeredAt + rng.int(1, 15) * MINUTE;
  const optIns = { email: rng.chance(0.88), sms: rng.chance(0.3), push: rng.chance(0.15), whatsapp: rng.chance(0.07) };
  const quiet = rng.chance(0.25)
    ? rng.pick([
        { start: '20:00', end: '08:00' },
        { start: '22:00', end: '07:00' },
        { start: '19:00', end: '09:00' },
      ])
    : undefined;
  if (log.happened(signup)) {
    history.set(signup, optIns);
    log.add('preferences', 'preferences.updated', signup, {
      customerId: customer.id,
      optIns,
      timezone: place.timezone,
      language: place.language,
      frequency: rng.weighted({ weekly: 50, monthly: 30, immediate: 10, daily: 10 }),
      ...(quiet ? { quietHours: quiet } : {}),
      reason: 'Consent given when the trade account was opened',
      source: 'account-signup',
    });
  }

  // Later changes for about a third of customers, at random times after sign-up.
  const count = rng.weighted({ 0: 66, 1: 26, 2: 8 });
  const times = Array.from({ length: Number(count) }, () => signup + DAY + rng.next() * (ctx.asOf - signup - DAY)).sort((a, b) => a - b);
  for (const at of times) {
    if (!log.happened(at) || at <= signup + DAY) continue;
    const options = CHANGES.filter((c) => c.when(history, at));
    const change = rng.pick(options);
    if (change.optIns) history.set(at, change.optIns);
    log.add('preferences', 'preferences.updated', at, {
      customerId: customer.id,
      ...(change.optIns ? { optIns: change.optIns } : {}),
      ...(change.frequency ? { frequency: change.frequency } : {}),
      ...(change.quietHours ? { quietHours: change.quietHours } : {}),
      reason: change.reason,
      source: change.source,
    });
  }
  return history;
}
