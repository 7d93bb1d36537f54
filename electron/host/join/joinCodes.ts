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

/**
 * Where a server keeps its codes: the desktop host in its memory (JoinCodes, below), a team
 * server in PostgreSQL (store/postgres/joinCodes.ts), so a code made on one node works on every node
 * and outlives a restart.
 */
export interface JoinCodeBook {
  /** The code for this session and role, made on first ask and stable after. */
  codeFor(sessionId: string, role: JoinCode['role']): string | Promise<string>;
  /** What a typed code is for; case and spaces or dashes do not matter. */
  lookup(typed: string): JoinCode | null | Promise<JoinCode | null>;
  /** How long a code works, in the words the room is told (under the codes, and when one is refused). */
  readonly lasts: string;
}

/** A fresh random code (it may be taken already: the caller checks). */
export function randomCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A code as typed, as it is kept: upper case, without spaces or dashes. */
export function typedCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export class JoinCodes implements JoinCodeBook {
  private readonly codes = new Map<string, JoinCode>();
  readonly lasts = 'Codes stop working when hosting stops.';

  /** Stable while hosting. */
  codeFor(sessionId: string, role: JoinCode['role']): string {
    for (const [code, c] of this.codes) if (c.sessionId === sessionId && c.role === role) return code;
    let code = '';
    do {
      code = randomCode();
    } while (this.codes.has(code));
    this.codes.set(code, { sessionId, role });
    return code;
  }

  lookup(typed: string): JoinCode | null {
    return this.codes.get(typedCode(typed)) ?? null;
  }

  /** Hosting stopped: every code ends. */
  clear(): void {
    this.codes.clear();
  }
}
