import type { BoardElement } from '../../shared/model/board';
import { stepsInLedgerOrder } from '../../shared/ledger/rows';
import { compareOrder } from '../../shared/model/order';
import type { BoardView } from '../state/boardView';

/**
 * The cards of the map on screen in the order the keyboard visits them (Tab / Shift+Tab): the
 * steps as the ledger lists them (lane, stage, board order), then the notes and text in board
 * order — so a screen reader meets the process before the comments on it.
 */
export function cardsInReadingOrder(view: Pick<BoardView, 'elements' | 'cards'>): BoardElement[] {
  // The lanes and stages are looked up by id for their order: the whole board goes in, the steps
  // on this map come out (a to-be's own steps only while it is picked).
  const onMap = new Set(view.cards.map((c) => c.id));
  const steps = stepsInLedgerOrder(new Map(Object.entries(view.elements))).filter((s) => onMap.has(s.id));
  const rest = view.cards.filter((c) => c.kind !== 'step').sort(compareOrder);
  return [...steps, ...rest];
}

/** The card `by` places after (or before) `fromId`; from nothing, the first (or last). Null past either end. */
export function cardBeside(view: Pick<BoardView, 'elements' | 'cards'>, fromId: string | null, by: 1 | -1): BoardElement | null {
  const order = cardsInReadingOrder(view);
  const i = fromId ? order.findIndex((c) => c.id === fromId) : -1;
  const next = i < 0 ? (by === 1 ? 0 : order.length - 1) : i + by;
  return order[next] ?? null;
}

/** "step ‘Sales call’, lane Customer, stage Order, 1 of 14": a card as the status line reads it. */
export function describeCard(view: Pick<BoardView, 'elements' | 'cards'>, card: BoardElement): string {
  const order = cardsInReadingOrder(view);
  const name = (id: string | null | undefined) => (id ? ((view.elements[id] as { name?: string } | undefined)?.name ?? '') : '');
  const text = card.kind === 'step' ? card.title : card.kind === 'note' || card.kind === 'text' ? card.text : '';
  const where = 'laneId' in card ? [name(card.laneId) && `lane ${name(card.laneId)}`, name(card.stageId) && `stage ${name(card.stageId)}`].filter(Boolean) : [];
  const kind = card.kind === 'step' ? 'step' : card.kind === 'note' ? 'note' : card.kind;
  const shown = text.trim().length > 60 ? `${text.trim().slice(0, 60)}…` : text.trim();
  return [`${kind} ‘${shown || 'untitled'}’`, ...where, `${order.findIndex((c) => c.id === card.id) + 1} of ${order.length}`].join(', ');
}
