import { create } from 'zustand';
import type { BoardElement, BoardMeta } from '../../shared/model/board';
import type { Scenario } from '../../shared/model/scenario';
import type { Summon, TimerState } from '../../shared/model/facilitation';
import type { VoteRound } from '../../shared/model/vote';
import type { Estimate } from '../../shared/model/estimate';
import type { PrivateRound } from '../../shared/model/privateRound';

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
  rounds: [],
  estimates: [],
  privateRounds: [],
}));
