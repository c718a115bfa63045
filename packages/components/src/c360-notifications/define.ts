import { defineElement } from '../base/define.js';
import { C360NotificationsElement } from './c360-notifications.js';

defineElement('c360-notifications', C360NotificationsElement);

declare global {
  interface HTMLElementTagNameMap {
    'c360-notifications': C360NotificationsElement;
  }
}
