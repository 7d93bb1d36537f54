import Konva from 'konva';
import { toScreen } from '../canvas/camera';
import { dispatch } from '../commands/dispatch';
import { useUi } from './uiStore';
import { useBoard } from './boardStore';
import { usePresence } from './presence';
import { useMyVotes } from './votingStore';
import { currentView } from './boardView';
import { cardTypes } from '../canvas/theme';

/**
 * Konva nodes named `name` (inside the element `within`, when given): their text, the text as
 * drawn (what wrapping and fitting left of it: a cut figure shows here), and where on the page.
 */
function canvasNodes(name: string, within?: string): { text: string | null; drawn: string | null; x: number; y: number; w: number; h: number }[] {
  const stage = Konva.stages[0];
  if (!stage) return [];
  const root = within ? stage.findOne(`#${within}`) : stage;
  if (!root || !('find' in root)) return [];
  const canvas = stage.container().getBoundingClientRect();
  return (root as Konva.Container).find(`.${name}`).map((n) => {
    const r = n.getClientRect();
    const text = n instanceof Konva.Text ? n.text() : n instanceof Konva.Label ? n.getText().text() : null;
    const drawn = n instanceof Konva.Text ? n.textArr.map((l) => l.text).join('\n') : null;
    return { text, drawn, x: canvas.left + r.x, y: canvas.top + r.y, w: r.width, h: r.height };
  });
}

/**
 * A window onto the stores for end-to-end tests and benchmarks: what the board holds and where
 * an element is (the canvas has no DOM per card). It reads; the one way it changes the board
 * is `dispatch`, the app's own (role checks and validation included), for figures whose
 * fields a test cannot reach through the UI yet.
 */
export function installTestHook(): void {
  (window as unknown as { __brownpaper: unknown }).__brownpaper = {
    board: () => useBoard.getState(),
    dispatch: (name: Parameters<typeof dispatch>[0], args: Parameters<typeof dispatch>[1]) => dispatch(name, args as never),
    /** the texts and page boxes of the canvas nodes named so ("wait-badge", "stage-lead", "ladder-lead", …) */
    canvasNodes,
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
