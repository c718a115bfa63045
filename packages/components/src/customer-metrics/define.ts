import { defineElement } from '../base/define.js';
import { CustomerMetricsElement } from './customer-metrics.js';

defineElement('customer-metrics', CustomerMetricsElement);

declare global {
  interface HTMLElementTagNameMap {
    'customer-metrics': CustomerMetricsElement;
  }
}
