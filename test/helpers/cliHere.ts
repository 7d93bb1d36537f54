import { parseArgs } from 'node:util';
import { main } from '../../electron/cli/main.js';
import { readHostFile } from '../../electron/host/hostFile.js';
import { openStore } from '../../electron/host/store/store.js';
import type { TemplateId } from '../../shared/model/board.js';
import { joinUrl, type Role } from '../../shared/session.js';

/**
 * `brownpaper session create|list --data …` and `brownpaper invite … --data …` as the CLI does
 * them on a data dir (the same store calls), answered at once: the end-to-end tests call this
 * synchronously to seed a session and hand out links, without starting Node and loading the
 * bundle for each call (about 0.7 s of CPU a call, several per end-to-end test). The commands
 * themselves (both engines, their arguments and errors) are tested by test/cli/ and test/team/
 * through `cliHere` (below) and `cli` (cli.ts).
 */
export function cliHereJson<T = Record<string, unknown>>(...args: string[]): T {
  const [command, ...rest] = args;
  const sub = command === 'session' ? rest.shift() : undefined;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { data: { type: 'string' }, title: { type: 'string' }, template: { type: 'string' }, role: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (!values.data) throw new Error(`brownpaper ${args.join(' ')}: cliHereJson needs --data`);
  const store = openStore(values.data, { create: sub === 'create' });
  try {
    if (command === 'session' && sub === 'create') return store.sessions.create({ title: values.title!, template: (values.template ?? 'blank') as TemplateId }) as T;
    if (command === 'session' && sub === 'list') return store.sessions.list() as T;
    if (command === 'invite') {
      const [sessionId] = positionals;
      const base = values.url ?? readHostFile(values.data)?.url;
      if (!store.sessions.get(sessionId) || !base) throw new Error(`brownpaper ${args.join(' ')}: no such session, or no host running on ${values.data}`);
      const token = store.tokens.issue(sessionId, values.role as Role, 'cli');
      return { sessionId, role: values.role, token, url: joinUrl(base, sessionId, token) } as T;
    }
    throw new Error(`cliHereJson runs session create|list and invite only; use cliHere for '${args.join(' ')}'`);
  } finally {
    store.close();
  }
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
