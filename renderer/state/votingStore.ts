import { callApi } from '../api/client';
import { create } from 'zustand';
import { activeRound, myVotesSchema, type VoteRequest, type VoteRound } from '../../shared/model/vote';
import { may } from '../../shared/permissions';
import { useBoard } from './boardStore';
import { showToast, useUi } from './uiStore';

/**
 * This person's own dots in the open round. They are not board data: the host keeps ballots
 * secret until the reveal, so they come from the host's API, not from the Y.Doc.
 */
export const useMyVotes = create<{ roundId: string | null; dots: string[] }>(() => ({ roundId: null, dots: [] }));

/** The round on screen, from the board store. */
export function useActiveRound(): VoteRound | null {
  return useBoard((s) => activeRound(s.rounds));
}

/** True when a click on this element places a dot: a round is open, it is a candidate, and this person votes. */
export function takesVote(elementId: string): boolean {
  const round = activeRound(useBoard.getState().rounds);
  const role = useUi.getState().role;
  return !!round && round.status === 'open' && may(role, 'placeDots') && round.elementIds.includes(elementId);
}

/** This window's link to the host: the session and the token it joined with. */
function access(): { sessionId: string; token: string } {
  const a = useUi.getState().access;
  if (!a) throw new Error('not connected to a host');
  return a;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Ask the host; a refusal is shown to the person, never thrown at the canvas. Resolves with
 * the answer or null. Requests go one after another, so quick clicks (take a dot back, place
 * it elsewhere) reach the host in the order they were made.
 */
export function voteAction(body: VoteRequest): Promise<unknown> {
  const next = queue.then(() => send(body));
  queue = next;
  return next;
}

async function send(body: VoteRequest): Promise<unknown> {
  try {
    const answer = await callApi('vote', { ...access(), body });
    if (body.action === 'place' || body.action === 'unplace') useMyVotes.setState(myVotesSchema.parse(answer));
    return answer;
  } catch (e) {
    showToast((e as Error).message);
    return null;
  }
}

/**
 * Place a dot on a card, or take one back. A dot is all the click does: whatever was selected
 * (the cards the facilitator picked to vote on, say) is let go, so no edit toolbar or handles
 * stand over the cards people are voting on. From the keyboard (`keepSelection`) the selected
 * card stays selected: it is where Tab goes on from.
 */
export function castVote(elementId: string, takeBack: boolean, keepSelection = false): void {
  const round = activeRound(useBoard.getState().rounds);
  if (!round || round.status !== 'open') return;
  if (!keepSelection && (useUi.getState().selection.length > 0 || useUi.getState().editingId)) useUi.setState({ selection: [], editingId: null });
  void voteAction({ action: takeBack ? 'unplace' : 'place', roundId: round.id, elementId });
}

/** Keep useMyVotes in step with the round on screen (a reload or a new round refetches). */
export function bindMyVotes(): () => void {
  let current: string | null = null;
  const refresh = () => {
    const round = activeRound(useBoard.getState().rounds);
    const id = round?.status === 'open' ? round.id : null;
    if (id === current) return;
    current = id;
    if (!id) return useMyVotes.setState({ roundId: null, dots: [] });
    Promise.resolve()
      .then(() => callApi('myVotes', access()))
      .then((mine) => {
        if (mine.roundId === current) useMyVotes.setState(mine);
      })
      .catch(() => useMyVotes.setState({ roundId: id, dots: [] }));
  };
  refresh();
  return useBoard.subscribe((s, prev) => s.rounds !== prev.rounds && refresh());
}
