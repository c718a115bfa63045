import { defineElement } from '../base/define.js';
import { CustomerSearchElement } from './customer-search.js';

defineElement('customer-search', CustomerSearchElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-search': CustomerSearchElement;
  }
}
