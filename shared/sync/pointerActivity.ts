/**
 * Which pointers a hall sees move: the most active lately. The host sends those every tick
 * (electron/host/sync/presenceFanout.ts) and the web client draws only those
 * (renderer/state/presence.ts), by this one rule, so both pick the same people.
 */

/** Above this many people a room is a hall: fewer pointers are sent, and drawn. */
export const HALL_ABOVE = 50;
/** The pointers a hall sees move (besides the facilitator's, sent always, and the presenter's, drawn always). */
export const POINTERS_SHOWN = 24;
/**
 * How active a person is lately: their moves, each counting half after this long. Someone
 * pointing at a card (ten moves a second) outranks someone whose mouse drifts once a second,
 * and a pointer that stops gives its place within a second or two.
 */
export const ACTIVITY_HALF_LIFE_MS = 1000;
/** A shown pointer keeps its place until another is this much more active (no flapping between equals). */
const KEEP_PLACE = 1.5;

const decay = (ms: number) => 2 ** (-ms / ACTIVITY_HALF_LIFE_MS);

export class PointerActivity {
  private readonly activity = new Map<number, { score: number; at: number }>();
  private chosen = new Set<number>();

  /** One more move (or sign of life) from a client. */
  moved(id: number, now: number): void {
    const a = this.activity.get(id);
    if (a) {
      a.score = a.score * decay(now - a.at) + 1;
      a.at = now;
    } else this.activity.set(id, { score: 1, at: now });
  }

  /** The client has left. */
  forget(id: number): void {
    this.activity.delete(id);
    this.chosen.delete(id);
  }

  /** Choose again: the POINTERS_SHOWN most active lately, those already shown given KEEP_PLACE. */
  choose(now: number): ReadonlySet<number> {
    const ranked: [number, number][] = [];
    for (const [id, a] of this.activity) ranked.push([id, a.score * decay(now - a.at) * (this.chosen.has(id) ? KEEP_PLACE : 1)]);
    ranked.sort((x, y) => y[1] - x[1]);
    this.chosen = new Set(ranked.slice(0, POINTERS_SHOWN).map(([id]) => id));
    return this.chosen;
  }

  /** As last chosen. */
  get shown(): ReadonlySet<number> {
    return this.chosen;
  }
}
