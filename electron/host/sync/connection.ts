import type { RawData, WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { closeCodes } from '../../../shared/sync/closeCodes.js';
import { decodeFrame, encodeAwareness, encodePermissionDenied, encodeSync, messageType, syncType } from '../../../shared/sync/messages.js';
import { rateLimitedLogger, type Logger } from '../log.js';
import { refuseUpdate } from './policy.js';
import { invalidUpdate } from './updateCheck.js';
import { AwarenessRate } from './awarenessRate.js';
import { unheardPresence } from './unheardPresence.js';
import { FoldIntake } from './foldIntake.js';
import { send } from './outbox.js';
import { isPromise } from './roomLog.js';
import type { Peer, Room } from './room.js';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** An update with no structs and an empty delete set, as Yjs encodes it (V1). */
function isEmptyUpdate(u: Uint8Array): boolean {
  return u.length === 2 && u[0] === 0 && u[1] === 0;
}

/**
 * Speak the y-websocket protocol with one authorised client. A frame that does not decode,
 * or an update Yjs cannot apply, closes this connection only, with a logged reason.
 */
export function serveConnection(ws: WebSocket, room: Room, peer: Peer, hostLogger: Logger, onClose: () => void, { benchMaps = false } = {}): void {
  const who = `session ${room.sessionId} ${peer.role} ${peer.tokenHint}`;
  // One client's mistakes (or attacks) get a few lines of the host's log, not thousands.
  const logger = rateLimitedLogger(hostLogger);
  /** Set once the connection is being closed for a bad message: what it already sent is not read. */
  let condemned = false;
  const refuse = (reason: string) => {
    if (condemned) return;
    condemned = true;
    logger('warn', `${who}: closing connection: ${reason}`);
    ws.close(closeCodes.malformed, reason.slice(0, 120));
  };

  // A client whose doc is of an earlier epoch is never synced with the live doc (foldIntake.ts).
  const fold = new FoldIntake(ws, room, peer, logger, refuse);

  const awareness = new AwarenessRate((payload) => {
    try {
      awarenessProtocol.applyAwarenessUpdate(room.awareness, payload, peer);
      const askAgain = unheardPresence(room.awareness, payload);
      if (askAgain) send(ws, encodeAwareness(askAgain));
    } catch (e) {
      refuse(`could not apply an awareness update: ${(e as Error).message}`);
    }
  });

  /**
   * Messages that came while the room read an earlier epoch's bases to place a client's step 1
   * (an asynchronous store): handled after it, in order.
   */
  let held: [RawData, boolean][] | null = null;
  const hold = (waiting: Promise<unknown>) => {
    held = [];
    void waiting.finally(() => {
      const queue = held!;
      held = null;
      while (queue.length > 0 && held === null) handle(...queue.shift()!);
      if (held !== null) (held as [RawData, boolean][]).unshift(...queue);
    });
  };

  ws.on('message', (data, isBinary) => (held ? held.push([data, isBinary]) : handle(data, isBinary)));

  function handle(data: RawData, isBinary: boolean): void {
    if (condemned) return;
    if (!isBinary) return refuse('text frame; the protocol is binary');
    let frame;
    try {
      frame = decodeFrame(toBytes(data));
    } catch (e) {
      return refuse(`malformed message: ${(e as Error).message}`);
    }
    try {
      switch (frame.type) {
        case messageType.sync: {
          const earlier = frame.syncType === syncType.step1 ? fold.stepOne(frame.payload!) : false;
          if (isPromise(earlier)) {
            // Answered once the bases are read: then as below.
            const step1 = frame.payload!;
            return hold(
              earlier.then(
                (isEarlier) => !isEarlier && !condemned && answerStepOne(step1),
                (e: Error) => refuse(`could not read the earlier epochs: ${e.message}`),
              ),
            );
          }
          if (earlier) {
            // Not answered: an earlier epoch's doc must not take the live doc's items.
          } else if (fold.epoch !== null) {
            if (frame.syncType === syncType.step2 || !isEmptyUpdate(frame.payload!)) fold.take(frame.payload!, frame.syncType === syncType.step2);
          } else if (frame.syncType === syncType.step1) {
            answerStepOne(frame.payload!);
          } else if (isEmptyUpdate(frame.payload!)) {
            // Every client answers the host's step 1 with a step 2, empty when it has nothing new.
          } else {
            // Refused updates are dropped, never applied or stored; the stock provider logs the reason.
            const refusal = refuseUpdate(room.doc, frame.payload!, peer.role);
            // A role may make this change, but does it write valid records? If not, this client
            // is not one of ours: close it with the reason (the update is neither stored nor relayed).
            const invalid = refusal ? null : invalidUpdate(room.doc, frame.payload!, { benchMaps });
            if (invalid) return refuse(`invalid record: ${invalid}`);
            if (refusal) {
              logger('warn', `${who}: update refused: ${refusal}`);
              send(ws, encodePermissionDenied(refusal));
            } else Y.applyUpdate(room.doc, frame.payload!, peer);
          }
          break;
        }
        case messageType.awareness:
          awareness.offer(frame.payload!);
          break;
        case messageType.queryAwareness:
          send(ws, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()])));
          break;
      }
    } catch (e) {
      refuse(`could not apply message: ${(e as Error).message}`);
    }
  }

  /**
   * The answer is the doc as it is now, sent once what it holds is on disk. Someone who has
   * nothing yet (a fresh window) while the doc is still the snapshot it was loaded from gets the
   * snapshot's own bytes: no second encoding of the whole board.
   */
  function answerStepOne(stateVector: Uint8Array): void {
    const whole = room.unchangedSnapshot !== null && Y.decodeStateVector(stateVector).size === 0;
    const answer = encodeSync(syncType.step2, whole ? room.unchangedSnapshot! : Y.encodeStateAsUpdate(room.doc, stateVector));
    room.afterCommit(() => send(ws, answer));
  }

  // A dead laptop on Wi-Fi does not close its socket; pings find it.
  let alive = true;
  ws.on('pong', () => {
    alive = true;
  });
  const ping = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, 30_000);
  ping.unref();

  ws.on('error', (e) => logger('warn', `${who}: socket error: ${e.message}`));
  ws.on('close', () => {
    clearInterval(ping);
    awareness.stop();
    room.leave(peer);
    onClose();
  });
  const askFor = fold.open();
  if (askFor === null) {
    condemned = true;
    return;
  }
  room.join(peer, askFor);
}
