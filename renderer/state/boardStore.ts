import { create } from 'zustand';
import type { BoardElement, BoardMeta } from '../../shared/model/board';
import type { Scenario } from '../../shared/model/scenario';
import type { Revert, Summon, TimerState } from '../../shared/model/facilitation';
import type { VoteRound } from '../../shared/model/vote';
import type { Estimate } from '../../shared/model/estimate';
import type { PrivateRound } from '../../shared/model/privateRound';
import type { Step } from '../../shared/model/step';

/**
 * Board data as immutable snapshots, written only by bindBoard (the one Y.Doc observer).
 * A record keeps its object identity until it changes, so components memoised on it do
 * not re-render for other cards' edits.
 */
export interface BoardState {
  meta: BoardMeta | null;
  elements: Record<string, BoardElement>;
  /** records that failed validation, one line each (shown, never drawn) */
  problems: Record<string, string>;
  /** to-be scenarios in order */
  scenarios: Scenario[];
  timer: TimerState;
  /** the template grid (lanes, stages, lines) is locked for participants */
  gridLocked: boolean;
  /** the awareness client presenting (everyone's view tracks theirs); null: nobody */
  presenter: number | null;
  /** the facilitator's last "bring everyone here" */
  summon: Summon | null;
  /** the last revert to a checkpoint (the host writes it with the revert) */
  revert: Revert | null;
  /** dot-voting rounds, oldest first */
  rounds: VoteRound[];
  /** estimates asked of the room, oldest first (answers stay on the host; the spread after the reveal) */
  estimates: Estimate[];
  /** private rounds (what the doc has of them: area, counts, blank placeholders), oldest first */
  privateRounds: PrivateRound[];
}

export const useBoard = create<BoardState>(() => ({
  meta: null,
  elements: {},
  problems: {},
  scenarios: [],
  timer: { timerEndsAt: null, timerRemainingMs: 0, timerRunning: false },
  gridLocked: false,
  presenter: null,
  summon: null,
  revert: null,
  rounds: [],
  estimates: [],
  privateRounds: [],
}));

const lists = new WeakMap<Record<string, BoardElement>, { all: BoardElement[]; steps: Step[]; byId?: ReadonlyMap<string, BoardElement> }>();

/**
 * A snapshot's elements as a list, and its steps, made once per snapshot for every reader (the
 * cost view, the ladder, the board view): listing a record of 10,000 elements is not free, and
 * after a paste each reader would list it again.
 */
export function elementList(elements: Record<string, BoardElement>): { all: BoardElement[]; steps: Step[]; byId?: ReadonlyMap<string, BoardElement> } {
  let l = lists.get(elements);
  if (!l) {
    const all = Object.values(elements);
    l = { all, steps: all.filter((e): e is Step => e.kind === 'step') };
    lists.set(elements, l);
  }
  return l;
}

/** The same snapshot as a Map by id (what shared/ledger reads), made once per snapshot. */
export function elementMap(elements: Record<string, BoardElement>): ReadonlyMap<string, BoardElement> {
  const l = elementList(elements);
  if (!l.byId) {
    // From the list made already, in its order (a record's key is its id): Object.entries made an array for each of 10,000 elements.
    const byId = new Map<string, BoardElement>();
    for (const e of l.all) byId.set(e.id, e);
    l.byId = byId;
  }
  return l.byId;
}
