import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxySet } from './clientAddress.js';

const request = (remoteAddress: string, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;
const proxies = trustedProxySet(['10.0.0.2', '10.0.0.3']);

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'), trustedProxySet())).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'), proxies)).toBe('203.0.113.7');
  });

  it('behind a trusted proxy, is the address the proxy appended, skipping what the client wrote before it', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.1'), proxies)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', 'forged-by-client, 198.51.100.1'), proxies)).toBe('198.51.100.1');
  });

  it('skips trusted proxies in a chain, reads repeated headers together, and treats IPv4-mapped addresses as IPv4', () => {
    expect(clientAddress(request('::ffff:10.0.0.2', '198.51.100.1, 10.0.0.3'), proxies)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', ['198.51.100.9', '198.51.100.1']), proxies)).toBe('198.51.100.1');
  });

  it("is the proxy's own address when it names nobody else", () => {
    expect(clientAddress(request('10.0.0.2'), proxies)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', ' , 10.0.0.3'), proxies)).toBe('10.0.0.2');
  });
});
