import { toScreen } from '../canvas/camera';
import { useUi } from './uiStore';
import { useBoard } from './boardStore';
import { usePresence } from './presence';
import { useMyVotes } from './votingStore';
import { currentView } from './boardView';
import { cardTypes } from '../canvas/theme';

/**
 * A read-only window onto the stores for end-to-end tests and benchmarks: what the board
 * holds and where an element is (the canvas has no DOM per card). It changes nothing.
 */
export function installTestHook(): void {
  (window as unknown as { __brownpaper: unknown }).__brownpaper = {
    board: () => useBoard.getState(),
    /** the other people here: name, colour, pointer, selection */
    peers: () => usePresence.getState().peers,
    /** this window's awareness client id */
    self: () => usePresence.getState().self,
    /** this person's own dots in the open vote */
    myVotes: () => useMyVotes.getState(),
    ui: () => {
      const { tool, selection, editingId, viewport, role, connection, synced, snapping, following, bigScreen } = useUi.getState();
      return { tool, selection, editingId, viewport, role, connection, synced, snapping, following, bigScreen };
    },
    /** the type sizes cards are drawn with now (board units; × viewport.scale for screen px) */
    cardType: () => (useUi.getState().bigScreen ? cardTypes.bigScreen : cardTypes.desk),
    /** the element's box in board coordinates */
    boardBox: (id: string) => currentView().boxes.get(id) ?? null,
    /** lanes and stages as laid out: {id, name, start, size} */
    grid: () => {
      const { lanes, stages } = currentView().grid;
      return { lanes, stages };
    },
    /** a board point's position on the page, in CSS px */
    toPage(x: number, y: number) {
      const canvas = document.querySelector('[data-testid="board-canvas"]')!.getBoundingClientRect();
      const p = toScreen(useUi.getState().viewport, x, y);
      return { x: canvas.left + p.x, y: canvas.top + p.y };
    },
    screenBox(id: string) {
      const box = currentView().boxes.get(id);
      if (!box) return null;
      const { viewport } = useUi.getState();
      const canvas = document.querySelector('[data-testid="board-canvas"]')!.getBoundingClientRect();
      const p = toScreen(viewport, box.x, box.y);
      return { x: canvas.left + p.x, y: canvas.top + p.y, w: box.w * viewport.scale, h: box.h * viewport.scale };
    },
  };
}
