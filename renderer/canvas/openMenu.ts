import { currentView } from '../state/boardView';
import { useUi } from '../state/uiStore';
import { toBoard, toScreen } from './camera';

/** Shift+F10 or the menu key: the same menu, by the selection (or mid-screen), for the keyboard. */
export function openMenuFromKeyboard(): void {
  const { selection, viewport, canvasSize } = useUi.getState();
  const boxes = selection.map((id) => currentView().boxes.get(id)).filter((b) => !!b);
  const b = boxes[0];
  const at = b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : toBoard(viewport, canvasSize.width / 2, canvasSize.height / 2);
  const p = toScreen(viewport, at.x, at.y);
  useUi.setState({ editingId: null, draft: null, menu: { x: p.x, y: p.y, at } });
}
