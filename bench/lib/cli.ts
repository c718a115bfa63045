/**
 * The flag handling every benchmark entry shares: parse, print the usage for `--help`, report a bad
 * flag.
 * @module
 */

/**
 * `parse(argv)` → the flags, or the exit code to return: 0 after printing `usage` (`parse` returned
 * null for `--help`), 2 after printing the error of a bad flag.
 */
export function flagsOrExitCode<A>(argv: string[], parse: (argv: string[]) => A | null, usage: string): A | number {
  let args: A | null;
  try {
    args = parse(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (args === null) {
    console.log(usage);
    return 0;
  }
  return args;
}
