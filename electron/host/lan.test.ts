import { expect, it } from 'vitest';
import { roomAddress } from './lan.js';

it('the address for the big screen is the Wi-Fi or Ethernet one, not a container bridge or a VPN', () => {
  expect(
    roomAddress([
      { name: 'docker0', address: '172.17.0.1' },
      { name: 'tailscale0', address: '100.101.1.2' },
      { name: 'wlp2s0', address: '192.168.1.23' },
    ]),
  ).toBe('192.168.1.23');
  expect(
    roomAddress([
      { name: 'eth0', address: '203.0.113.5' },
      { name: 'br-4f2', address: '172.18.0.1' },
    ]),
  ).toBe('203.0.113.5');
  expect(roomAddress([])).toBeNull();
});
