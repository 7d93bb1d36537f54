import { caseCommand, costCommand, exportCommand, hostCommand, importCommand, inviteCommand, sessionCommand } from './commands.js';
import { CliError, usage } from './errors.js';
import { backupCommand, restoreCommand } from './backupCommands.js';
import { importStepsCommand } from './importStepsCommand.js';
import { isServerAdminCommand, serverAdminCommand } from './serverAdminCommands.js';

const help = `brownpaper — a digital brown-paper wall

  brownpaper host --port <n> --data <dir> [--bind <address>] [--owner] [--bench] [--fresh]
             --fresh: a database that cannot be used is set aside (renamed, kept as it is) and a new one starts
  brownpaper server [--config <file.json>] [--port <n>] [--bind <address>] [--postgres <url>] [--redis <url>]
             one node of a team server: sessions in PostgreSQL, the other nodes through Redis
  brownpaper session create (--data <dir> | --postgres <url>) --title <t> [--template <id>] [--locale <tag>] [--currency <code>]
  brownpaper session list (--data <dir> | --postgres <url>) [--json]
  brownpaper invite <sessionId> (--data <dir> | --postgres <url>) --role <facilitator|participant|viewer> [--url http://HOST:PORT]
             (--url is required with --postgres: the team server's address)
  brownpaper cost <sessionId> (--data <dir> | --postgres <url>) [--json]
  brownpaper case <sessionId> (--data <dir> | --postgres <url>) [--json]
             each scenario's business case: payback, net value over 3 years, present value, ROI
  brownpaper export <sessionId> (--data <dir> | --postgres <url>) --format json|csv|xlsx|svg|png|pdf --out <file>
             [--force] [--bom] [--scale 1-4] [--transparent] [--paper a4|a3|single] [--scenario <name|id>]
  brownpaper import <file.json> (--data <dir> | --postgres <url>)
  brownpaper backup (--data <dir> | --postgres <url>) --out <file> [--force]
             a copy of every session, safe while the host runs (on PostgreSQL: pg_dump's custom format)
  brownpaper restore <file> --data <dir> [--force]
             checks the backup first; the store it replaces is kept beside it
  brownpaper import-steps <file.csv|file.xlsx> --data <dir> (--session <id> | --new --title <t> [--template <id>])
             [--sheet <name>] [--locale <tag>] [--currency <code>] [--skip-bad-rows] [--matched update|skip|add]
             a step list into a session: lanes and stages by name, steps in their cells;
             steps the session has already (same lane, stage and title) take the file's
             figures ("updated"; a blank cell clears one), or with --matched skip are left
             ("skipped"), or with --matched add (--add-again) are made again
  brownpaper server add-facilitator --postgres <url> --name <name>
             a facilitator of the team server and their API key, printed this once
  brownpaper server list-facilitators --postgres <url> [--json]
  brownpaper server revoke-facilitator <id> --postgres <url> [--redis <url>]
             ends the key and the facilitator links it opened; with Redis (or
             --config) their open boards close at once on every node

Wherever a command takes --postgres <url>, --config <server.json> may stand for it: the server's
configuration file, its "postgres" URL, for invite its "publicUrl" in place of --url, and for
revoke-facilitator its "redis".

Templates: blank, value-chain, service-blueprint, customer-journey, sample-info-request.`;

/** Where an invocation writes: the process's stdout and stderr, or a test's own lines (test/helpers/cliHere.ts). */
export interface CliOutput {
  out(line: string): void;
  err(text: string): void;
}

const processOutput: CliOutput = { out: (line) => void process.stdout.write(line + '\n'), err: (text) => void process.stderr.write(text) };

/** Run one CLI invocation; returns the exit code. */
export async function main(argv: string[], { out, err: writeErr }: CliOutput = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'host':
        await hostCommand(rest, out);
        break;
      case 'server':
        // server add-facilitator|list-facilitators|revoke-facilitator administer; `server` alone runs a node.
        // A node is loaded only to run one: with pg and ioredis it is a fifth of the CLI's start.
        if (isServerAdminCommand(rest[0])) await serverAdminCommand(rest, out, writeErr);
        else await (await import('./serverCommand.js')).serverCommand(rest, out);
        break;
      case 'session':
        await sessionCommand(rest, out);
        break;
      case 'invite':
        await inviteCommand(rest, out);
        break;
      case 'cost':
        await costCommand(rest, out);
        break;
      case 'case':
        await caseCommand(rest, out);
        break;
      case 'export':
        await exportCommand(rest, out);
        break;
      case 'import':
        await importCommand(rest, out);
        break;
      case 'backup':
        await backupCommand(rest, out);
        break;
      case 'restore':
        restoreCommand(rest, out);
        break;
      case 'import-steps':
        await importStepsCommand(rest, out);
        break;
      case 'help':
      case '--help':
      case '-h':
        out(help);
        break;
      default:
        throw usage(command ? `unknown command '${command}'` : 'a command is needed');
    }
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      writeErr(`brownpaper: ${e.message}\n`);
      return e.exitCode;
    }
    // Anything else (a database that breaks while it is read, a disk that fails) is still one
    // line for the user; the stack only when asked for.
    const err = e as Error & { code?: string };
    const what = err.code === 'SQLITE_CORRUPT' || err.code === 'SQLITE_NOTADB' ? `the database is damaged (${err.message}); it was left as it is` : (err.message ?? String(e)).split('\n')[0];
    writeErr(`brownpaper: ${what}\n`);
    if (process.env.BROWNPAPER_DEBUG) writeErr(`${err.stack ?? e}\n`);
    return 1;
  }
}

// For scripts/session-schema.mjs, which writes docs/session.schema.json from the bundle.
export { sessionFileJsonSchema } from '../../shared/exchange/sessionFile.js';
