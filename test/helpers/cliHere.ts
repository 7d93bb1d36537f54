import { inviteCommand, sessionCommand } from '../../electron/cli/commands.js';
import { main } from '../../electron/cli/main.js';

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

/**
 * Any command through the CLI's own `main` (argument parsing, error lines, exit codes) in this
 * process, with what it writes caught instead of printed: the same answer as `cli` without a
 * Node start per call (test/cli/ once spent three minutes starting Node). `cli` stays for what
 * only the real program shows: the bin shim, the process's exit code, signals.
 */
export async function cliHere(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (line) => void (stdout += line + '\n'), err: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

export async function cliHereAnswer<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const r = await cliHere(...args);
  if (r.code !== 0) throw new Error(`brownpaper ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
