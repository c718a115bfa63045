import { defineElement } from '../base/define.js';
import { SupportTicketsElement } from './support-tickets.js';

defineElement('support-tickets', SupportTicketsElement);

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets': SupportTicketsElement;
  }
}
