import { expect, it } from 'vitest';
import { hostAddress } from './session.js';

it('an address typed from the big screen becomes a host base URL, or a message', () => {
  expect(hostAddress(' 192.168.1.20:8787 ')).toBe('http://192.168.1.20:8787');
  expect(hostAddress('http://laptop.local:8787/join#code=ABC')).toBe('http://laptop.local:8787');
  expect(hostAddress('https://wall.example.org')).toBe('https://wall.example.org');
  expect(() => hostAddress('')).toThrow(/type the address/);
  expect(() => hostAddress('file:///etc/passwd')).toThrow(/http/);
  expect(() => hostAddress('javascript:alert(1)')).toThrow(/http|not an address/);
  expect(() => hostAddress('http://user:pw@host:1')).toThrow(/no user name/);
  expect(() => hostAddress('http://exa mple')).toThrow(/not an address/);
});
