import { defineElement } from '../base/define.js';
import { OrderHistoryElement } from './order-history.js';

defineElement('order-history', OrderHistoryElement);

declare global {
  interface HTMLElementTagNameMap {
    'order-history': OrderHistoryElement;
  }
}
