import { defineElement } from '../base/define.js';
import { CustomerTimelineElement } from './customer-timeline.js';

defineElement('customer-timeline', CustomerTimelineElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-timeline': CustomerTimelineElement;
  }
}
