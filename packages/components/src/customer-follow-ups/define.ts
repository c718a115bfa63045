import { defineElement } from '../base/define.js';
import { CustomerFollowUpsElement } from './customer-follow-ups.js';

defineElement('customer-follow-ups', CustomerFollowUpsElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-follow-ups': CustomerFollowUpsElement;
  }
}
