import { defineElement } from '../base/define.js';
import { CustomerProfileElement } from './customer-profile.js';

defineElement('customer-profile', CustomerProfileElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-profile': CustomerProfileElement;
  }
}
