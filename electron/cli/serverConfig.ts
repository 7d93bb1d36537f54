import fs from 'node:fs';
import { z } from 'zod';
import { CliError, unreadable } from './errors.js';

/**
 * A team server's configuration file (`brownpaper server --config <file>`; flags override it). The
 * admin commands read it too (`--config` in place of `--postgres`): its database, and `publicUrl`
 * for the links `invite` prints.
 */
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
export type ServerConfig = z.infer<typeof serverConfigSchema>;

/** The file as JSON, checked; a problem is one line naming the file and the field. */
export function readServerConfig(file: string): ServerConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw unreadable(`the configuration ${file}`, e);
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
