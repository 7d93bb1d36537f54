import fs from 'node:fs';
import { z } from 'zod';
import { startTeamServer } from '../host/team/teamServer.js';
import { parse, portNumber } from './args.js';
import { CliError, usage } from './errors.js';
import { webRoot } from './webRoot.js';

type Out = (line: string) => void;

const DEFAULT_PORT = 4380;

/** A team server's configuration file (`brownpaper server --config <file>`); flags override it. */
const serverConfigSchema = z.strictObject({
  port: z.number().int().min(0).max(65535).optional(),
  bind: z.string().min(1).optional(),
  postgres: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres://… URL')
    .optional(),
  redis: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis://… URL')
    .optional(),
  /** the address people reach the nodes at (the load balancer's), for join links */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** the load balancers' own addresses: their X-Forwarded-For is read for the person's address (limits count per address) */
  trustedProxies: z.array(z.union([z.ipv4(), z.ipv6()], { error: 'an IP address' })).optional(),
});
type ServerConfig = z.infer<typeof serverConfigSchema>;

/** The file as JSON, checked; a problem is one line naming the file and the field. */
function readConfig(file: string): ServerConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the configuration ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(`the configuration ${file} is not JSON: ${(e as Error).message}`);
  }
  const parsed = serverConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || '(the file)';
    throw new CliError(`the configuration ${file}: ${field}: ${issue.message}`);
  }
  return parsed.data;
}

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
  const config = values.config ? readConfig(values.config) : {};
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
