import { defineElement } from '../base/define.js';
import { ExportSchedulesElement } from './export-schedules.js';

defineElement('export-schedules', ExportSchedulesElement);

declare global {
  interface HTMLElementTagNameMap {
    'export-schedules': ExportSchedulesElement;
  }
}
