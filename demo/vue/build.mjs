#!/usr/bin/env node
// Builds the Vue 3 host example: demo/vue/src/main.tsx → demo/vue/build/main.js (settings shared by
// every example: scripts/build-example.mjs), with Vue's runtime-only build: the app is TSX through
// vue/jsx-runtime, so no template compiler. The c360 elements are not bundled: the app loads them at
// run time from the c360 server (/embed/assets/c360.js, `npm run bundle`), as a host page embeds them.
import { fileURLToPath } from 'node:url';
import { buildExample } from '../../scripts/build-example.mjs';

await buildExample(fileURLToPath(new URL('.', import.meta.url)), {
  jsxImportSource: 'vue',
  // Vue's compile-time flags (esm-bundler build): no Options API, no devtools in production.
  define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
});
