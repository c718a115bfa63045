/**
 * Demo profiles: the Online Retail data has no names, emails, phones or addresses, so each customer
 * gets generated ones — marked `synthetic` — as one `customer.upserted` event. Same customer id →
 * same person, every run. (Its event id predates the `demo:v1:…` scheme and is kept so that
 * databases enriched before stay unchanged.)
 * @module
 */
import { base, de, en, en_AU, en_GB, en_IE, es, Faker, fr, it, nl, pt_PT, type LocaleDefinition } from '@faker-js/faker';
import type { IngestEvent } from '@c360/sdk';
import { seedOf } from './random.js';

const LOCALES: Record<string, LocaleDefinition> = {
  'United Kingdom': en_GB,
  EIRE: en_IE,
  France: fr,
  Germany: de,
  Spain: es,
  Portugal: pt_PT,
  Italy: it,
  Netherlands: nl,
  Australia: en_AU,
};

/** Lifetime value (major units) from which a demo customer is flagged VIP. */
export const DEMO_VIP_THRESHOLD = 5000;

const fakers = new Map<string, Faker>();
function fakerFor(country: string | null): Faker {
  const key = country && LOCALES[country] ? country : 'default';
  let faker = fakers.get(key);
  if (!faker) {
    const locale = key === 'default' ? en : LOCALES[key]!;
    faker = new Faker({ locale: [locale, en, base] });
    fakers.set(key, faker);
  }
  return faker;
}

/** The locale faker of a country, seeded for `customerId` (+ `salt`). */
export function personFaker(customerId: string, country: string | null, salt = ''): Faker {
  const faker = fakerFor(country);
  faker.seed(seedOf(customerId + salt));
  return faker;
}

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export interface EnrichTarget {
  id: string;
  country: string | null;
  /** Lifetime value in major units, for the VIP flag. */
  lifetimeValue: number;
}

/** One `customer.upserted` event per customer, with generated name, email, phone and addresses. */
export function enrichmentEvents(customers: readonly EnrichTarget[], occurredAt: string): IngestEvent[] {
  return customers.map((customer) => {
    const faker = personFaker(customer.id, customer.country);
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const country = customer.country ?? 'United Kingdom';
    const addressCount = faker.number.int({ min: 1, max: 3 });
    const addresses = Array.from({ length: addressCount }, (_, i) => ({
      id: `${customer.id}-addr-${i + 1}`,
      label: ['Head office', 'Warehouse', 'Shop'][i]!,
      line1: faker.location.streetAddress(),
      line2: null,
      city: faker.location.city(),
      postcode: faker.location.zipCode(),
      country,
      primary: i === 0,
    }));
    return {
      id: `demo-enrichment:v1:${customer.id}`,
      type: 'customer.upserted' as const,
      occurredAt,
      data: {
        customerId: customer.id,
        name: `${firstName} ${lastName}`,
        email: `${slug(firstName)}.${slug(lastName)}.${customer.id}@example.com`,
        phone: faker.phone.number({ style: 'international' }),
        vip: customer.lifetimeValue >= DEMO_VIP_THRESHOLD,
        synthetic: true,
        addresses,
      },
    };
  });
}

/** The generated first name of a customer (the same as in its profile). */
export function demoFirstName(customerId: string, country: string | null): string {
  return personFaker(customerId, country).person.firstName();
}
