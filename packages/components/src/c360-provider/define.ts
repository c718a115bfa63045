import { defineElement } from '../base/define.js';
import { C360ProviderElement } from './c360-provider.js';

defineElement('c360-provider', C360ProviderElement);

declare global {
  interface HTMLElementTagNameMap {
    'c360-provider': C360ProviderElement;
  }
}
