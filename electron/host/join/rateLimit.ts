/**
 * Where a server counts wrong join codes per address: the desktop host in its memory
 * (FailureLimiter, below), a team server in Redis (team/wrongCodesInRedis.ts), so a guesser
 * spreading tries over the nodes gets no more than at one.
 */
export interface WrongCodeLimit {
  /** Seconds until the address may try again, or 0 when it may now. */
  blockedFor(address: string): number | Promise<number>;
  fail(address: string): void | Promise<void>;
}

/**
 * Failed join attempts per remote address: at most `limit` failures in `windowMs`; past that
 * every attempt from the address is refused until the window has passed — right codes too,
 * so guessing cannot continue.
 */
export class FailureLimiter implements WrongCodeLimit {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit = 10,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(address: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(address, list);
    else this.failures.delete(address);
    return list;
  }

  /** Seconds until the address may try again, or 0 when it may now. */
  blockedFor(address: string): number {
    const list = this.recent(address);
    return list.length >= this.limit ? Math.ceil((list[0] + this.windowMs - this.now()) / 1000) : 0;
  }

  fail(address: string): void {
    this.failures.set(address, [...this.recent(address), this.now()]);
  }
}
