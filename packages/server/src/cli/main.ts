#!/usr/bin/env node
/**
 * The `c360` command line (`c360 --help`; commands in commands.ts). A command that fails prints
 * `c360: <why>` on stderr and exits 1; bad arguments print the command's name, the problem and
 * where its help is, and exit 1; `--help` and `--version` exit 0.
 * @module
 */
import { buildProgram } from './program.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`c360: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
