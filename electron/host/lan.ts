import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { DEFAULT_LAN_PORT, type HostingState, type NetworkInterface, type StartHosting } from '../../shared/hosting.js';
import { HostError } from './hostError.js';

/** This machine's IPv4 network addresses, loopback left out. */
export function lanInterfaces(): NetworkInterface[] {
  const out: NetworkInterface[] = [];
  for (const [name, list] of Object.entries(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push({ name, address: a.address });
  }
  return out;
}

/** Interfaces that are rarely where the room is: container bridges, VM networks, VPN tunnels. */
const virtual = /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap|wg|zt|tailscale)/i;

/**
 * The address to put on the big screen when hosting on every interface: a physical network's
 * private address first (Wi-Fi, Ethernet), not a container bridge or a VPN.
 */
export function roomAddress(interfaces: NetworkInterface[]): string | null {
  const score = (i: NetworkInterface) => (virtual.test(i.name) ? 0 : 2) + (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(i.address) ? 1 : 0);
  const best = [...interfaces].sort((a, b) => score(b) - score(a))[0];
  return best?.address ?? null;
}

export interface LanListener {
  readonly bind: string;
  readonly port: number;
  /** the address people in the room type */
  readonly url: string;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number, bind: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen(port, bind, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Open the host on the network: a second HTTP server with the host's own request and upgrade
 * handlers, on `bind` (an interface address, or 0.0.0.0 for all). The preferred port is
 * DEFAULT_LAN_PORT; if that is taken, any free one.
 */
export async function openLan(
  request: http.RequestListener,
  upgrade: (req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void,
  { bind, port }: StartHosting,
): Promise<LanListener> {
  const interfaces = lanInterfaces();
  if (bind !== '0.0.0.0' && !interfaces.some((i) => i.address === bind)) {
    throw new HostError(`bind: ${bind} is not an address of this machine (${interfaces.map((i) => i.address).join(', ') || 'no network'})`);
  }
  const server = http.createServer(request);
  server.on('upgrade', upgrade);
  let bound: number;
  try {
    bound = await listen(server, port ?? DEFAULT_LAN_PORT, bind);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port !== undefined) throw new HostError(`cannot listen on ${bind}:${port ?? DEFAULT_LAN_PORT}: ${(e as Error).message}`);
    bound = await listen(server, 0, bind);
  }
  const shown = bind === '0.0.0.0' ? (roomAddress(interfaces) ?? '127.0.0.1') : bind;
  return {
    bind,
    port: bound,
    url: `http://${shown}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function hostingState(lan: LanListener | null): HostingState {
  const interfaces = lanInterfaces();
  // On every interface, the others' addresses work too: listed for a room on another network.
  const also = lan?.bind === '0.0.0.0' ? interfaces.map((i) => `http://${i.address}:${lan.port}`).filter((u) => u !== lan.url) : [];
  return { lan: lan && { bind: lan.bind, port: lan.port, url: lan.url, joinUrl: `${lan.url}/join`, also }, interfaces };
}
