import { inviteCommand, sessionCommand } from '../../electron/cli/commands.js';

/**
 * `brownpaper session …` and `brownpaper invite …` run in the test's own process: the CLI's
 * own commands, arguments and database writes, without starting Node and loading the bundle
 * for each call (about 0.7 s of CPU a call, several per end-to-end test). The CLI as a program
 * is tested by test/cli/ through `cli` and `cliJson` (cli.ts).
 */
export function cliHereJson<T = Record<string, unknown>>(...args: string[]): T {
  const [command, ...rest] = args;
  const lines: string[] = [];
  const out = (line: string) => void lines.push(line);
  try {
    if (command === 'session') sessionCommand(rest, out);
    else if (command === 'invite') inviteCommand(rest, out);
    else throw new Error(`cliHereJson runs session and invite only; use cliJson for '${command}'`);
  } catch (e) {
    throw new Error(`brownpaper ${args.join(' ')} failed: ${(e as Error).message}`);
  }
  return JSON.parse(lines.join('\n')) as T;
}
