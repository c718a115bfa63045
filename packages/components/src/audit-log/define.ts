import { defineElement } from '../base/define.js';
import { AuditLogElement } from './audit-log.js';

defineElement('audit-log', AuditLogElement);

declare global {
  interface HTMLElementTagNameMap {
    'audit-log': AuditLogElement;
  }
}
