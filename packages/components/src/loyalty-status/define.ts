import { defineElement } from '../base/define.js';
import { LoyaltyStatusElement } from './loyalty-status.js';

defineElement('loyalty-status', LoyaltyStatusElement);

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-status': LoyaltyStatusElement;
  }
}
