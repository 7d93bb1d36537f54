import { limits } from '../limits.js';

/** Awareness messages one connection may have relayed per second, sustained (the app sends ≤ 10 cursor + ≤ 30 view updates while presenting). */
export const AWARENESS_PER_SECOND = limits.awarenessPerSecond;
/** …and in a burst. */
export const AWARENESS_BURST = limits.awarenessBurst;

/**
 * Host-side limit on one connection's awareness traffic, so a client that ignores the app's
 * own throttle cannot flood the room: a token bucket, and whatever arrives over the limit is
 * held back — only the newest, since each awareness update carries the whole state — and
 * applied once the bucket has a token again. Nothing is lost but intermediate cursor positions.
 */
export class AwarenessRate {
  private tokens = AWARENESS_BURST;
  private last: number;
  private held: Uint8Array | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly apply: (payload: Uint8Array) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(AWARENESS_BURST, this.tokens + ((t - this.last) * AWARENESS_PER_SECOND) / 1000);
    this.last = t;
  }

  offer(payload: Uint8Array): void {
    this.refill();
    if (this.tokens >= 1 && !this.held) {
      this.tokens -= 1;
      this.apply(payload);
      return;
    }
    this.held = payload;
    this.timer ??= setTimeout(() => this.release(), Math.ceil(1000 / AWARENESS_PER_SECOND));
  }

  private release(): void {
    this.timer = undefined;
    const payload = this.held;
    this.held = null;
    if (payload) this.offer(payload);
  }

  /** The connection closed: drop what is held. */
  stop(): void {
    clearTimeout(this.timer);
    this.held = null;
  }
}
