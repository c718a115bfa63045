import { defineElement } from '../base/define.js';
import { ChurnRiskElement } from './churn-risk.js';

defineElement('churn-risk', ChurnRiskElement);

declare global {
  interface HTMLElementTagNameMap {
    'churn-risk': ChurnRiskElement;
  }
}
