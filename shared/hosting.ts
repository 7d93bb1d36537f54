import { z } from 'zod';

/**
 * Hosting on the LAN: the embedded host always serves this machine on 127.0.0.1; "Host this
 * session" adds a listener on the network (every interface, or the one chosen) so laptops in
 * the room can join. Stopping it closes that listener and every connection that came through it.
 */
const networkInterfaceSchema = z.strictObject({ name: z.string().max(100), address: z.string().max(100) });
export type NetworkInterface = z.infer<typeof networkInterfaceSchema>;

export const hostingStateSchema = z.strictObject({
  /** null: only this machine can reach the host */
  lan: z
    .strictObject({
      bind: z.string(),
      port: z.number().int(),
      url: z.string(),
      joinUrl: z.string(),
      /** other addresses of this machine that reach the same listener (hosting on every interface) */
      also: z.array(z.string()),
    })
    .nullable(),
  /** this machine's network addresses (IPv4, not loopback) */
  interfaces: z.array(networkInterfaceSchema),
});
export type HostingState = z.infer<typeof hostingStateSchema>;

/** The port tried first: short enough to type from a projector; another is taken if it is in use. */
export const DEFAULT_LAN_PORT = 8787;

export const startHostingSchema = z.strictObject({
  /** "0.0.0.0" for every interface, or one of HostingState.interfaces' addresses */
  bind: z.string().min(1).max(100),
  port: z.number().int().min(0).max(65535).optional(),
});
export type StartHosting = z.infer<typeof startHostingSchema>;
