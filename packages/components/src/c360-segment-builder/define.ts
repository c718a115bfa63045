import { defineElement } from '../base/define.js';
import { SegmentBuilderElement } from './segment-builder.js';

defineElement('c360-segment-builder', SegmentBuilderElement);

declare global {
  interface HTMLElementTagNameMap {
    'c360-segment-builder': SegmentBuilderElement;
  }
}
