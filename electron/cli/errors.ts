/** An error the CLI reports as one line on stderr and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Bad arguments: exit 2, as getopt-style tools do. */
export function usage(message: string): CliError {
  return new CliError(`${message} (see: brownpaper help)`, 2);
}
