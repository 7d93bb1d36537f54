import { isCard, type Card } from '../../shared/model/board';
import { insideFrame } from '../../shared/model/grid';
import { compareOrder } from '../../shared/model/order';
import type { BoardView } from './boardView';

/** Something a round can be held on: the whole board, a frame, a lane, or the selected cards. */
export interface VoteScope {
  key: string;
  label: string;
  /** steps and notes in it, in reading order */
  cards: Card[];
}

const readingOrder = (view: BoardView) => (a: Card, b: Card) => {
  const pa = view.boxes.get(a.id)!;
  const pb = view.boxes.get(b.id)!;
  return pa.y - pb.y || pa.x - pb.x;
};

export function voteScopes(view: BoardView, selection: string[]): VoteScope[] {
  const cards = view.cards.filter(isCard);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const sorted = (list: Card[]) => [...list].sort(readingOrder(view));
  const scopes: VoteScope[] = [];
  const picked = selection.map((id) => byId.get(id)).filter((c): c is Card => !!c);
  if (picked.length > 0) scopes.push({ key: 'selection', label: `The ${picked.length} selected cards`, cards: sorted(picked) });
  scopes.push({ key: 'board', label: 'The whole board', cards: sorted(cards) });
  for (const f of view.frames) {
    const inside = insideFrame(f, cards, view.grid).map((id) => byId.get(id)!);
    scopes.push({ key: `frame:${f.id}`, label: `Frame “${f.name || 'Frame'}”`, cards: sorted(inside) });
  }
  const lanes = Object.values(view.elements)
    .filter((e) => e.kind === 'lane')
    .sort(compareOrder);
  for (const l of lanes) {
    if (l.kind !== 'lane') continue;
    scopes.push({ key: `lane:${l.id}`, label: `Lane “${l.name || 'Lane'}”`, cards: sorted(cards.filter((c) => c.laneId === l.id)) });
  }
  return scopes;
}
