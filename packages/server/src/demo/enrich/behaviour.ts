/**
 * Demo browsing: `session.started` and `product.viewed`. Real orders placed online (a bit under
 * half: trade customers also order by phone and email) get the visit they were placed in, with views
 * of products in them; campaign clicks open a visit from the newsletter or SMS; and browse-only
 * visits follow a per-customer rate shaped by a trend (steady, fading, growing, lapsed), by weekday
 * and by UK office hours. Products viewed are the customer's real purchases — those bought more
 * often more likely —, each in the category derived from its description.
 * @module
 */
import type { DeviceType } from '@c360/sdk';
import { categoryOf } from './categories.js';
import type { DemoContext, DemoCustomer, DemoProduct, EventLog } from './facts.js';
import { DAY, dayStart, MINUTE, officeTime, rngFor, WEEKDAY_WEIGHT, type Rng } from './random.js';

/** A visit opened from a campaign message (from the marketing section). */
export interface CampaignVisit {
  at: number;
  source: 'newsletter' | 'sms';
}

const DEVICE_PROFILES: Record<string, Record<DeviceType, number>> = {
  desktop: { desktop: 0.8, tablet: 0.08, mobile: 0.12 },
  mixed: { desktop: 0.5, tablet: 0.2, mobile: 0.3 },
  mobile: { desktop: 0.2, tablet: 0.25, mobile: 0.55 },
};
const BROWSE_SOURCES = { direct: 45, google: 30, bing: 6, facebook: 7, pinterest: 5, twitter: 2 };
const ORDER_SOURCES = { direct: 55, google: 22, newsletter: 12, bing: 5, facebook: 6 };
const TRENDS = { steady: 45, fading: 25, growing: 15, lapsed: 15 };
const MEAN_WEEKDAY = WEEKDAY_WEIGHT.reduce((s, w) => s + w, 0) / 7;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function behaviourEvents(log: EventLog, customer: DemoCustomer, ctx: DemoContext, campaignVisits: readonly CampaignVisit[]): void {
  const rng = rngFor(customer.id, 'behaviour');
  const devices = DEVICE_PROFILES[rng.weighted({ desktop: 55, mixed: 30, mobile: 15 })]!;
  const viewer = new Viewer(log, rng, customer);
  let sessions = 0;

  const visit = (at: number, device: DeviceType, seconds: number, source: string, views: DemoProduct[]) => {
    const sessionId = `demo-${customer.id}-S${++sessions}`;
    // Never past as-of: the visit of the dataset's last order is cut short there.
    const duration = Math.max(0, Math.round(Math.min(4 * 3600, Math.max(15, seconds), (ctx.asOf - at) / 1000)));
    log.add('session', 'session.started', at, { customerId: customer.id, sessionId, device, durationSeconds: duration, source });
    views.forEach((product, i) => viewer.view(product, at + Math.round(((i + 0.5) / views.length) * duration * 1000), sessionId));
  };

  // The visit each order placed online was placed in.
  const online = rng.between(0.2, 0.6);
  for (const order of customer.orders) {
    if (!rng.chance(online)) continue;
    const start = Math.max(customer.registeredAt, order.at - rng.logNormal(12 * MINUTE, 0.6));
    const views = rng.faker.helpers.arrayElements(order.products, Math.min(order.products.length, rng.int(1, 2)));
    const device = rng.weighted({ ...devices, desktop: devices.desktop * 1.5 });
    visit(start, device, (order.at - start) / 1000 + rng.logNormal(180, 0.5), rng.weighted(ORDER_SOURCES), views);
  }

  for (const click of campaignVisits) {
    const at = click.at + rng.int(5, 60) * 1000;
    if (!log.happened(at)) continue;
    const device = click.source === 'sms' ? 'mobile' : rng.weighted(devices);
    visit(at, device, rng.logNormal(240, 0.7), click.source, viewer.pick(rng.int(1, 3)));
  }

  // Browse-only visits: a daily chance from the customer's rate, trend, weekday and recency of buying.
  const trend = rng.weighted(TRENDS);
  const rate = Math.min(0.2, rng.logNormal(0.006, 0.6) * (1 + Math.sqrt(customer.orders.length) / 2));
  const lastOrder = customer.orders.at(-1)?.at ?? customer.registeredAt;
  const lapseAt = trend === 'lapsed' ? lastOrder + rng.logNormal(30 * DAY, 0.5) : Infinity;
  const span = Math.max(DAY, ctx.asOf - customer.registeredAt);
  const multiplier = (t: number): number => {
    let m = 1;
    if (trend === 'fading') m = 1 - 0.9 * clamp01((t - (ctx.asOf - 150 * DAY)) / (150 * DAY));
    else if (trend === 'growing') m = 0.4 + 1.2 * clamp01((t - customer.registeredAt) / span);
    else if (trend === 'lapsed' && t > lapseAt) m = 0;
    return t > lastOrder + 90 * DAY ? m * 0.35 : m;
  };
  for (let day = dayStart(customer.registeredAt); day <= ctx.asOf; day += DAY) {
    const p = rate * multiplier(day) * (WEEKDAY_WEIGHT[new Date(day).getUTCDay()]! / MEAN_WEEKDAY);
    if (!rng.chance(p)) continue;
    const at = officeTime(rng, day);
    const seconds = rng.logNormal(300, 0.8);
    if (at < customer.registeredAt || !log.happened(at + seconds * 1000)) continue;
    const count = Number(rng.weighted({ 1: 45, 2: 33, 3: 15, 4: 7 }));
    visit(at, rng.weighted(devices), seconds, rng.weighted(BROWSE_SOURCES), viewer.pick(count));
  }
}

/** Emits product views of the customer's purchases, weighted by how many orders had them. */
class Viewer {
  private readonly products: DemoProduct[] = [];
  private readonly weights: number[] = [];

  constructor(
    private readonly log: EventLog,
    private readonly rng: Rng,
    customer: DemoCustomer,
  ) {
    const index = new Map<string, number>();
    for (const order of customer.orders) {
      for (const p of order.products) {
        const i = index.get(p.id);
        if (i === undefined) {
          index.set(p.id, this.products.length);
          this.products.push(p);
          this.weights.push(1);
        } else {
          this.weights[i]! += 1;
        }
      }
    }
  }

  /** Up to `count` distinct products, each drawn with weight = orders it was in. */
  pick(count: number): DemoProduct[] {
    const out: DemoProduct[] = [];
    for (let tries = 0; out.length < Math.min(count, this.products.length) && tries < count * 4; tries++) {
      const p = this.products[this.rng.weightedIndex(this.weights)]!;
      if (!out.includes(p)) out.push(p);
    }
    return out;
  }

  view(product: DemoProduct, at: number, sessionId: string): void {
    const category = categoryOf(product.name);
    this.log.add('view', 'product.viewed', at, {
      customerId: this.log.customer.id,
      productId: product.id,
      productName: product.name,
      categoryId: category.id,
      categoryName: category.name,
      sessionId,
    });
  }
}
