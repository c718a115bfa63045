import { defineElement } from '../base/define.js';
import { PaymentMethodsElement } from './payment-methods.js';

defineElement('payment-methods', PaymentMethodsElement);

declare global {
  interface HTMLElementTagNameMap {
    'payment-methods': PaymentMethodsElement;
  }
}
