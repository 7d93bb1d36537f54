import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';

/**
 * The y-websocket wire format: each binary frame is [messageType: varUint, payload…].
 * We speak it unchanged so the stock WebsocketProvider joins; our one addition goes only to a
 * window that said its epoch (`?epoch=` in its address), never to a stock client.
 *
 *   0 sync        [0, syncType, varUint8Array]  syncType 0 = step 1 (state vector),
 *                                               1 = step 2 (update), 2 = update
 *   1 awareness   [1, varUint8Array]            an awareness update (y-protocols/awareness)
 *   2 auth        [2, 0, varString reason]      permission denied (host → client only)
 *   3 query awareness [3]                       ask for every awareness state
 *   4 epoch       [4, varUint epoch, varUint state]  host → window (ours): the room's epoch, and
 *                                               state 0 = your doc is of it; 1 = fold: yours is
 *                                               older — stop editing, answer the step 1 that
 *                                               follows (the base's state vector) with what you
 *                                               had not sent, then take a fresh doc of this epoch
 *                                               when closed with 4409; 2 = yours is older than
 *                                               every base kept: reload (closed with 4412)
 *
 * The frame types are y-websocket's: its client module exports them, but the host does not load
 * the browser provider for four numbers. What is inside a frame is y-protocols' own.
 */
export const messageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, epoch: 4 } as const;
export const epochState = { current: 0, fold: 1, gone: 2 } as const;
export const syncType = { step1: syncProtocol.messageYjsSyncStep1, step2: syncProtocol.messageYjsSyncStep2, update: syncProtocol.messageYjsUpdate } as const;

export interface DecodedFrame {
  type: number;
  /** sync messages only */
  syncType?: number;
  /** the varUint8Array payload of sync and awareness messages */
  payload?: Uint8Array;
}

/** Decode one frame, or throw an Error saying what is wrong with it. Trailing bytes are an error. */
export function decodeFrame(data: Uint8Array): DecodedFrame {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  let frame: DecodedFrame;
  switch (type) {
    case messageType.sync: {
      const st = decoding.readVarUint(d);
      if (st > syncType.update) throw new Error(`unknown sync message type ${st}`);
      frame = { type, syncType: st, payload: decoding.readVarUint8Array(d) };
      break;
    }
    case messageType.awareness:
      frame = { type, payload: decoding.readVarUint8Array(d) };
      break;
    case messageType.queryAwareness:
      frame = { type };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes after message');
  return frame;
}

export function encodeSync(st: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageType.sync);
  encoding.writeVarUint(e, st);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** The room's epoch, to a window that said its own (see the table above). */
export function encodeEpoch(epoch: number, state: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageType.epoch);
  encoding.writeVarUint(e, epoch);
  encoding.writeVarUint(e, state);
  return encoding.toUint8Array(e);
}

/** Read an epoch message's body (after its type), as the window's provider hands it over. */
export function readEpoch(d: decoding.Decoder): { epoch: number; state: number } {
  return { epoch: decoding.readVarUint(d), state: decoding.readVarUint(d) };
}

/** y-protocols/auth's "permission denied": the stock provider hands the reason to its handler. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageType.auth);
  authProtocol.writePermissionDenied(e, reason);
  return encoding.toUint8Array(e);
}
