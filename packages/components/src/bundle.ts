/**
 * The self-contained browser bundle, `c360.js` (scripts/bundle.mjs; served by the server as
 * `/embed/assets/c360.js`): one `<script type="module">` and the tags work. It registers the
 * elements of the 360 view at once and the workspace elements (`<customer-search>`,
 * `<customer-compare>`, `<bulk-export>`, `<c360-notifications>`, `<export-schedules>`, `<c360-segment-builder>`) when a page first uses them (base/lazy-define.ts), so a
 * page with only `<customer-360>` loads less (bench/page-load.ts). Heavy parts load on first use
 * too: uPlot when a chart draws, the fr/ar translations when that locale is chosen.
 *
 * Bundlers should import `@c360/components` (index.ts) instead, which registers every element.
 * @module
 */
import './c360-provider/define.js';
import './customer-profile/define.js';
import './customer-metrics/define.js';
import './health-gauge/define.js';
import './churn-risk/define.js';
import './order-history/define.js';
import './payment-methods/define.js';
import './behavior-analytics/define.js';
import './loyalty-status/define.js';
import './marketing-engagement/define.js';
import './support-tickets/define.js';
import './customer-timeline/define.js';
import './customer-notes/define.js';
import './customer-follow-ups/define.js';
import './customer-tags/define.js';
import './customer-segments/define.js';
import './quick-actions/define.js';
import './export-button/define.js';
import './audit-log/define.js';
import './customer-360/define.js';
import { defineWhenUsed } from './base/lazy-define.js';

defineWhenUsed({
  'customer-search': () => import('./customer-search/define.js'),
  'customer-compare': () => import('./customer-compare/define.js'),
  'bulk-export': () => import('./bulk-export/define.js'),
  'c360-notifications': () => import('./c360-notifications/define.js'),
  'export-schedules': () => import('./export-schedules/define.js'),
  'c360-segment-builder': () => import('./c360-segment-builder/define.js'),
});

export { loadElement } from './base/lazy-define.js';
export { configure, getGlobalConfig, type C360Config } from './base/config.js';
export { formatter, type Formatter } from './base/format.js';
