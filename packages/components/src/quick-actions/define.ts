import { defineElement } from '../base/define.js';
import { QuickActionsElement } from './quick-actions.js';

defineElement('quick-actions', QuickActionsElement);

declare global {
  interface HTMLElementTagNameMap {
    'quick-actions': QuickActionsElement;
  }
}
