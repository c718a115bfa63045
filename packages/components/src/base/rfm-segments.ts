/**
 * The built-in RFM segments' names and descriptions in the active language. The server stores them in
 * English (migration 0002); their names are the SDK's `RfmSegmentName` values, stable codes the
 * elements translate. A custom segment's name or description is shown as written.
 * @module
 */
import { msg } from '@lit/localize';
import { activeLanguage } from './localize.js';

type Texts = { name: () => string; description: () => string };

const RFM: Record<string, Texts> = {
  Champions: {
    name: () => msg('Champions', { id: 'c360-rfm-champions' }),
    description: () => msg('Bought recently and often: recency 5, frequency 4–5', { id: 'c360-rfm-champions-d' }),
  },
  Loyal: {
    name: () => msg('Loyal', { id: 'c360-rfm-loyal' }),
    description: () => msg('Buy often: frequency 4–5 with recency 3–4', { id: 'c360-rfm-loyal-d' }),
  },
  'Potential Loyalist': {
    name: () => msg('Potential Loyalist', { id: 'c360-rfm-potential-loyalist' }),
    description: () => msg('Recent with a few orders: recency 4–5, frequency 2–3', { id: 'c360-rfm-potential-loyalist-d' }),
  },
  New: {
    name: () => msg('New', { id: 'c360-rfm-new' }),
    description: () => msg('First order recently: recency 5, frequency 1', { id: 'c360-rfm-new-d' }),
  },
  Promising: {
    name: () => msg('Promising', { id: 'c360-rfm-promising' }),
    description: () => msg('Fairly recent, one order: recency 4, frequency 1', { id: 'c360-rfm-promising-d' }),
  },
  'Need Attention': {
    name: () => msg('Need Attention', { id: 'c360-rfm-need-attention' }),
    description: () => msg('Average recency and frequency: recency 3, frequency 3', { id: 'c360-rfm-need-attention-d' }),
  },
  'About to Sleep': {
    name: () => msg('About to Sleep', { id: 'c360-rfm-about-to-sleep' }),
    description: () => msg('Slipping away after few orders: recency 3, frequency 1–2', { id: 'c360-rfm-about-to-sleep-d' }),
  },
  'At Risk': {
    name: () => msg('At Risk', { id: 'c360-rfm-at-risk' }),
    description: () => msg('Used to buy often, not lately: recency 1–2, frequency 3–4', { id: 'c360-rfm-at-risk-d' }),
  },
  'Cannot Lose Them': {
    name: () => msg('Cannot Lose Them', { id: 'c360-rfm-cannot-lose-them' }),
    description: () => msg('Bought the most, long ago: recency 1–2, frequency 5', { id: 'c360-rfm-cannot-lose-them-d' }),
  },
  Hibernating: {
    name: () => msg('Hibernating', { id: 'c360-rfm-hibernating' }),
    description: () =>
      msg('Long ago and rarely: recency 2 with frequency 1–2, or recency 1 with frequency 2', { id: 'c360-rfm-hibernating-d' }),
  },
  Lost: {
    name: () => msg('Lost', { id: 'c360-rfm-lost' }),
    description: () => msg('Longest ago, one order: recency 1, frequency 1', { id: 'c360-rfm-lost-d' }),
  },
};

/** A segment's name: an RFM segment's in the active language, any other as given. */
export function segmentName(segment: { kind: string; name: string }): string {
  return segment.kind === 'rfm' && activeLanguage() !== 'en' && RFM[segment.name] ? RFM[segment.name]!.name() : segment.name;
}

/** A segment's description: an RFM segment's in the active language (by its name), any other as given. */
export function segmentDescription(segment: { kind: string; name: string; description: string | null }): string | null {
  return segment.kind === 'rfm' && activeLanguage() !== 'en' && RFM[segment.name] ? RFM[segment.name]!.description() : segment.description;
}
