import { isCanvasElement } from '../../shared/model/board';
import { absoluteBox, computeGrid } from '../../shared/model/grid';
import { toScreen } from '../canvas/camera';
import { useUi } from '../ui/uiStore';
import { useBoard } from './boardStore';

/**
 * A read-only window onto the stores for end-to-end tests and benchmarks: what the board
 * holds and where a card is on screen (the canvas has no DOM per card). It changes nothing.
 */
export function installTestHook(): void {
  (window as unknown as { __brownpaper: unknown }).__brownpaper = {
    board: () => useBoard.getState(),
    ui: () => {
      const { tool, selection, editingId, viewport, role, connection, synced } = useUi.getState();
      return { tool, selection, editingId, viewport, role, connection, synced };
    },
    /** the card's box in board coordinates */
    boardBox(id: string) {
      const { elements } = useBoard.getState();
      const e = elements[id];
      return e && isCanvasElement(e) ? absoluteBox(e, computeGrid(Object.values(elements))) : null;
    },
    screenBox(id: string) {
      const { elements } = useBoard.getState();
      const e = elements[id];
      if (!e || !isCanvasElement(e)) return null;
      const box = absoluteBox(e, computeGrid(Object.values(elements)));
      const { viewport } = useUi.getState();
      const canvas = document.querySelector('[data-testid="board-canvas"]')!.getBoundingClientRect();
      const p = toScreen(viewport, box.x, box.y);
      return { x: canvas.left + p.x, y: canvas.top + p.y, w: box.w * viewport.scale, h: box.h * viewport.scale };
    },
  };
}
