#!/usr/bin/env node
// Builds the Refine example: demo/refine/src/main.tsx → demo/refine/build/app.js (+ app.css, the
// Refine/antd reset), with the settings every example shares (scripts/build-example.mjs): workspace
// packages (@c360/sdk/refine, @c360/components/themes/antd) are read from source, so no `tsc -b` is
// needed first. The elements themselves are not bundled: index.html loads /embed/assets/c360.js.
import { fileURLToPath } from 'node:url';
import { buildExample } from '../../scripts/build-example.mjs';

await buildExample(fileURLToPath(new URL('.', import.meta.url)), { legalComments: 'linked' }, 'app');
