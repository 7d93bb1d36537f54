import { describe, expect, it } from 'vitest';
import { teamServerUrl } from './teamServer.js';

describe('File ▸ Open a team server…', () => {
  it('opens the server’s front door, whatever page of it was pasted', () => {
    expect(teamServerUrl('https://workshops.example.org')).toBe('https://workshops.example.org/');
    expect(teamServerUrl('  https://workshops.example.org/s/abc#token=x \n')).toBe('https://workshops.example.org/');
    expect(teamServerUrl('HTTP://10.0.0.5:4380/?team')).toBe('http://10.0.0.5:4380/');
  });

  it('without a scheme: https for a name, http for this machine or an IP address with a port (what `brownpaper server` prints)', () => {
    expect(teamServerUrl('workshops.example.org')).toBe('https://workshops.example.org/');
    expect(teamServerUrl('workshops.example.org:8443')).toBe('https://workshops.example.org:8443/');
    expect(teamServerUrl('192.168.1.20:4380')).toBe('http://192.168.1.20:4380/');
    expect(teamServerUrl('localhost:4380')).toBe('http://localhost:4380/');
    expect(teamServerUrl('127.0.0.1')).toBe('http://127.0.0.1/');
    expect(teamServerUrl('[::1]:4380')).toBe('http://[::1]:4380/');
  });

  it('refuses what is no web address, in one line that says what is wrong', () => {
    expect(() => teamServerUrl('')).toThrow('Team server: type its address, e.g. https://workshops.example.org');
    expect(() => teamServerUrl('   ')).toThrow('Team server: type its address');
    expect(() => teamServerUrl('file:///etc/passwd')).toThrow('Team server: "file://" is not a web address; use https:// (or http://)');
    expect(() => teamServerUrl('javascript://alert(1)')).toThrow('"javascript://" is not a web address');
    expect(() => teamServerUrl('work shops')).toThrow('Team server: "work shops" is not an address');
    expect(() => teamServerUrl('https://ana:secret@workshops.example.org')).toThrow('no user name or password in the address; you sign in on its page');
  });

  it('a message names at most 80 characters of what was typed', () => {
    const typed = `${'x '.repeat(200)}`;
    const message = (() => {
      try {
        teamServerUrl(typed);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message.length).toBeLessThan(120);
  });
});
