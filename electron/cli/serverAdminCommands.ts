import type { Facilitator } from '../host/store/postgres/facilitators.js';
import { closeOnEveryNode } from '../host/team/removals.js';
import { parse, required } from './args.js';
import { CliError, usage } from './errors.js';
import { openTeamStore } from './storeOption.js';
import { readServerConfig } from './serverConfig.js';

type Out = (line: string) => void;

/** The `brownpaper server` subcommands that administer a team server's database rather than run a node. */
const adminCommands = ['add-facilitator', 'list-facilitators', 'revoke-facilitator'] as const;

export function isServerAdminCommand(sub: string | undefined): boolean {
  return (adminCommands as readonly (string | undefined)[]).includes(sub);
}

const NAME_MAX = 200;

/**
 * `brownpaper server add-facilitator --postgres <url> --name <n>`: prints the new facilitator
 * and their API key as one JSON line; the key is shown this once (only its hash is kept).
 * `list-facilitators --postgres <url> [--json]`, `revoke-facilitator <id> --postgres <url> [--redis <url>]`
 * (with Redis the boards open on the facilitator's links close at once, on every node).
 */
export async function serverAdminCommand(argv: string[], out: Out, err: (text: string) => void): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'add-facilitator') {
    const { values } = parse(rest, { postgres: { type: 'string' }, config: { type: 'string' }, name: { type: 'string' } });
    const url = teamUrl(values);
    const name = required(values.name, '--name').trim();
    if (!name || name.length > NAME_MAX || /\p{Cc}/u.test(name)) throw usage(`--name takes 1 to ${NAME_MAX} characters on one line`);
    const { facilitator, key } = await withTeamStore(url, (s) => s.facilitators.add(name));
    out(JSON.stringify({ id: facilitator.id, name: facilitator.name, createdAt: facilitator.createdAt, key }));
    return;
  }
  if (sub === 'list-facilitators') {
    const { values } = parse(rest, { postgres: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' } });
    const all = await withTeamStore(teamUrl(values), (s) => s.facilitators.list());
    if (values.json) out(JSON.stringify(all));
    else if (!all.length) out('no facilitators: add one with brownpaper server add-facilitator --postgres <url> --name <name>');
    else for (const f of all) out(line(f));
    return;
  }
  if (sub === 'revoke-facilitator') {
    const { values, positionals } = parse(rest, { postgres: { type: 'string' }, config: { type: 'string' }, redis: { type: 'string' } }, 1);
    const id = positionals[0];
    if (!id) throw usage('revoke-facilitator needs the facilitator id (see: brownpaper server list-facilitators)');
    const url = teamUrl(values);
    if (values.redis !== undefined && !/^rediss?:\/\//.test(values.redis)) throw usage(`--redis takes a redis://… URL, got '${values.redis}'`);
    const redis = values.redis ?? (values.config !== undefined ? readServerConfig(values.config).redis : undefined);
    // Redis first: one it cannot reach is said before anything is revoked.
    // ioredis is loaded only here: the other commands never need it.
    const fanout = redis === undefined ? null : new (await import('../host/cluster/fanout.js')).Fanout(redis);
    try {
      await fanout?.start();
      const r = await withTeamStore(url, (s) => s.facilitators.revoke(id));
      if (!r) throw new CliError(`no facilitator ${id} (see: brownpaper server list-facilitators --postgres <url>)`);
      if (r.already && !r.links.length) throw new CliError(`facilitator ${id} (${r.facilitator.name}) was revoked already, at ${new Date(r.facilitator.revokedAt!).toISOString()}`);
      if (fanout) await closeOnEveryNode(fanout, r.links, () => {});
      out(JSON.stringify({ ...r.facilitator, linksEnded: r.links.length, openBoardsClosed: fanout !== null }));
      if (!fanout && r.links.length)
        err(
          `brownpaper: ${r.facilitator.name}'s ${r.links.length} facilitator link(s) no longer open anything; boards open on them now close when they next reconnect (give --redis <url> or --config to close them at once)\n`,
        );
    } finally {
      fanout?.close();
    }
    return;
  }
  throw usage(`unknown server command '${sub}'`);
}

/** The team server's database: --postgres, else the "postgres" of the server's --config file. */
function teamUrl(values: { postgres?: string; config?: string }): string {
  return required(values.postgres ?? (values.config !== undefined ? readServerConfig(values.config).postgres : undefined), '--postgres <url> (or --config <server.json> naming one)');
}

const line = (f: Facilitator) => `${f.id}  ${new Date(f.createdAt).toISOString()}  ${f.revokedAt === null ? 'active ' : 'revoked'}  ${f.name}`;

async function withTeamStore<T>(url: string, fn: (store: Awaited<ReturnType<typeof openTeamStore>>) => Promise<T>): Promise<T> {
  const store = await openTeamStore(url);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
