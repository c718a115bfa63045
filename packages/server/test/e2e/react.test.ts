/**
 * The React 19 host example (demo/react, built by demo/react/build.mjs) in headless Chromium
 * against the real server: see host-example.ts for what it must do.
 */
import { describeHostExample } from './host-example.js';

describeHostExample('react', 'React 19 host example (demo/react)');
