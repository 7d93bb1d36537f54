import { useMemo } from 'react';
import { isCanvasElement, type CanvasElement } from '../../shared/model/board';
import { computeGrid, type Grid } from '../../shared/model/grid';
import { compareOrder } from '../../shared/model/order';
import { useBoard } from '../board/boardStore';

/** The canvas's derived view of the board: the grid and the cards in z-order. */
export function useBoardView(): { grid: Grid; cards: CanvasElement[] } {
  const elements = useBoard((s) => s.elements);
  return useMemo(() => {
    const all = Object.values(elements);
    const cards = all.filter(isCanvasElement).sort(compareOrder);
    return { grid: computeGrid(all), cards };
  }, [elements]);
}

/** Screen-independent offset of a card's stored (cell-relative) position. */
export function cellOffset(e: CanvasElement, grid: Grid): { ox: number; oy: number } {
  const laneId = 'laneId' in e ? e.laneId : null;
  const stageId = 'stageId' in e ? e.stageId : null;
  return {
    ox: stageId ? (grid.stageById.get(stageId)?.start ?? 0) : 0,
    oy: laneId ? (grid.laneById.get(laneId)?.start ?? 0) : 0,
  };
}
