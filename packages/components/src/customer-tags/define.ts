import { defineElement } from '../base/define.js';
import { CustomerTagsElement } from './customer-tags.js';

defineElement('customer-tags', CustomerTagsElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-tags': CustomerTagsElement;
  }
}
