/**
 * The `c360` program (commander): `--version`, `--help` on every command and subcommand, and
 * errors that name the command they are about (`c360 import online-retail: error: unknown option
 * '--as-of'`) with a pointer to its help.
 * @module
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { COMMANDS } from './commands.js';

/** The version of the @c360/server package (its package.json, two folders up from src/cli or dist/cli). */
export function serverVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Builds the whole command tree; `parseAsync(process.argv)` runs it. */
export function buildProgram(): Command {
  const program = new Command('c360')
    .description('c360: customer 360 API, importers and tokens. Every command takes --db FILE (or C360_DB), default ./data/c360.db.')
    .version(serverVersion(), '-V, --version', 'print the version of @c360/server');
  for (const make of COMMANDS) program.addCommand(make());
  nameErrors(program);
  return program;
}

/** Every command's parse errors start with its full name and end with where its help is. */
function nameErrors(command: Command): void {
  const path = commandPath(command);
  command
    .helpCommand(false) // `c360 X --help` is the one way; no `help` pseudo-command beside real ones
    .configureOutput({ outputError: (text, write) => write(`${path}: ${text}`) })
    .showHelpAfterError(`(${path} --help lists its arguments and options)`);
  for (const sub of command.commands) nameErrors(sub);
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
