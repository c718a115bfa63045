import { describe, expect, it } from 'vitest';
import { computeChurn } from '../../src/scoring/churn.js';
import { computeHealth } from '../../src/scoring/health.js';
import { problemCode, SERVER_TEXT, serverText, textLocaleOf } from '../../src/i18n/server-text.js';
import { customerNotFound } from '../../src/core/problem.js';

/** Parameters covering every key the templates read. */
const PARAMS = {
  f: 4,
  m: 5,
  orders: 3,
  days: 12,
  points: 2,
  clicks: 1,
  opens: 0,
  sessions: 5,
  open: 1,
  negative: 2,
  gap: 12.34,
  ratio: 1.5,
  recent: 1,
  prior: 4,
  percent: 75,
  tickets: 3,
  factor: 'recency',
  value: 40,
  number: '536365',
  status: 'in_progress',
  subject: 'Broken mug',
  change: 'reopened',
  priority: 'high',
  tier: 'gold',
  move: 'up',
  device: 'mobile',
  product: 'Mug',
  noteType: 'sales',
  author: 'Ann',
  tag: 'VIP',
  count: 2,
  channel: 'email',
  from: 'open',
  to: 'closed',
  name: 'Ann',
  text: 'x',
  minutes: 75,
};
const ECHO = new Set(['timeline.part.text']);
/** Codes whose French may equal the English ("75 min" is both). */
const SAME_IN_FRENCH = new Set(['timeline.part.duration']);

describe('the server text catalogue', () => {
  it('has a template in every language for every code, and French and Arabic differ from English', () => {
    for (const code of Object.keys(SERVER_TEXT)) {
      const en = serverText(code, PARAMS, 'en');
      const fr = serverText(code, PARAMS, 'fr-FR');
      const ar = serverText(code, PARAMS, 'ar');
      for (const text of [en, fr, ar]) expect(text.length, code).toBeGreaterThan(0);
      if (!ECHO.has(code) && !/^timeline\.part\.(lines|items)$/.test(code)) {
        if (!SAME_IN_FRENCH.has(code)) expect(fr, code).not.toBe(en);
        expect(ar, code).not.toBe(en);
      }
      expect(ar, code).not.toMatch(/\b(the|and|days?|orders?|tickets?)\b/);
    }
  });

  it('renders the English text the scores carry, from their code and params', () => {
    const engagement = { orders: 1, emailOpens: 2, emailClicks: 1, sessions: 0 };
    const input = {
      completedOrders: 3,
      daysSinceLastPurchase: 200,
      firstCompletedAt: '2011-01-01T00:00:00.000Z',
      lastCompletedAt: '2011-03-01T00:00:00.000Z',
      rfm: { r: 2, f: 3, m: 3, score: '2 3 3', segment: 'At Risk' as const },
      engagement: { recent90: engagement, prior90: { orders: 3, emailOpens: 5, emailClicks: 2, sessions: 1 } },
      support: { openTickets: 1, negativeCsat180: 1, tickets180: 2 },
    };
    const health = computeHealth(input);
    const churn = computeChurn(input);
    const texts = [
      ...health.factors.map((f) => [f.code, f.params, f.detail] as const),
      ...health.recommendations.map((a) => [a.code, a.params, a.text] as const),
      ...churn.factors.map((f) => [f.code, f.params, f.detail] as const),
      ...churn.strategies.map((a) => [a.code, a.params, a.text] as const),
    ];
    expect(texts.length).toBeGreaterThan(8);
    for (const [code, params, text] of texts) expect(serverText(code, params, 'en')).toBe(text);
    expect(health.factors[1]!.detail).toBe('Last completed order 200 days ago');
    expect(serverText(health.factors[1]!.code, health.factors[1]!.params, 'fr')).toBe('Dernière commande terminée il y a 200 jours');
  });

  it('uses each language’s plural forms', () => {
    expect(serverText('health.recency.days', { days: 1 }, 'en')).toBe('Last completed order 1 day ago');
    expect(serverText('health.recency.days', { days: 1 }, 'fr')).toBe('Dernière commande terminée il y a 1 jour');
    expect(serverText('health.recency.days', { days: 2 }, 'ar')).toBe('آخر طلب مكتمل قبل يومين');
  });

  it('gives problem titles a code, carried by problem+json', () => {
    expect(problemCode('Customer not found')).toBe('problem.customerNotFound');
    expect(customerNotFound('x').toProblem()).toMatchObject({ title: 'Customer not found', code: 'problem.customerNotFound', params: {} });
    expect(serverText('problem.customerNotFound', {}, 'ar')).toBe('العميل غير موجود');
  });

  it('maps locale tags to its languages and refuses unknown codes', () => {
    expect([textLocaleOf('fr-CA'), textLocaleOf('ar_EG'), textLocaleOf('de'), textLocaleOf(undefined)]).toEqual(['fr', 'ar', 'en', 'en']);
    expect(() => serverText('no.such.code')).toThrow(/unknown server text code/);
  });
});
