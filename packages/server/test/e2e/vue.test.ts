/**
 * The Vue 3 host example (demo/vue, built by demo/vue/build.mjs) in headless Chromium against the
 * real server: see host-example.ts for what it must do.
 */
import { describeHostExample } from './host-example.js';

describeHostExample('vue', 'Vue 3 host example (demo/vue)');
