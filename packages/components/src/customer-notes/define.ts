import { defineElement } from '../base/define.js';
import { CustomerNotesElement } from './customer-notes.js';

defineElement('customer-notes', CustomerNotesElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-notes': CustomerNotesElement;
  }
}
