import { describe, expect, it } from 'vitest';
import { onlyThisComputer } from './loopback';

describe('onlyThisComputer', () => {
  it('knows the addresses that reach only this computer', () => {
    for (const url of ['http://127.0.0.1:4380/join', 'http://127.8.9.10/join', 'http://[::1]:8787/join', 'http://localhost:3000/', 'http://LOCALHOST./', 'http://app.localhost/'])
      expect(onlyThisComputer(url), url).toBe(true);
  });
  it('lets the room’s addresses through', () => {
    for (const url of ['http://192.168.1.20:8787/join', 'http://10.0.0.5/', 'http://laptop.local:8787/join', 'http://[fe80::1]/', 'http://128.0.0.1/', 'not a url'])
      expect(onlyThisComputer(url), url).toBe(false);
  });
});
