import { defineElement } from '../base/define.js';
import { BulkExportElement } from './bulk-export.js';

defineElement('bulk-export', BulkExportElement);

declare global {
  interface HTMLElementTagNameMap {
    'bulk-export': BulkExportElement;
  }
}
