import { z } from 'zod';

// 128 random bits, base64url: collision-free for any board we will ever see, and short
// enough to read in a log line. crypto.getRandomValues exists in browsers and in Node ≥ 19.
// Never starting with "-" or "_": an id is typed as a command-line argument, where a leading
// dash reads as an option.
export function newId(): string {
  const bytes = new Uint8Array(16);
  for (;;) {
    crypto.getRandomValues(bytes);
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    const id = btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected an id of 8–64 letters, digits, "-" or "_"');
