import { defineElement } from '../base/define.js';
import { Customer360Element } from './customer-360.js';

defineElement('customer-360', Customer360Element);

declare global {
  interface HTMLElementTagNameMap {
    'customer-360': Customer360Element;
  }
}
