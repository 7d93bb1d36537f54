import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Role } from '../../../shared/session.js';
import { decodeFrame } from '../../../shared/sync/messages.js';
import { ACTIVITY_HALF_LIFE_MS, HALL_ABOVE as THIN_ABOVE, POINTERS_SHOWN } from '../../../shared/sync/pointerActivity.js';
import { OTHERS_PER_TICK, PRESENCE_TICK_MS, PresenceFanout, THINNED_TICK_MS, type PresenceClock } from './presenceFanout.js';

/** A clock the test moves by hand: timers fire only when it is advanced past them. */
function handClock() {
  let now = 0;
  let timers: { at: number; f: () => void; id: number }[] = [];
  let next = 1;
  const clock: PresenceClock = {
    now: () => now,
    setTimeout: (f, ms) => {
      const id = next++;
      timers.push({ at: now + ms, f, id });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: (t) => {
      timers = timers.filter((x) => x.id !== (t as unknown as number));
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.f();
    }
    now = until;
  };
  return { clock, advance };
}

/** The host's Awareness with a fan-out to `connections` sinks, each counting what it is sent. */
function room(connections: number) {
  const { clock, advance } = handClock();
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const inbox: Uint8Array[][] = Array.from({ length: connections }, () => []);
  const fanout = new PresenceFanout(awareness, () => ({ size: connections, send: (m) => inbox.forEach((box) => box.push(m)) }), clock);
  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: Role | null) => fanout.changed([...added, ...updated], removed, origin));
  /** one person's browser: its own Awareness, whose every change reaches the host as the stock client sends it */
  const person = (role: Role = 'participant') => {
    const own = new awarenessProtocol.Awareness(new Y.Doc());
    own.setLocalState({ user: { name: `p${own.clientID}`, color: '#d64545' }, cursor: null, selection: [] });
    const relay = () => awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(own, [own.clientID]), role);
    relay();
    return {
      id: own.clientID,
      move: (x: number) => {
        own.setLocalStateField('cursor', { x, y: 0 });
        relay();
      },
      leave: () => awarenessProtocol.removeAwarenessStates(awareness, [own.clientID], null),
    };
  };
  return { awareness, inbox, person, advance, fanout };
}

/** The client states one awareness message carries: client id → its JSON state (null: gone). */
function statesIn(message: Uint8Array): Map<number, unknown> {
  const d = decoding.createDecoder(decodeFrame(message).payload!);
  const out = new Map<number, unknown>();
  for (let n = decoding.readVarUint(d); n > 0; n--) {
    const id = decoding.readVarUint(d);
    decoding.readVarUint(d);
    out.set(id, JSON.parse(decoding.readVarString(d)));
  }
  return out;
}

describe('presence fan-out', () => {
  it('20 people moving 10 times in one tick: each connection gets ONE awareness message, with each pointer where it ended', () => {
    const r = room(20);
    const people = Array.from({ length: 20 }, () => r.person());
    r.advance(PRESENCE_TICK_MS);
    r.inbox.forEach((box) => box.splice(0));
    for (let i = 1; i <= 10; i++) for (const p of people) p.move(i);
    expect(r.inbox.every((box) => box.length === 0)).toBe(true); // nothing goes out between ticks
    r.advance(PRESENCE_TICK_MS);
    expect(r.inbox.map((box) => box.length)).toEqual(Array(20).fill(1));
    const states = statesIn(r.inbox[0][0]);
    expect(states.size).toBe(20);
    for (const p of people) expect(states.get(p.id)).toMatchObject({ cursor: { x: 10, y: 0 } });
    // The same bytes for everyone: encoded once.
    expect(new Set(r.inbox.map((box) => box[0])).size).toBe(1);
    // A quiet room sends nothing at all.
    r.advance(10 * PRESENCE_TICK_MS);
    expect(r.inbox.map((box) => box.length)).toEqual(Array(20).fill(1));
  });

  it('someone who leaves is gone from everyone’s screen at the next tick', () => {
    const r = room(3);
    const a = r.person();
    r.person();
    r.advance(PRESENCE_TICK_MS);
    a.leave();
    r.advance(PRESENCE_TICK_MS);
    expect(statesIn(r.inbox[0].at(-1)!).get(a.id)).toBeNull();
  });

  it(`above ${THIN_ABOVE} people: the facilitator and the ${POINTERS_SHOWN} most active pointers go out every tick, everyone else in turn, one message per connection per tick`, () => {
    const r = room(THIN_ABOVE + 50);
    const facilitator = r.person('facilitator');
    const crowd = Array.from({ length: 100 }, () => r.person());
    // Everyone's first state goes out in turn: 16 a tick (the facilitator's and the first 24 at once).
    for (let t = 0; t < 10; t++) r.advance(THINNED_TICK_MS);
    r.inbox.forEach((box) => box.splice(0));

    const ticks = 20;
    const seen = new Map<number, number>();
    for (let t = 0; t < ticks; t++) {
      facilitator.move(t);
      crowd.forEach((p) => p.move(t));
      r.advance(THINNED_TICK_MS);
      for (const id of statesIn(r.inbox[0].at(-1)!).keys()) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect(r.inbox.map((box) => box.length)).toEqual(Array(THIN_ABOVE + 50).fill(ticks));
    expect(seen.get(facilitator.id)).toBe(ticks);
    const everyTick = crowd.filter((p) => seen.get(p.id) === ticks);
    expect(everyTick).toHaveLength(POINTERS_SHOWN);
    // The rest share the slow lane: each still goes out within a few ticks, none is starved.
    const rest = crowd.filter((p) => seen.get(p.id) !== ticks);
    expect(rest.every((p) => (seen.get(p.id) ?? 0) >= 2)).toBe(true);
    expect(r.inbox[0].every((m) => statesIn(m).size <= 1 + POINTERS_SHOWN + OTHERS_PER_TICK)).toBe(true);

    // A shown pointer that stops gives its place to one that moves.
    const [quiet] = everyTick;
    const mover = rest[0];
    for (let t = 0; t * THINNED_TICK_MS <= 3 * ACTIVITY_HALF_LIFE_MS; t++) {
      everyTick.slice(1).forEach((p) => p.move(100 + t));
      mover.move(100 + t);
      r.advance(THINNED_TICK_MS);
    }
    // Sent in each of the last five ticks: a shown place (the slow lane sends one person once in several ticks).
    expect(r.inbox[0].slice(-5).every((m) => statesIn(m).has(mover.id))).toBe(true);
    expect(r.inbox[0].slice(-5).some((m) => statesIn(m).has(quiet.id))).toBe(false);
  });

  it('in a hall, the people pointing at something (ten moves a second) move smoothly, not those whose mouse drifts and who came first', () => {
    const r = room(THIN_ABOVE + 50);
    const drifters = Array.from({ length: 300 }, () => r.person());
    const pointing = Array.from({ length: 10 }, () => r.person());
    // The drifters start first, once a second each; two seconds later ten people start pointing.
    for (let t = 0; t < 20; t++) {
      drifters.forEach((p, i) => (t + i) % 10 === 0 && p.move(t));
      r.advance(THINNED_TICK_MS);
    }
    for (let t = 0; t < 30; t++) {
      drifters.forEach((p, i) => (t + i) % 10 === 0 && p.move(t));
      pointing.forEach((p) => p.move(t));
      r.advance(THINNED_TICK_MS);
    }
    // After three seconds every one of the ten goes out in every tick.
    for (const m of r.inbox[0].slice(-5)) for (const p of pointing) expect(statesIn(m).has(p.id)).toBe(true);
  });
});
