#!/usr/bin/env node
// Runs the built CLI (npm run build); from a checkout without a build use `npm run c360 -- <args>`.
import '../dist/cli/main.js';
