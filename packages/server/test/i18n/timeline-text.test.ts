/** Timeline entries and problems carry catalogue codes that render back to their English text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverText } from '../../src/i18n/server-text.js';
import { loyaltyReasonText, timelineDescriptionText, timelineTitleText } from '../../src/i18n/timeline-parse.js';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

describe('timeline text codes', () => {
  it('recovers code and params of stored titles and description pieces', () => {
    expect(timelineTitleText('Earned 1,144 points')).toEqual({ code: 'timeline.loyalty.earned', params: { points: 1144 } });
    expect(timelineTitleText('Ticket in progress: Late parcel')).toEqual({
      code: 'timeline.ticket.changed',
      params: { change: 'in_progress', subject: 'Late parcel' },
    });
    expect(timelineTitleText('Email link clicked: Spring sale')).toEqual({
      code: 'timeline.marketing.message',
      params: { channel: 'email', action: 'clicked', campaign: 'Spring sale' },
    });
    expect(timelineTitleText('Tier upgraded to Gold')).toEqual({ code: 'timeline.loyalty.tier', params: { move: 'up', tier: 'gold' } });
    expect(timelineTitleText('Follow-up reopened by Ann Agent')).toEqual({
      code: 'timeline.followUp',
      params: { change: 'reopened', author: 'Ann Agent' },
    });
    expect(serverText('timeline.followUp', { change: 'scheduled', author: 'Ann' }, 'fr')).toBe('Suivi planifié par Ann');
    expect(timelineTitleText('Something a person typed')).toBeNull();
    expect(timelineDescriptionText('7 lines · 40 items · incl. shipping')?.map((p) => p.code)).toEqual([
      'timeline.part.lines',
      'timeline.part.items',
      'timeline.part.shipping',
    ]);
    expect(timelineDescriptionText('low priority · via email · Please cancel the duplicates')?.at(-1)).toEqual({
      code: 'timeline.part.text',
      params: { text: 'Please cancel the duplicates' },
    });
    expect(serverText('timeline.order.status', { number: '536365', status: 'in_progress' }, 'fr')).toBe('Commande 536365 en cours');
  });

  describe('over the API', () => {
    let sample: SampleApp;
    beforeAll(async () => {
      sample = await openSampleApp();
    });
    afterAll(() => sample.close());

    it('gives every entry of customer 17850 a title code whose English rendering is its title', async () => {
      const { status, body } = await sample.call('/customers/17850/timeline?limit=200');
      expect(status).toBe(200);
      expect(body.events.length).toBeGreaterThan(50);
      for (const e of body.events) {
        expect(e.titleText, e.title).not.toBeNull();
        expect(serverText(e.titleText.code, e.titleText.params)).toBe(e.title);
        const pieces = (e.descriptionText ?? []).map((p: { code: string; params: Record<string, string> }) => serverText(p.code, p.params));
        expect(pieces.length ? pieces.join(' · ') : null).toBe(e.description);
      }
    });

    it('codes the loyalty reasons the server writes and leaves others as given', async () => {
      const { status, body } = await sample.call('/customers/17850/loyalty');
      expect(status).toBe(200);
      const coded = body.transactions.filter((t: { reasonText: unknown }) => t.reasonText);
      expect(coded.length).toBeGreaterThan(0);
      for (const t of coded) expect(serverText(t.reasonText.code, t.reasonText.params)).toBe(t.reason);
      expect(loyaltyReasonText('Lifetime points passed 5,000')).toEqual({ code: 'loyalty.reason.tierThreshold', params: { points: 5000 } });
      expect(loyaltyReasonText('Goodwill gesture after a late delivery')).toBeNull();
    });

    it('puts the title’s code on problem+json', async () => {
      const { status, body } = await sample.call('/customers/nope-999/360');
      expect(status).toBe(404);
      expect(body).toMatchObject({ title: 'Customer not found', code: 'problem.customerNotFound', params: {} });
    });
  });
});
