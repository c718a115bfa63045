import { defineElement } from '../base/define.js';
import { MarketingEngagementElement } from './marketing-engagement.js';

defineElement('marketing-engagement', MarketingEngagementElement);

declare global {
  interface HTMLElementTagNameMap {
    'marketing-engagement': MarketingEngagementElement;
  }
}
