/**
 * Every top-level command of `c360`, in the order `c360 --help` lists them. Adding a command is
 * one file exporting a function that returns a commander `Command` (give it `withDbOptions`, and
 * `withAsOfOption` if it computes metrics), plus one line here.
 * @module
 */
import type { Command } from 'commander';
import { serveCommand } from './serve-command.js';
import { importCommand } from './import-command.js';
import { tokenCommand } from './token-command.js';
import { exportCommand } from './export-command.js';
import { seedCommand } from './seed-command.js';
import { rebuildStatsCommand } from './rebuild-stats-command.js';

export const COMMANDS: ReadonlyArray<() => Command> = [
  () => serveCommand('serve'),
  () => serveCommand('demo'),
  importCommand,
  tokenCommand,
  exportCommand,
  seedCommand,
  rebuildStatsCommand,
];
