#!/usr/bin/env node
// Runs ESLint with TypeScript 5 for typescript-eslint. The workspace compiles with TypeScript 7,
// whose package has no JavaScript API; npm hoists some typescript-eslint helpers (ts-api-utils)
// to the root, where `require('typescript')` would find TypeScript 7. This maps that one module
// name to this workspace's TypeScript 5 before ESLint loads, then hands over to ESLint's own CLI.
const Module = require('node:module');
const typescript5 = require.resolve('typescript', { paths: [__dirname] });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'typescript' ? typescript5 : resolve.call(this, request, ...rest);
};
const { dirname, join } = require('node:path');
require(join(dirname(require.resolve('eslint/package.json')), 'bin/eslint.js'));
