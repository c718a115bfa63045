#!/usr/bin/env node
// Builds the React 19 host example: demo/react/src/main.tsx → demo/react/build/main.js (settings
// shared by every example: scripts/build-example.mjs). The c360 elements are not bundled: the app
// loads them at run time from the c360 server (/embed/assets/c360.js, `npm run bundle`), as a host page
// embeds them. Run from anywhere; scripts/build-examples.mjs runs it with every other example.
import { fileURLToPath } from 'node:url';
import { buildExample } from '../../scripts/build-example.mjs';

await buildExample(fileURLToPath(new URL('.', import.meta.url)));
