import { elementsMap, kinds } from '../../../shared/model/board.js';
import { isElementKind } from '../../../shared/model/kinds.js';
import { newId } from '../../../shared/model/ids.js';
import { hostOrigin } from '../../../shared/model/origins.js';
import { readRound, votesMap, writeRound, type MyVotes, type VoteRequest, type VoteRound } from '../../../shared/model/vote.js';
import { voteRefusal } from '../../../shared/permissions.js';
import type { Role } from '../../../shared/session.js';
import type { AsyncStore } from '../store/asyncStore.js';
import { tokenHash } from '../store/tokens.js';
import type { Room } from '../sync/room.js';
import type { Rooms } from '../sync/rooms.js';

export type VoteResult = { ok: true; body: unknown } | { ok: false; status: number; error: string };

const refuse = (status: number, error: string): VoteResult => ({ ok: false, status, error });

/**
 * Dot voting, run by the host so ballots stay secret until the reveal: a dot is a row in the
 * store (BallotStore); the doc carries the round, its running counts and, once revealed, the
 * tally. The facilitator starts, reveals and closes; participants and the facilitator place dots.
 * Written over the asynchronous store: on a team server a dot is placed through any node, and
 * the store's `place` holds the per-person limit across nodes; the doc's writes go through the
 * room's commit path (PostgreSQL, then every node). The running counts are the store's after
 * each dot; the reveal writes the tally the store holds then, so each dot counts once.
 */
export class Voting {
  constructor(
    private readonly store: AsyncStore,
    private readonly rooms: Rooms,
  ) {}

  mine(sessionId: string, token: string): Promise<MyVotes> {
    return this.rooms.withLoaded(sessionId, async (room) => {
      const round = openRound(room);
      return { roundId: round?.id ?? null, dots: round ? await this.store.ballots.dots(sessionId, round.id, tokenHash(token)) : [] };
    });
  }

  async handle(sessionId: string, role: Role, token: string, req: VoteRequest, now = Date.now()): Promise<VoteResult> {
    const refusal = voteRefusal(role, req.action);
    if (refusal) return refuse(403, refusal);
    return this.rooms.withLoaded(sessionId, async (room): Promise<VoteResult> => {
      const write = (round: VoteRound) => room.doc.transact(() => writeRound(room.doc, round), hostOrigin);
      if (req.action === 'start') {
        const elements = elementsMap(room.doc);
        const ids = [...new Set(req.elementIds)];
        const missing = ids.find((id) => {
          const kind = elements.get(id)?.get('kind');
          return !isElementKind(kind) || !kinds[kind].card;
        });
        if (missing) return refuse(400, `elementIds: ${missing} is not a step or note on this board`);
        const round: VoteRound = {
          id: newId(),
          title: req.title,
          perPerson: req.perPerson,
          elementIds: ids,
          status: 'open',
          startedAt: now,
          revealedAt: null,
          placed: 0,
          voters: 0,
          tally: {},
        };
        // One round at a time: starting closes the one before (its tally, if revealed, stays).
        room.doc.transact(() => {
          votesMap(room.doc).forEach((m, id) => {
            const r = readRound(id, m);
            if (r && r.status !== 'closed') writeRound(room.doc, { ...r, status: 'closed' });
          });
          writeRound(room.doc, round);
        }, hostOrigin);
        return { ok: true, body: { roundId: round.id } };
      }
      const round = roundOf(room, req.roundId);
      if (!round) return refuse(404, `roundId: no voting round ${req.roundId}`);
      if (req.action === 'close') {
        write({ ...round, status: 'closed' });
        return { ok: true, body: { roundId: round.id } };
      }
      if (round.status !== 'open') return refuse(409, round.status === 'revealed' ? 'the votes are revealed; voting is over' : 'this round is closed');
      if (!('elementId' in req)) {
        const [tally, totals] = [await this.store.ballots.tally(sessionId, round.id), await this.store.ballots.totalsOf(sessionId, round.id)];
        // The round as it is now: another node may have closed or revealed it while the store answered.
        const current = roundOf(room, round.id);
        if (current?.status !== 'open') return refuse(409, 'this round was closed or revealed meanwhile');
        write({ ...current, status: 'revealed', revealedAt: now, tally, ...totals });
        return { ok: true, body: { roundId: round.id } };
      }
      if (!round.elementIds.includes(req.elementId)) return refuse(400, `elementId: ${req.elementId} is not part of this vote`);
      const voter = tokenHash(token);
      if (req.action === 'place') {
        if (!(await this.store.ballots.place(sessionId, round.id, voter, req.elementId, round.perPerson, now)))
          return refuse(409, `you have placed all ${round.perPerson} of your dots; take one back to move it`);
      } else if (!(await this.store.ballots.unplace(sessionId, round.id, voter, req.elementId))) {
        return refuse(409, 'you have no dot on that card');
      }
      const totals = await this.store.ballots.totalsOf(sessionId, round.id);
      const current = roundOf(room, round.id);
      if (current?.status === 'open') write({ ...current, ...totals });
      const mine: MyVotes = { roundId: round.id, dots: await this.store.ballots.dots(sessionId, round.id, voter) };
      return { ok: true, body: mine };
    });
  }
}

function roundOf(room: Room, roundId: string): VoteRound | null {
  const m = votesMap(room.doc).get(roundId);
  return m ? readRound(roundId, m) : null;
}

function openRound(room: Room): VoteRound | null {
  let found: VoteRound | null = null;
  votesMap(room.doc).forEach((m, id) => {
    const r = readRound(id, m);
    if (r?.status === 'open') found = r;
  });
  return found;
}
