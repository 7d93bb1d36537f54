import { expect, it } from 'vitest';
import { activeRound, lastRevealed, rankedTally, type VoteRound } from './vote.js';

const round = (id: string, status: VoteRound['status'], startedAt: number, tally: Record<string, number> = {}): VoteRound => ({
  id,
  title: 'Q',
  perPerson: 3,
  elementIds: ['cardAAAAAA', 'cardBBBBBB', 'cardCCCCCC'],
  status,
  startedAt,
  revealedAt: Object.keys(tally).length || status === 'revealed' ? startedAt + 1 : null,
  placed: 0,
  voters: 0,
  tally,
});

it('the round on screen is the newest not closed; the results are the newest revealed, closed or not', () => {
  const first = round('round00001', 'closed', 1, { cardBBBBBB: 2 });
  const second = round('round00002', 'open', 2);
  expect(activeRound([first, second])?.id).toBe('round00002');
  expect(lastRevealed([first, second])?.id).toBe('round00001');
  expect(activeRound([first])).toBeNull();
  expect(lastRevealed([round('round00003', 'open', 3)])).toBeNull();
});

it('ranks candidates by dots, ties in the order of the round, cards without dots last', () => {
  const r = round('round00001', 'revealed', 1, { cardCCCCCC: 2, cardBBBBBB: 2 });
  expect(rankedTally(r)).toEqual([
    { elementId: 'cardBBBBBB', votes: 2 },
    { elementId: 'cardCCCCCC', votes: 2 },
    { elementId: 'cardAAAAAA', votes: 0 },
  ]);
});
