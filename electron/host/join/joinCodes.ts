import { randomInt } from 'node:crypto';
import type { Role } from '../../../shared/session.js';

/**
 * Short join codes for the room: typed from a projector, exchanged for a session token with a
 * role. They live in the host's memory only, so they expire when hosting stops. 6 characters
 * from 31 unambiguous ones (no 0/O, 1/I/L) ≈ 8.9 × 10^8 codes; with the per-address rate
 * limit (rateLimit.ts) a stranger guessing gets nowhere.
 */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;

export interface JoinCode {
  sessionId: string;
  role: Exclude<Role, 'facilitator'>;
}

export class JoinCodes {
  private readonly codes = new Map<string, JoinCode>();

  /** The code for this session and role, made on first ask and stable while hosting. */
  codeFor(sessionId: string, role: JoinCode['role']): string {
    for (const [code, c] of this.codes) if (c.sessionId === sessionId && c.role === role) return code;
    let code = '';
    do {
      code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    } while (this.codes.has(code));
    this.codes.set(code, { sessionId, role });
    return code;
  }

  /** What a typed code is for; case and spaces or dashes do not matter. */
  lookup(typed: string): JoinCode | null {
    return this.codes.get(typed.toUpperCase().replace(/[\s-]/g, '')) ?? null;
  }

  /** Hosting stopped: every code ends. */
  clear(): void {
    this.codes.clear();
  }
}
