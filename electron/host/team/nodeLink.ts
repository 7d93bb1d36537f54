import * as Y from 'yjs';
import { decodeFrame, encodeAwareness, messageType } from '../../../shared/sync/messages.js';
import type { Fanout } from '../cluster/fanout.js';
import type { Logger } from '../log.js';
import type { NodeLink } from '../sync/room.js';
import type { Cluster } from '../sync/rooms.js';

/** The presence channel carries y-websocket's own frames: awareness, and this query for everyone's. */
const ASK_PRESENCE = Uint8Array.of(messageType.queryAwareness);

/**
 * The rooms of a team server's node, joined to the same sessions' rooms on the other nodes
 * through Redis (cluster/fanout.ts): a session's committed updates on one channel, its
 * presence on another (awareness messages, and a node's query for everyone's when it opens the
 * room, which each node answers with its own clients' states). An update goes with the epoch of
 * the doc it was committed to (after it in the fan-out's frame; none from a node of a version
 * before epochs). Publishing is never awaited by the room: what Redis does not carry
 * (it is down, or drops a message) the other nodes read from PostgreSQL when their link
 * resumes; presence is renewed by every client every 15 s anyway. `committed` hears of each
 * session this node has committed to (the library reads its card once it is quiet: teamLibrary.ts).
 */
export function nodeCluster(
  fanout: Fanout,
  logger: Logger,
  committed: (sessionId: string) => void = () => {},
  /** what keeps the session from being folded afresh, null when nobody is in it on another node (peopleAcrossNodes.ts); none asked: nothing */
  keepsFromFolding: (sessionId: string) => Promise<string | null> = async () => null,
): Cluster {
  let warned = 0;
  const failed = (e: unknown) => {
    // One line a minute at most: while Redis is away every batch would say the same.
    if (Date.now() - warned < 60_000) return;
    warned = Date.now();
    logger('warn', `cannot reach the other nodes through Redis (${(e as Error).message}); this node serves its own clients meanwhile`);
  };
  const resumed = new Set<() => void>();
  fanout.onResumed(() => {
    logger('info', 'the link to the other nodes (Redis) is back; rooms read what they missed from PostgreSQL');
    for (const r of resumed) r();
  });

  return {
    async join(sessionId, hear) {
      const heardPresence = (message: Uint8Array) => {
        let frame;
        try {
          frame = decodeFrame(message);
        } catch {
          return; // not one of ours: presence is never worth more than skipping it
        }
        if (frame.type === messageType.awareness) hear.presence(frame.payload!);
        else if (frame.type === messageType.queryAwareness) hear.presenceAsked();
      };
      const heardUpdate = (update: Uint8Array, _from: string, epoch: number | null) => hear.update(update, epoch);
      const stops = await Promise.all([fanout.follow(sessionId, heardUpdate, 'doc'), fanout.follow(sessionId, heardPresence, 'presence')]);
      // The others publish presence only as it changes, and each person renews theirs every 15 s:
      // a node opening the room (or back from a lost link) asks them for who is there now.
      const askPresence = () => void fanout.publish(sessionId, ASK_PRESENCE, 'presence').catch(failed);
      const onResumed = () => (hear.resumed(), askPresence());
      resumed.add(onResumed);
      askPresence();
      const link: NodeLink = {
        committed(updates, epoch) {
          // With the epoch of the doc it was committed to: a node still holding an older one
          // learns it was folded afresh (Room.fromOtherNode), and never applies it to that one.
          fanout.publish(sessionId, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), 'doc', epoch).catch(failed);
          committed(sessionId);
        },
        keepsFromFolding: () => keepsFromFolding(sessionId),
        presence(update) {
          fanout.publish(sessionId, encodeAwareness(update), 'presence').catch(failed);
        },
        stop() {
          resumed.delete(onResumed);
          for (const stop of stops) stop().catch(() => {});
        },
      };
      return link;
    },
  };
}
