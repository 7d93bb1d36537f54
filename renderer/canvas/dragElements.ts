import type Konva from 'konva';
import { contains } from '../../shared/model/geometry';
import { snapBox } from '../../shared/model/snap';
import { currentView } from '../state/boardView';
import { dispatch } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import { endedByCancel } from './cancelledPointer';

// Dragging moves every selected element together. Konva moves the grabbed node; the others
// follow it imperatively during the drag (no React render per frame), and pointer-up
// commits one moveElements — one undo step — for all of them.

let drag: { leader: string; starts: Map<string, { x: number; y: number }> } | null = null;

function findNode(stage: Konva.Stage | null, id: string): Konva.Node | undefined {
  return stage?.findOne((n: Konva.Node) => n.id() === id && n.hasName('element'));
}

export function onElementDragStart(ev: Konva.KonvaEventObject<DragEvent>): void {
  const id = ev.target.id();
  const ui = useUi.getState();
  let selection = ui.selection;
  if (!selection.includes(id)) selection = [id];
  useUi.setState({ selection, dragging: true });
  const view = currentView();
  const ids = new Set(selection.filter((i) => view.boxes.has(i) && !view.elements[i].locked));
  // A frame carries what lies inside it.
  for (const i of [...ids]) {
    const frame = view.boxes.get(i)!;
    if (view.elements[i].kind !== 'frame') continue;
    for (const [other, box] of view.boxes) if (!view.elements[other].locked && contains(frame, box)) ids.add(other);
  }
  drag = { leader: id, starts: new Map([...ids].map((i) => [i, { x: view.boxes.get(i)!.x, y: view.boxes.get(i)!.y }])) };
}

export function onElementDragMove(ev: Konva.KonvaEventObject<DragEvent>): void {
  if (!drag) return;
  const node = ev.target;
  const start = drag.starts.get(drag.leader);
  if (!start) return;
  const { snapping, viewport } = useUi.getState();
  const view = currentView();
  const box = view.boxes.get(drag.leader)!;
  let { x, y } = node.position();
  if (snapping) {
    const s = snapBox({ x, y, w: box.w, h: box.h }, view.grid, 10 / viewport.scale);
    x = s.x;
    y = s.y;
    node.position({ x, y });
    const g = useUi.getState().guides;
    if (g.x !== s.guideX || g.y !== s.guideY) useUi.setState({ guides: { x: s.guideX, y: s.guideY } });
  }
  const dx = x - start.x;
  const dy = y - start.y;
  const stage = node.getStage();
  for (const [id, p] of drag.starts) if (id !== drag.leader) findNode(stage, id)?.position({ x: p.x + dx, y: p.y + dy });
}

export function onElementDragEnd(ev: Konva.KonvaEventObject<DragEvent>): void {
  if (!drag) return;
  const { leader, starts } = drag;
  drag = null;
  useUi.setState({ guides: { x: null, y: null }, dragging: false });
  const stage = ev.target.getStage();
  const putBack = () => {
    for (const [id, p] of starts) findNode(stage, id)?.position(p);
  };
  if (endedByCancel(ev.target)) {
    putBack();
    return;
  }
  const start = starts.get(leader)!;
  const { x, y } = ev.target.position();
  const dx = Math.round(x - start.x);
  const dy = Math.round(y - start.y);
  const moves = [...starts].map(([id, p]) => ({ id, x: p.x + dx, y: p.y + dy }));
  const moved = dispatch('moveElements', { moves }) ?? 0;
  // Refused (locked meanwhile, read-only): put every node back where its record says.
  if (moved === 0) putBack();
}
