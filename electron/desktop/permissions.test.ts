import { describe, expect, it } from 'vitest';
import { permits } from './permissions.js';

const host = 'http://127.0.0.1:43117';

describe('what a page may ask for', () => {
  it('our page may write to the clipboard and go full screen', () => {
    expect(permits('clipboard-sanitized-write', host, host)).toBe(true);
    expect(permits('fullscreen', host, host)).toBe(true);
  });
  it('nothing else, and nothing at all for another origin (a board joined on another computer)', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'hid', 'serial', 'usb', 'clipboard-read', 'openExternal', 'pointerLock', 'display-capture']) {
      expect(permits(p, host, host)).toBe(false);
    }
    expect(permits('fullscreen', 'http://192.168.1.20:8787', host)).toBe(false);
    expect(permits('clipboard-sanitized-write', 'http://127.0.0.1:43118', host)).toBe(false);
  });
});
