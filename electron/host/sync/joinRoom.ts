import type { WebSocket } from 'ws';
import { closeCodes } from '../../../shared/sync/closeCodes.js';
import type { Logger } from '../log.js';
import type { WindowEpoch } from './auth.js';
import type { Room } from './room.js';
import type { Rooms } from './rooms.js';

/**
 * Bring an upgraded client into its session's room. The room may have to be read from the store
 * first (a team server's PostgreSQL answers over the network): meanwhile the socket is paused,
 * so the client's first messages (its sync step 1, its offline edits, its presence) wait in the
 * socket and none is lost. A store that cannot be read closes the socket with storageFailed.
 */
export async function joinRoom(
  rooms: Rooms,
  ws: WebSocket,
  sessionId: string,
  logger: Logger,
  serve: (room: Room) => void,
  { epoch, before }: { epoch?: WindowEpoch; before?: (room: Room) => Promise<void> } = {},
): Promise<void> {
  ws.pause();
  let room: Room;
  try {
    room = await rooms.load(sessionId);
    // A window of an earlier epoch is asked against its base: read before it joins.
    const ready = room.earlier.ready(epoch, room.epoch);
    const waits = [ready, before?.(room)].filter((w) => w !== undefined);
    if (waits.length > 0) {
      try {
        await Promise.all(waits);
      } catch (e) {
        rooms.abandon(room);
        throw e;
      }
    }
  } catch (e) {
    logger('error', `session ${sessionId}: cannot load: ${(e as Error).message}`);
    ws.resume();
    ws.close(closeCodes.storageFailed, 'the server could not load this session; reconnecting');
    return;
  }
  if (ws.readyState !== ws.OPEN) {
    rooms.abandon(room);
    return;
  }
  room.expected--;
  ws.resume();
  try {
    serve(room);
  } catch (e) {
    logger('error', `session ${sessionId}: cannot join: ${(e as Error).message}`);
    ws.close(closeCodes.storageFailed, 'the server could not open this session; reconnecting');
    rooms.release(room);
  }
}
