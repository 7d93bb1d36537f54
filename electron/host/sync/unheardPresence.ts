import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as awarenessProtocol from 'y-protocols/awareness';

/** `null` as JSON: an awareness entry whose state is this says the client has left. */
const LEFT = new TextEncoder().encode('null');
const isLeft = (state: Uint8Array) => state.length === LEFT.length && state.every((b, i) => b === LEFT[i]);

/**
 * The entries of a client's awareness update that the room did not take: the client says it is
 * here (a state, not `null`) and the room still holds no state for it, because y-protocols takes a
 * state only at a clock newer than the one it knows. Two cases the stock client runs into:
 * - its first presence goes out at clock 0 (the `{}` its Awareness starts with, sent on connect
 *   before the app sets a name), and an unknown client counts as clock 0 already;
 * - it comes back to a room that removed it when its socket closed (at its clock + 1), and sends
 *   its state at the clock it had.
 * Left as it is, nobody sees that person until their 15-second renewal. Returns, for the
 * connection that sent them, an awareness update marking those clients gone at the room's clock:
 * y-protocols never lets a remote remove a client's own state, so its Awareness answers by
 * sending its state again one clock later, which every room and client takes. Null when all was
 * taken. Call after applying `update` (which checked that it is well formed).
 */
export function unheardPresence(awareness: awarenessProtocol.Awareness, update: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  let unheard: { id: number; clock: number }[] | null = null;
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(d);
    decoding.readVarUint(d);
    // The state's JSON as bytes: only "null" matters here, so it is never parsed a second time.
    const state = decoding.readVarUint8Array(d);
    if (isLeft(state) || awareness.getStates().has(id)) continue;
    (unheard ??= []).push({ id, clock: awareness.meta.get(id)?.clock ?? 0 });
  }
  if (!unheard) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, unheard.length);
  for (const { id, clock } of unheard) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, 'null');
  }
  return encoding.toUint8Array(e);
}
