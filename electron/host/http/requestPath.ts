import type { IncomingMessage } from 'node:http';

/**
 * The request's path, decoded, or null when it is malformed: not a URL, broken percent-encoding
 * (`%c0%ae`), or a NUL byte. Checked once where requests come in, so every handler after it may
 * decode and stat freely; a malformed path is the client's mistake (400), not ours (500).
 */
export function requestPath(req: IncomingMessage): string | null {
  try {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}
