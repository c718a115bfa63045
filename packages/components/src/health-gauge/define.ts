import { defineElement } from '../base/define.js';
import { HealthGaugeElement } from './health-gauge.js';

defineElement('health-gauge', HealthGaugeElement);

declare global {
  interface HTMLElementTagNameMap {
    'health-gauge': HealthGaugeElement;
  }
}
