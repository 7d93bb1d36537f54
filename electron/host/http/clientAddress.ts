import type { IncomingMessage } from 'node:http';

/** '::ffff:10.0.0.2' (an IPv4 client of a dual-stack socket) and '10.0.0.2' are one address. */
const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/**
 * Where a request comes from: the socket's address, unless that is a proxy the operator trusts (a
 * team server's load balancer), in which case the last address of X-Forwarded-For that is not
 * itself a trusted proxy — the one the proxy appended for the person's own connection. Behind
 * an HTTP load balancer every socket is the balancer's, so without this a node would count all
 * its people as one address against limits.connectionsPerAddress and refuse the 101st. A header
 * from anyone else is ignored: a client cannot pick the address it is counted under.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const socket = plain(req.socket.remoteAddress ?? '');
  if (!trustedProxies.has(socket)) return socket;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(plain)
    .filter((a) => a !== '');
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.has(hops[i])) return hops[i];
  return socket;
}

/** The addresses of a configuration's trustedProxies, in the form clientAddress compares. */
export const trustedProxySet = (addresses: readonly string[] = []): ReadonlySet<string> => new Set(addresses.map(plain));
