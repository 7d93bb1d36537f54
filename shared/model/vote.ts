import type * as Y from 'yjs';
import { z } from 'zod';
import { shortText } from './fields.js';
import { readHostRecord, readHostRecords, writeHostRecord } from './hostRecords.js';
import { idSchema } from './ids.js';

/**
 * Dot voting. A round is in the doc's `votes` map (round id → Y.Map of the fields below) so
 * everyone sees that voting is on, on which cards, and how far it has got. The ballots
 * themselves are not in the doc: the host keeps them (electron/host/voting) until the
 * facilitator reveals, then writes the tally here. Only the host writes this map; the
 * policy refuses any client's update that touches it.
 */
export const MAX_VOTES_PER_PERSON = 20;
const MAX_VOTE_CANDIDATES = 5000;

const voteStatusSchema = z.enum(['open', 'revealed', 'closed']);

export const voteRoundSchema = z.strictObject({
  id: idSchema,
  /** what is voted on, in the room's words: "Pain points in Backstage" */
  title: shortText.min(1),
  perPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
  /** the cards that take votes, fixed when the round starts */
  elementIds: z.array(idSchema).min(1).max(MAX_VOTE_CANDIDATES),
  status: voteStatusSchema,
  startedAt: z.number().int().nonnegative(),
  revealedAt: z.number().int().nonnegative().nullable(),
  /** dots placed so far and by how many people (counts only: who voted for what stays on the host) */
  placed: z.number().int().nonnegative(),
  voters: z.number().int().nonnegative(),
  /** element id → dots; empty until revealed */
  tally: z.record(idSchema, z.number().int().nonnegative()),
});
export type VoteRound = z.infer<typeof voteRoundSchema>;

export function votesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('votes');
}

export function readRound(id: string, m: Y.Map<unknown>): VoteRound | null {
  return readHostRecord(voteRoundSchema, id, m);
}

/** Every round, oldest first. */
export function readRounds(doc: Y.Doc): VoteRound[] {
  return readHostRecords(votesMap(doc), voteRoundSchema, (r) => r.startedAt);
}

/** The round on screen: the newest that is not closed. */
export function activeRound(rounds: readonly VoteRound[]): VoteRound | null {
  for (let i = rounds.length - 1; i >= 0; i--) if (rounds[i].status !== 'closed') return rounds[i];
  return null;
}

/** The newest round whose votes were revealed (it may be closed since): the results to show. */
export function lastRevealed(rounds: readonly VoteRound[]): VoteRound | null {
  for (let i = rounds.length - 1; i >= 0; i--) if (rounds[i].revealedAt !== null) return rounds[i];
  return null;
}

/** Write a round (inside a transaction; the host's). */
export function writeRound(doc: Y.Doc, round: VoteRound): void {
  writeHostRecord(votesMap(doc), round);
}

/** Candidates ranked by dots (ties by their order in the round). */
export function rankedTally(round: VoteRound): { elementId: string; votes: number }[] {
  return round.elementIds
    .map((elementId, i) => ({ elementId, votes: round.tally[elementId] ?? 0, i }))
    .sort((a, b) => b.votes - a.votes || a.i - b.i)
    .map(({ elementId, votes }) => ({ elementId, votes }));
}

/** What a client asks the host to do with voting (POST /api/sessions/<id>/votes). */
export const voteRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('start'),
    title: shortText.trim().min(1, 'a title is needed'),
    perPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
    elementIds: z.array(idSchema).min(1, 'no cards to vote on').max(MAX_VOTE_CANDIDATES),
  }),
  z.strictObject({ action: z.enum(['reveal', 'close']), roundId: idSchema }),
  z.strictObject({ action: z.enum(['place', 'unplace']), roundId: idSchema, elementId: idSchema }),
]);
export type VoteRequest = z.infer<typeof voteRequestSchema>;

/** The host's answer to a voter: their own dots in the round (element ids, one entry per dot). */
export const myVotesSchema = z.strictObject({ roundId: idSchema.nullable(), dots: z.array(idSchema) });
export type MyVotes = z.infer<typeof myVotesSchema>;
