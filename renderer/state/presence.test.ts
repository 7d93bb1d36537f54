import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { HALL_ABOVE, POINTERS_SHOWN } from '../../shared/sync/pointerActivity';
import { bindPresence, usePresence } from './presence';

/** This window's Awareness, bound as the board binds it, and people whose states reach it as the host relays them. */
function room() {
  const mine = new awarenessProtocol.Awareness(new Y.Doc());
  const unbind = bindPresence(mine, 'Me');
  const person = (i: number) => {
    const own = new awarenessProtocol.Awareness(new Y.Doc());
    own.setLocalState({ user: { name: `Person ${i}`, color: '#1f6feb' }, cursor: null, selection: [] });
    const relay = () => awarenessProtocol.applyAwarenessUpdate(mine, awarenessProtocol.encodeAwarenessUpdate(own, [own.clientID]), 'host');
    relay();
    return {
      id: own.clientID,
      move: (x: number) => {
        own.setLocalStateField('cursor', { x, y: 0 });
        relay();
      },
    };
  };
  return { person, unbind };
}

describe('pointers drawn', () => {
  it('in a small room, everyone’s', () => {
    const r = room();
    const people = Array.from({ length: 5 }, (_, i) => r.person(i));
    people.forEach((p) => p.move(1));
    expect(usePresence.getState().pointers).toBeNull();
    expect(Object.keys(usePresence.getState().peers)).toHaveLength(5);
    r.unbind();
  });

  it(`in a hall (more than ${HALL_ABOVE} people), only the ${POINTERS_SHOWN} most active lately: those pointing at something, not every drifting mouse`, () => {
    const r = room();
    const drifters = Array.from({ length: 80 }, (_, i) => r.person(i));
    drifters.forEach((p) => p.move(1));
    const pointing = Array.from({ length: 10 }, (_, i) => r.person(100 + i));
    for (let t = 0; t < 10; t++) pointing.forEach((p) => p.move(t));
    const { peers, pointers } = usePresence.getState();
    expect(Object.keys(peers)).toHaveLength(90);
    expect(pointers!.size).toBe(POINTERS_SHOWN);
    for (const p of pointing) expect(pointers!.has(p.id)).toBe(true);
    r.unbind();
  });
});
