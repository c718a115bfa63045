import { defineElement } from '../base/define.js';
import { BehaviorAnalyticsElement } from './behavior-analytics.js';

defineElement('behavior-analytics', BehaviorAnalyticsElement);

declare global {
  interface HTMLElementTagNameMap {
    'behavior-analytics': BehaviorAnalyticsElement;
  }
}
