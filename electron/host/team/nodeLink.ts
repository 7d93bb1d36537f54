import * as Y from 'yjs';
import type { Fanout } from '../cluster/fanout.js';
import type { Logger } from '../log.js';
import type { NodeLink } from '../sync/room.js';
import type { Cluster } from '../sync/rooms.js';

/**
 * The rooms of a team server's node, joined to the same sessions' rooms on the other nodes
 * through Redis (cluster/fanout.ts): a session's committed updates on one channel, its
 * presence on another. Publishing is never awaited by the room: what Redis does not carry
 * (it is down, or drops a message) the other nodes read from PostgreSQL when their link
 * resumes; presence is renewed by every client every 15 s anyway.
 */
export function nodeCluster(fanout: Fanout, logger: Logger): Cluster {
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
      const stops = await Promise.all([fanout.follow(sessionId, (u) => hear.update(u), 'doc'), fanout.follow(sessionId, (u) => hear.presence(u), 'presence')]);
      const onResumed = () => hear.resumed();
      resumed.add(onResumed);
      const link: NodeLink = {
        committed(updates) {
          const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
          fanout.publish(sessionId, update, 'doc').catch(failed);
        },
        presence(update) {
          fanout.publish(sessionId, update, 'presence').catch(failed);
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
