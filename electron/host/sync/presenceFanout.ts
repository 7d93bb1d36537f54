import * as awarenessProtocol from 'y-protocols/awareness';
import type { Role } from '../../../shared/session.js';
import { encodeAwareness } from '../../../shared/sync/messages.js';
import { HALL_ABOVE, PointerActivity } from '../../../shared/sync/pointerActivity.js';

/**
 * How often presence goes out. Relaying each pointer move to everyone at once costs the host
 * people × people messages (400 people moving their mice twice a second: 320,000 a second);
 * gathered per tick it costs one message per person per tick, whatever the others do.
 */
export const PRESENCE_TICK_MS = 50;
/** Above HALL_ABOVE connections the room is thinned: fewer pointers move smoothly, at a lower rate. */
export const THINNED_TICK_MS = 100;
/**
 * In a thinned room, everyone else's newest state goes out in turn, this many a tick (oldest
 * waiting first): names, selections and the 15-second renewals that keep a person on the others'
 * screens (y-protocols drops a state not renewed within 30 s) still reach everyone.
 */
export const OTHERS_PER_TICK = 16;

export interface PresenceClock {
  now(): number;
  setTimeout(f: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(t: ReturnType<typeof setTimeout>): void;
}

const realClock: PresenceClock = {
  now: () => performance.now(),
  setTimeout: (f, ms) => {
    const t = setTimeout(f, ms);
    t.unref();
    return t;
  },
  clearTimeout: (t) => clearTimeout(t),
};

/**
 * The room's presence fan-out: awareness changes are gathered between ticks, and each tick every
 * connection is sent ONE awareness message with the newest state of each client that changed —
 * encoded once, the same bytes for all. The host's Awareness holds the newest state, so ten moves
 * of one pointer within a tick go out as one.
 */
export class PresenceFanout {
  /** client ids waiting to go out, in the order they began to wait */
  private readonly waiting = new Set<number>();
  /** clients whose awareness came from a facilitator's connection: always sent */
  private readonly leads = new Set<number>();
  /** everyone else's recent activity: the most active go out every tick in a thinned room */
  private readonly activity = new PointerActivity();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    /** the connections to send to, each with how to send it a message */
    private readonly connections: () => { size: number; send(message: Uint8Array): void },
    private readonly clock: PresenceClock = realClock,
    /** at the start of each tick, before presence: what else goes out per tick (a thinned room's edits) */
    private readonly beforeTick: () => void = () => {},
  ) {}

  get thinned(): boolean {
    return this.connections().size > HALL_ABOVE;
  }

  /** Something goes out on the next tick besides presence: make sure there is one. */
  wake(): void {
    this.timer ??= this.clock.setTimeout(this.tick, this.thinned ? THINNED_TICK_MS : PRESENCE_TICK_MS);
  }

  /** The host's Awareness changed (added, updated or renewed, removed); `role` is that of the connection it came from. */
  changed(ids: readonly number[], removed: readonly number[], role: Role | null): void {
    const now = this.clock.now();
    for (const id of ids) {
      this.waiting.add(id);
      if (role === 'facilitator') this.leads.add(id);
      else this.activity.moved(id, now);
    }
    for (const id of removed) {
      this.waiting.add(id);
      this.leads.delete(id);
      this.activity.forget(id);
    }
    if (this.waiting.size > 0) this.wake();
  }

  private tick = (): void => {
    this.timer = undefined;
    this.beforeTick();
    const out: number[] = [];
    if (!this.thinned) {
      out.push(...this.waiting);
      this.waiting.clear();
    } else {
      const shown = this.activity.choose(this.clock.now());
      let others = 0;
      for (const id of this.waiting) {
        const removed = !this.awareness.getStates().has(id);
        if (removed || this.leads.has(id) || shown.has(id)) out.push(id);
        else if (others < OTHERS_PER_TICK) {
          others++;
          out.push(id);
        }
      }
      for (const id of out) this.waiting.delete(id);
    }
    if (out.length > 0) {
      const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, out));
      this.connections().send(message);
    }
    if (this.waiting.size > 0) this.wake();
  };

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting.clear();
  }
}
