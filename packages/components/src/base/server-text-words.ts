/**
 * Enumerated values inside server text (order and ticket statuses, priorities, channels, loyalty
 * tiers, devices, score levels) in the active language; an unknown value is shown as given, with
 * `_` as spaces.
 * @module
 */
import { msg } from '@lit/localize';

/** The value `value` in words, in the active language. */
export function wordText(value: string | number | undefined): string {
  const v = String(value ?? '');
  switch (v) {
    case 'pending':
      return msg('pending', { id: 'c360-w-pending' });
    case 'paid':
      return msg('paid', { id: 'c360-w-paid' });
    case 'shipped':
      return msg('shipped', { id: 'c360-w-shipped' });
    case 'delivered':
      return msg('delivered', { id: 'c360-w-delivered' });
    case 'completed':
      return msg('completed', { id: 'c360-w-completed' });
    case 'cancelled':
      return msg('cancelled', { id: 'c360-w-cancelled' });
    case 'unavailable':
      return msg('unavailable', { id: 'c360-w-unavailable' });
    case 'returned':
      return msg('returned', { id: 'c360-w-returned' });
    case 'open':
      return msg('open', { id: 'c360-w-open' });
    case 'in_progress':
      return msg('in progress', { id: 'c360-w-in_progress' });
    case 'escalated':
      return msg('escalated', { id: 'c360-w-escalated' });
    case 'resolved':
      return msg('resolved', { id: 'c360-w-resolved' });
    case 'closed':
      return msg('closed', { id: 'c360-w-closed' });
    case 'reopened':
      return msg('reopened', { id: 'c360-w-reopened' });
    case 'rated':
      return msg('rated', { id: 'c360-w-rated' });
    case 'updated':
      return msg('updated', { id: 'c360-w-updated' });
    case 'low':
      return msg('low', { id: 'c360-w-low' });
    case 'normal':
      return msg('normal', { id: 'c360-w-normal' });
    case 'high':
      return msg('high', { id: 'c360-w-high' });
    case 'urgent':
      return msg('urgent', { id: 'c360-w-urgent' });
    case 'medium':
      return msg('medium', { id: 'c360-w-medium' });
    case 'excellent':
      return msg('excellent', { id: 'c360-w-excellent' });
    case 'good':
      return msg('good', { id: 'c360-w-good' });
    case 'fair':
      return msg('fair', { id: 'c360-w-fair' });
    case 'poor':
      return msg('poor', { id: 'c360-w-poor' });
    case 'email':
      return msg('email', { id: 'c360-w-email' });
    case 'chat':
      return msg('chat', { id: 'c360-w-chat' });
    case 'phone':
      return msg('phone', { id: 'c360-w-phone' });
    case 'web':
      return msg('web', { id: 'c360-w-web' });
    case 'social':
      return msg('social', { id: 'c360-w-social' });
    case 'other':
      return msg('other', { id: 'c360-w-other' });
    case 'bronze':
      return msg('Bronze', { id: 'c360-w-bronze' });
    case 'silver':
      return msg('Silver', { id: 'c360-w-silver' });
    case 'gold':
      return msg('Gold', { id: 'c360-w-gold' });
    case 'platinum':
      return msg('Platinum', { id: 'c360-w-platinum' });
    case 'desktop':
      return msg('desktop', { id: 'c360-w-desktop' });
    case 'mobile':
      return msg('mobile', { id: 'c360-w-mobile' });
    case 'tablet':
      return msg('tablet', { id: 'c360-w-tablet' });
    default:
      return v.replace(/_/g, ' ');
  }
}
