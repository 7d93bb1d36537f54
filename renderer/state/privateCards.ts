import { create } from 'zustand';
import { callApi } from '../api/client';
import type { Box } from '../../shared/model/geometry';
import { newNote } from '../../shared/model/note';
import {
  inPrivateArea,
  myPrivateCardsSchema,
  openPrivateRound,
  privateAreaBox,
  type PrivateArea,
  type PrivateCardRequest,
  type PrivateCard,
  type PrivateRound,
  type PrivateRoundRequest,
} from '../../shared/model/privateRound';
import { may } from '../../shared/permissions';
import { useBoard } from './boardStore';
import { currentView } from './boardView';
import { savedName } from './presence';
import { showToast, useUi } from './uiStore';
import { holdTypedKeys } from '../ui/typeAhead';

/**
 * This person's own cards in the private round on now. They are not board data: the host keeps
 * them until the reveal (no one else's window ever receives them), so they come from the host's
 * API, like one's own dots (votingStore.ts). `editing`: the card whose text is being typed;
 * `typedAhead`: what was typed into it while the host was still making it.
 */
export const useMyPrivateCards = create<{ roundId: string | null; cards: PrivateCard[]; editing: string | null; typedAhead: string }>(() => ({
  roundId: null,
  cards: [],
  editing: null,
  typedAhead: '',
}));

/** The facilitator's dialog to start a round, and the area it opens on. */
export const usePrivateDialog = create<{ open: boolean; area: PrivateArea | null }>(() => ({ open: false, area: null }));

export function openPrivateDialog(area: PrivateArea | null = null): void {
  usePrivateDialog.setState({ open: true, area });
}

/** The private round on now, from the board store. */
export function usePrivateRound(): PrivateRound | null {
  return useBoard((s) => openPrivateRound(s.privateRounds));
}

/** The round's area on the board now: a box, null for the whole board, 'gone' if its frame or lane went. */
export function privateAreaNow(round: PrivateRound): Box | null | 'gone' {
  const view = currentView();
  return privateAreaBox(round.area, view.grid, (id) => (view.elements[id]?.kind === 'frame' ? (view.boxes.get(id) ?? null) : null));
}

const noteSize = (() => {
  const n = newNote({ x: 0, y: 0, order: 'a0' });
  return { w: n.w, h: n.h };
})();

/** The round a new card whose top-left is at (x, y) would be written in privately, if any. */
export function privateRoundAt(x: number, y: number): PrivateRound | null {
  const round = openPrivateRound(useBoard.getState().privateRounds);
  if (!round || !may(useUi.getState().role, 'writePrivate') || !useUi.getState().access) return null;
  const area = privateAreaNow(round);
  return area !== 'gone' && inPrivateArea(area, { x, y, ...noteSize }) ? round : null;
}

/** Whether this element is the frame a private round is held in, and this person writes in it. */
export function isPrivateFrame(id: string): boolean {
  const round = openPrivateRound(useBoard.getState().privateRounds);
  return !!round && round.area.kind === 'frame' && round.area.id === id && may(useUi.getState().role, 'writePrivate') && !!useUi.getState().access;
}

function access(): { sessionId: string; token: string } {
  const a = useUi.getState().access;
  if (!a) throw new Error('not connected to a host');
  return a;
}

let queue: Promise<unknown> = Promise.resolve();

/** Ask the host, one request after another (a card is made before it is typed into); a refusal is a toast. */
function send<T>(ask: () => Promise<T>): Promise<T | null> {
  const next = queue.then(async () => {
    try {
      return await ask();
    } catch (e) {
      showToast((e as Error).message);
      return null;
    }
  });
  queue = next;
  return next;
}

/** Something done to one's own private card; the answer is all of one's cards. */
export function privateCardAction(body: PrivateCardRequest): Promise<unknown> {
  return send(async () => {
    const mine = myPrivateCardsSchema.parse(await callApi('privateCard', { ...access(), body }));
    useMyPrivateCards.setState({ roundId: mine.roundId, cards: mine.cards });
    return mine;
  });
}

/** The facilitator's start, reveal or cancel. */
export function privateRoundAction(body: PrivateRoundRequest): Promise<unknown> {
  return send(() => callApi('privateRound', { ...access(), body }));
}

/** A new private card with its top-left at (x, y), opened for typing once the host has it. */
export async function addPrivateCard(round: PrivateRound, x: number, y: number): Promise<void> {
  const before = new Set(useMyPrivateCards.getState().cards.map((c) => c.id));
  useUi.setState({ selection: [], editingId: null, tool: 'select' });
  const held = holdTypedKeys();
  const answer = await privateCardAction({ action: 'add', roundId: round.id, x, y, author: savedName() ?? undefined });
  const typedAhead = held.stop();
  if (!answer) return;
  const made = useMyPrivateCards.getState().cards.find((c) => !before.has(c.id));
  if (made) useMyPrivateCards.setState({ editing: made.id, typedAhead });
}

/** Keep useMyPrivateCards in step with the round on the board (a reload or a new round refetches). */
export function bindMyPrivateCards(): () => void {
  let current: string | null = null;
  const refresh = () => {
    const id = openPrivateRound(useBoard.getState().privateRounds)?.id ?? null;
    if (id === current) return;
    current = id;
    if (!id || !may(useUi.getState().role, 'writePrivate') || !useUi.getState().access) return useMyPrivateCards.setState({ roundId: id, cards: [], editing: null });
    Promise.resolve()
      .then(() => callApi('myPrivateCards', access()))
      .then((mine) => {
        if (mine.roundId === current) useMyPrivateCards.setState({ roundId: mine.roundId, cards: mine.cards });
      })
      .catch(() => useMyPrivateCards.setState({ roundId: id, cards: [] }));
  };
  refresh();
  return useBoard.subscribe((s, prev) => s.privateRounds !== prev.privateRounds && refresh());
}
