import { boardLook } from '../../shared/exchange/look';
import type { Box } from '../../shared/model/geometry';
import { gridSize, type Grid } from '../../shared/model/grid';
import type { BoardElement } from '../../shared/model/kinds';
import type { Scenario } from '../../shared/model/scenario';
import { elementList } from '../state/boardStore';
import { laneHeaderWidth } from './theme';

/**
 * Where the timeline ladder goes: under the map, below the + Lane button, stage by stage, with
 * the totals at its right end. Shared by the layer that draws it and the framing (zoom to fit,
 * the big screen), so a fitted view holds the ladder too.
 */
export const ladder = boardLook.ladder;

/** The big screen draws no + Lane button between the map and the ladder: the ladder moves up into that room. */
const BIG_SCREEN_GAP = 40;

/** The ladder's top and the x where its stages end, for a grid. */
export function ladderFrame(grid: Grid, bigScreen: boolean): { top: number; end: number } {
  const { w, h } = gridSize(grid);
  return { top: h + (bigScreen ? BIG_SCREEN_GAP : ladder.gap), end: grid.stages.length ? w : 0 };
}

/** The board region the ladder covers (with its totals), for framing the view. */
export function ladderBox(grid: Grid, bigScreen: boolean): Box {
  const { top, end } = ladderFrame(grid, bigScreen);
  return { x: -laneHeaderWidth, y: top, w: laneHeaderWidth + end + (grid.stages.length ? 0 : ladder.outsideW) + ladder.totalsGap + ladder.totalsW, h: ladder.height };
}

/**
 * Does any step have a time, as-is or in a scenario? The ladder shows itself then (and not on
 * a board that has none yet: an empty ladder would only say "nothing" in a big way).
 */
export function boardHasTimes(elements: Record<string, BoardElement>, scenarios: readonly Scenario[]): boolean {
  // Asked by the minimap on every camera move: answered once per board snapshot.
  if (last?.elements === elements && last.scenarios === scenarios) return last.answer;
  last = { elements, scenarios, answer: anyTimes(elements, scenarios) };
  return last.answer;
}

let last: { elements: Record<string, BoardElement>; scenarios: readonly Scenario[]; answer: boolean } | null = null;

function anyTimes(elements: Record<string, BoardElement>, scenarios: readonly Scenario[]): boolean {
  for (const e of elementList(elements).steps) if (e.waitMinutes !== null || e.processMinutes !== null) return true;
  return scenarios.some((s) => Object.values(s.overrides).some((o) => o.waitMinutes !== undefined || o.processMinutes !== undefined));
}
