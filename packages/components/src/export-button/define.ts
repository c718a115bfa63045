import { defineElement } from '../base/define.js';
import { ExportButtonElement } from './export-button.js';

defineElement('export-button', ExportButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'export-button': ExportButtonElement;
  }
}
