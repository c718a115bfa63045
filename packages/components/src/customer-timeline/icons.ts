import { svg, type SVGTemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { TimelineEventType } from '@c360/sdk';

/** 24×24 stroke icons, one per event type (drawn after Lucide's, ISC licence). */
export const TYPE_ICON: Record<TimelineEventType, SVGTemplateResult> = {
  order: svg`<path d="M6 7h12l1 13H5Z"/><path d="M9 7a3 3 0 0 1 6 0"/>`,
  refund: svg`<path d="M3 12a9 9 0 1 0 3-6.7L3 8"/><path d="M3 3v5h5"/>`,
  payment: svg`<rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 10h20"/>`,
  ticket: svg`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2Z"/>`,
  loyalty: svg`<path d="m12 2 3.1 6.3 6.9 1-5 4.9 1.2 6.8L12 17.8 5.8 21l1.2-6.8-5-4.9 6.9-1Z"/>`,
  marketing: svg`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="m22 7-10 6L2 7"/>`,
  session: svg`<rect x="2" y="3" width="20" height="14" rx="2"/><path d="M8 21h8M12 17v4"/>`,
  note: svg`<path d="M4 4h16v10l-6 6H4Z"/><path d="M14 20v-6h6"/>`,
  tag: svg`<path d="M2 12V2h10l10 10-10 10Z"/><circle cx="7" cy="7" r="1.5"/>`,
  segment: svg`<circle cx="9" cy="8" r="4"/><path d="M1 21a8 8 0 0 1 16 0M17 4a4 4 0 0 1 0 8M23 21a8 8 0 0 0-4-7"/>`,
  score: svg`<path d="M22 12h-4l-3 9L9 3l-3 9H2"/>`,
  account: svg`<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`,
  export: svg`<path d="M12 3v12M7 10l5 5 5-5M5 21h14"/>`,
};

/** An event type in words, in the active language (unknown types as given). */
export function typeLabel(type: TimelineEventType): string {
  const labels: Record<TimelineEventType, string> = {
    order: msg('Order'),
    refund: msg('Refund'),
    payment: msg('Payment'),
    ticket: msg('Ticket'),
    loyalty: msg('Loyalty'),
    marketing: msg('Marketing'),
    session: msg('Session'),
    note: msg('Note'),
    tag: msg('Tag'),
    segment: msg('Segment'),
    score: msg('Score'),
    account: msg('Account'),
    export: msg('Export'),
  };
  return labels[type] ?? type;
}
