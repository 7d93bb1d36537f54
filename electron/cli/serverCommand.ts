import { startTeamServer } from '../host/team/teamServer.js';
import { parse, portNumber } from './args.js';
import { CliError, usage } from './errors.js';
import { webRoot } from './webRoot.js';
import { readServerConfig } from './serverConfig.js';

type Out = (line: string) => void;

const DEFAULT_PORT = 4380;

/**
 * `brownpaper server`: one node of a team server (sessions in PostgreSQL, the other nodes through
 * Redis). Prints "listening on http://…" as `host` does once it serves; SIGTERM/SIGINT close it,
 * committing what its rooms hold first.
 */
export async function serverCommand(argv: string[], out: Out): Promise<void> {
  const { values } = parse(argv, {
    config: { type: 'string' },
    port: { type: 'string' },
    bind: { type: 'string' },
    postgres: { type: 'string' },
    redis: { type: 'string' },
  });
  const config = values.config ? readServerConfig(values.config) : {};
  const postgres = values.postgres ?? config.postgres;
  const redis = values.redis ?? config.redis;
  if (!postgres) throw usage('a PostgreSQL URL is needed: --postgres postgres://… or "postgres" in --config');
  if (!redis) throw usage('a Redis URL is needed: --redis redis://… or "redis" in --config');
  if (values.postgres !== undefined && !/^postgres(ql)?:\/\//.test(values.postgres)) throw usage(`--postgres takes a postgres://… URL, got '${values.postgres}'`);
  if (values.redis !== undefined && !/^rediss?:\/\//.test(values.redis)) throw usage(`--redis takes a redis://… URL, got '${values.redis}'`);
  const port = values.port !== undefined ? portNumber(values.port, DEFAULT_PORT) : (config.port ?? DEFAULT_PORT);
  const bind = values.bind ?? config.bind ?? '127.0.0.1';
  let server;
  try {
    server = await startTeamServer({ port, bind, postgres, redis, webRoot: webRoot(), publicUrl: config.publicUrl, trustedProxies: config.trustedProxies });
  } catch (e) {
    throw new CliError((e as Error).message.split('\n')[0]);
  }
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      out(`brownpaper server: ${signal}, closing`);
      server.close().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  out(`brownpaper server: listening on ${server.url}${config.publicUrl ? ` (people reach it at ${config.publicUrl})` : ''}`);
  await stopped;
}
