import type { ConnectionLimits } from '../limits.js';

/**
 * Live sync connections per session and per remote address, so one room or one machine cannot
 * open sockets without end. `admit` says why not (with the HTTP status) or takes a place; the
 * place is given back when the connection closes.
 */
export class ConnectionCount {
  private readonly perSession = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: ConnectionLimits) {}

  admit(sessionId: string, address: string): { ok: true; release: () => void } | { ok: false; status: 429 | 503; reason: string } {
    if ((this.perSession.get(sessionId) ?? 0) >= this.limits.connectionsPerSession) {
      return { ok: false, status: 503, reason: `this session has its ${this.limits.connectionsPerSession} connections already` };
    }
    if ((this.perAddress.get(address) ?? 0) >= this.limits.connectionsPerAddress) {
      return { ok: false, status: 429, reason: `${this.limits.connectionsPerAddress} connections from this address already` };
    }
    const bump = (m: Map<string, number>, k: string, d: number) => {
      const n = (m.get(k) ?? 0) + d;
      if (n > 0) m.set(k, n);
      else m.delete(k);
    };
    bump(this.perSession, sessionId, 1);
    bump(this.perAddress, address, 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        bump(this.perSession, sessionId, -1);
        bump(this.perAddress, address, -1);
      },
    };
  }
}
