import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { unheardPresence } from './unheardPresence.js';

/** A stock client's Awareness, wired to a room's the way a connection wires them (each update it makes goes up). */
function person() {
  const room = new awarenessProtocol.Awareness(new Y.Doc());
  room.setLocalState(null);
  const own = new awarenessProtocol.Awareness(new Y.Doc());
  const answers: Uint8Array[] = [];
  /** What the host does with a message from this person: apply it, and answer what it did not take. */
  const up = (update: Uint8Array) => {
    awarenessProtocol.applyAwarenessUpdate(room, update, 'peer');
    const askAgain = unheardPresence(room, update);
    if (askAgain) answers.push(askAgain);
  };
  own.on('update', ({ added, updated, removed }: Record<string, number[]>) => up(awarenessProtocol.encodeAwarenessUpdate(own, [...added, ...updated, ...removed])));
  /** The host's answers reach the person's Awareness (as the provider applies them). */
  const down = () => answers.splice(0).forEach((a) => awarenessProtocol.applyAwarenessUpdate(own, a, 'host'));
  const connect = () => up(awarenessProtocol.encodeAwarenessUpdate(own, [own.clientID]));
  return { room, own, answers, down, connect, destroy: () => (room.destroy(), own.destroy()) };
}

describe('presence the room did not take', () => {
  it('a first presence at clock 0 is answered, and the client sends it again at a clock the room takes, state unchanged', () => {
    const p = person();
    p.connect();
    expect(p.room.getStates().has(p.own.clientID)).toBe(false);
    expect(p.answers).toHaveLength(1);
    p.down();
    expect(p.room.getStates().get(p.own.clientID)).toEqual({});
    expect(p.own.getLocalState()).toEqual({});
    expect(p.answers).toEqual([]);
    p.destroy();
  });

  it('a client back in a room that removed it when it left is answered the same way', () => {
    const p = person();
    p.own.setLocalStateField('user', { name: 'Ana' });
    expect(p.room.getStates().get(p.own.clientID)).toEqual({ user: { name: 'Ana' } });
    // Her socket closed: the room removed her, at her clock + 1. She reconnects at the clock she had.
    awarenessProtocol.removeAwarenessStates(p.room, [p.own.clientID], null);
    p.connect();
    expect(p.room.getStates().has(p.own.clientID)).toBe(false);
    p.down();
    expect(p.room.getStates().get(p.own.clientID)).toEqual({ user: { name: 'Ana' } });
    p.destroy();
  });

  it('nothing is answered for a presence the room took, nor for a client leaving', () => {
    const p = person();
    p.own.setLocalStateField('user', { name: 'Ana' });
    p.own.setLocalState(null);
    expect(p.room.getStates().has(p.own.clientID)).toBe(false);
    expect(p.answers).toEqual([]);
    p.destroy();
  });
});
