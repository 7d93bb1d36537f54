import * as awarenessProtocol from 'y-protocols/awareness';
import type { Role } from '../../../shared/session.js';
import { encodeAwareness } from '../../../shared/sync/messages.js';

/**
 * How often presence goes out. Relaying each pointer move to everyone at once costs the host
 * people × people messages (400 people moving their mice twice a second: 320,000 a second);
 * gathered per tick it costs one message per person per tick, whatever the others do.
 */
export const PRESENCE_TICK_MS = 50;
/** Above this many connections the room is thinned: fewer pointers move smoothly, at a lower rate. */
export const THIN_ABOVE = 50;
export const THINNED_TICK_MS = 100;
/** In a thinned room, the pointers that go out every tick besides the facilitators': the most active lately. */
export const POINTERS_SHOWN = 24;
/**
 * How active a person is lately: their moves, each counting half after this long. Someone
 * pointing at a card (ten moves a second) outranks someone whose mouse drifts once a second,
 * and a pointer that stops gives its place within a second or two.
 */
export const ACTIVITY_HALF_LIFE_MS = 1000;
/** A shown pointer keeps its place until another is this much more active (no flapping between equals). */
const KEEP_PLACE = 1.5;
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
  /** everyone else's recent activity (decaying count of changes), and the most active: sent every tick in a thinned room */
  private readonly activity = new Map<number, { score: number; at: number }>();
  private shown = new Set<number>();
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
    return this.connections().size > THIN_ABOVE;
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
      else this.touch(id, now);
    }
    for (const id of removed) {
      this.waiting.add(id);
      this.leads.delete(id);
      this.activity.delete(id);
      this.shown.delete(id);
    }
    if (this.waiting.size > 0) this.wake();
  }

  /** One more sign of life from a client. */
  private touch(id: number, now: number): void {
    const a = this.activity.get(id);
    if (a) {
      a.score = a.score * decay(now - a.at) + 1;
      a.at = now;
    } else this.activity.set(id, { score: 1, at: now });
  }

  /** The POINTERS_SHOWN most active lately, those already shown given KEEP_PLACE. */
  private chooseShown(now: number): void {
    const ranked: [number, number][] = [];
    for (const [id, a] of this.activity) ranked.push([id, a.score * decay(now - a.at) * (this.shown.has(id) ? KEEP_PLACE : 1)]);
    ranked.sort((x, y) => y[1] - x[1]);
    this.shown = new Set(ranked.slice(0, POINTERS_SHOWN).map(([id]) => id));
  }

  private tick = (): void => {
    this.timer = undefined;
    this.beforeTick();
    const out: number[] = [];
    if (!this.thinned) {
      out.push(...this.waiting);
      this.waiting.clear();
    } else {
      this.chooseShown(this.clock.now());
      let others = 0;
      for (const id of this.waiting) {
        const removed = !this.awareness.getStates().has(id);
        if (removed || this.leads.has(id) || this.shown.has(id)) out.push(id);
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

const decay = (ms: number) => 2 ** (-ms / ACTIVITY_HALF_LIFE_MS);
