import { defineElement } from '../base/define.js';
import { CustomerSegmentsElement } from './customer-segments.js';

defineElement('customer-segments', CustomerSegmentsElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-segments': CustomerSegmentsElement;
  }
}
