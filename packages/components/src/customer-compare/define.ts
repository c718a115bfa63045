import { defineElement } from '../base/define.js';
import { CustomerCompareElement } from './customer-compare.js';

defineElement('customer-compare', CustomerCompareElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-compare': CustomerCompareElement;
  }
}
