import type Konva from 'konva';
import { boxFromCorners, intersects } from '../../shared/model/geometry';
import { placeCard } from '../../shared/model/grid';
import { clearPlace } from '../../shared/model/clearPlace';
import { isCard } from '../../shared/model/board';
import { useBoard } from '../state/boardStore';
import { newNote } from '../../shared/model/note';
import { newStep } from '../../shared/model/step';
import { newText } from '../../shared/model/text';
import { may } from '../../shared/permissions';
import { currentView } from '../state/boardView';
import { sharePointer } from '../state/presence';
import { dispatch } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import { pickedScenarioId } from '../state/pickedScenario';
import { toBoard } from './camera';
import { continueFrom } from './nextCard';
import { LOD_SCALE } from './theme';
import { castVote, takesVote } from '../state/votingStore';
import { addPrivateCard, isPrivateFrame, privateRoundAt } from '../state/privateCards';

// Pointer gestures on the stage, by tool: the mouse and a pen by their mouse events, a finger
// by its pointer events through fingers.ts (which adds what only touch has: pinch, long press).
// They read the stores, keep the gesture in progress in ui.draft (drawn by the overlay layer)
// and end in one operation.

type PointerEv = Konva.KonvaEventObject<MouseEvent>;

/** A finger (the mouse and a pen send mouse events here, a finger pointer events: fingers.ts). */
const byFinger = (e: MouseEvent) => (e as PointerEvent).pointerType === 'touch';

/**
 * The view being dragged. `tap`: a finger on empty paper (a phone has no room for a marquee
 * and no space bar, so one finger moves the view); lifted where it landed, it was a tap on the
 * paper and selects nothing.
 */
let pan: { sx: number; sy: number; vx: number; vy: number; tap?: { shiftKey: boolean; moved: boolean } } | null = null;
/** A finger moving less than this (screen px) is still a tap. */
const TAP_SLOP = 8;
let lastPointer: { x: number; y: number } | null = null;

/** The last pointer position on the board, for paste. */
export function pointerOnBoard(): { x: number; y: number } | null {
  return lastPointer;
}

/** The id of the element or connector under a Konva target, if any. */
function targetId(target: Konva.Node): { id: string; kind: 'element' | 'connector' | 'band' | 'line' } | null {
  for (const kind of ['element', 'connector', 'band', 'line'] as const) {
    const n = target.hasName(kind) ? target : target.findAncestor(`.${kind}`, true);
    if (n) return { id: n.id(), kind };
  }
  return null;
}

/**
 * The element under a board point by geometry, topmost first. Far out, the board is drawn by
 * one shape with no hit graph; this is how a click still finds its card there.
 */
function elementAt(x: number, y: number): string | null {
  const view = currentView();
  for (const list of [view.cards, view.frames]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const b = view.boxes.get(list[i].id)!;
      if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) return list[i].id;
    }
  }
  return null;
}

/**
 * What the pointer is on. Far out the cards are not in the hit graph, but they are drawn over
 * the lanes and lines, so a card found by geometry comes first there.
 */
function hitAt(target: Konva.Node, b: { x: number; y: number }): ReturnType<typeof targetId> {
  const card = lodActive() ? elementAt(b.x, b.y) : null;
  return card ? { id: card, kind: 'element' } : targetId(target);
}

function lodActive(): boolean {
  return useUi.getState().viewport.scale < LOD_SCALE;
}

function writable(): boolean {
  const role = useUi.getState().role;
  return may(role, 'changeBoard');
}

const sizeOf = (e: { w: number; h: number }) => ({ w: e.w, h: e.h });
/** The size a new card of each tool gets (the kinds' defaults), for centring it and for the toolbar's ghost. */
export const newCardSize = { step: sizeOf(newStep({ x: 0, y: 0, order: '' })), note: sizeOf(newNote({ x: 0, y: 0, order: '' })), text: sizeOf(newText({ x: 0, y: 0, order: '' })) };

/** Create a card of the current tool centred on a board point and start editing it. */
export function createAt(tool: 'step' | 'note' | 'text', x: number, y: number, clear = false): void {
  const size = newCardSize[tool];
  let at = { x: Math.round(x - size.w / 2), y: Math.round(y - size.h / 2) };
  // From the keyboard (Shift+F10 mid-screen: no pointer aimed at a free spot), off any card there, as the next card after a card goes.
  if (clear) {
    const free = clearPlace({ ...at, ...size }, cardBoxes(), 'down');
    at = { x: free.x, y: free.y };
  }
  // In a private round's area a new card is a private one: the host keeps it until the reveal.
  const privately = tool !== 'text' ? privateRoundAt(Math.round(x - newCardSize.note.w / 2), Math.round(y - newCardSize.note.h / 2)) : null;
  if (privately) return void addPrivateCard(privately, Math.round(x - newCardSize.note.w / 2), Math.round(y - newCardSize.note.h / 2));
  // A step made while a to-be is picked exists only in it; notes and text belong to no scenario.
  const id = tool === 'step' ? dispatch('addStep', { ...at, scenarioId: pickedScenarioId() }) : tool === 'note' ? dispatch('addNote', at) : dispatch('addText', at);
  if (id) useUi.setState({ selection: [id], editingId: id, tool: 'select' });
}

/** Where the board's cards are (not its lanes, stages, frames or arrows). */
function cardBoxes() {
  const { elements } = useBoard.getState();
  const boxes = currentView().boxes;
  return Object.values(elements).flatMap((e) => (isCard(e) && boxes.has(e.id) ? [boxes.get(e.id)!] : []));
}

/**
 * The buttons of the last two presses. Konva calls any two clicks on one spot a double click, a
 * right-click (for the menu) then a left click too; a person means an edit only by two left clicks.
 */
let pressButtons: [number, number] = [0, 0];
/**
 * Where the last two presses were, on the screen. Konva also counts two quick presses far apart
 * as a double click (a tap to place a note, then a quick tap elsewhere to finish it, made a second
 * note): two presses count as one double click only near each other.
 */
let pressAt: [{ x: number; y: number } | null, { x: number; y: number } | null] = [null, null];
const DOUBLE_CLICK_SLOP = { mouse: 8, finger: 24 };

/**
 * Every press on the board, by mouse, pen or finger, noted before any node sees it (BoardCanvas,
 * in the capture phase). Not from the stage's own press handler: a lane or stage header keeps its
 * press from the stage (it selects the band, no marquee), so a double click on a stage header was
 * judged by the two presses before it, elsewhere on the board — a right-click or a click on the
 * paper far off — and only selected the header, with no editor to rename it.
 */
export function notePress(e: PointerEvent): void {
  pressButtons = [pressButtons[1], e.button];
  pressAt = [pressAt[1], { x: e.clientX, y: e.clientY }];
}

export function onPointerDown(ev: PointerEv): void {
  const stage = ev.target.getStage();
  const p = stage?.getPointerPosition();
  if (!stage || !p) return;
  const ui = useUi.getState();
  const b = toBoard(ui.viewport, p.x, p.y);
  if (ev.evt.button === 1 || ui.tool === 'hand' || ui.spaceHeld) {
    ev.evt.preventDefault();
    pan = { sx: p.x, sy: p.y, vx: ui.viewport.x, vy: ui.viewport.y };
    useUi.setState({ following: null });
    return;
  }
  if (ev.evt.button !== 0) return;
  // A press on a selection's resize handle is the Transformer's (OverlayLayer.tsx): read here as a
  // press on paper, it cleared the selection and started a marquee, and the handle let go at once.
  if (ev.target.hasName('_anchor')) return;
  const hit = hitAt(ev.target, b);
  switch (ui.tool) {
    case 'select':
      if (hit?.kind === 'element' && takesVote(hit.id)) {
        castVote(hit.id, ev.evt.shiftKey);
        break;
      }
      if (hit?.kind === 'element' && lodActive()) {
        const selection = ev.evt.shiftKey ? (ui.selection.includes(hit.id) ? ui.selection : [...ui.selection, hit.id]) : ui.selection.includes(hit.id) ? ui.selection : [hit.id];
        useUi.setState({ selection, draft: writable() ? { kind: 'move', ids: selection, x0: b.x, y0: b.y, dx: 0, dy: 0 } : null });
        break;
      }
      if (hit && hit.kind !== 'band') {
        if (ev.evt.shiftKey) useUi.setState({ selection: ui.selection.includes(hit.id) ? ui.selection.filter((s) => s !== hit.id) : [...ui.selection, hit.id] });
        else if (!ui.selection.includes(hit.id)) useUi.setState({ selection: [hit.id] });
      } else if (!hit && byFinger(ev.evt)) {
        pan = { sx: p.x, sy: p.y, vx: ui.viewport.x, vy: ui.viewport.y, tap: { shiftKey: ev.evt.shiftKey, moved: false } };
        useUi.setState({ following: null, editingId: null });
      } else if (!hit) {
        useUi.setState({ selection: ev.evt.shiftKey ? ui.selection : [], editingId: null, draft: { kind: 'marquee', x0: b.x, y0: b.y, x1: b.x, y1: b.y } });
      }
      break;
    case 'step':
    case 'note':
    case 'text':
      if (!writable()) break;
      // The new card's editor takes focus now; the browser's default mousedown would take it away again.
      ev.evt.preventDefault();
      createAt(ui.tool, b.x, b.y);
      break;
    case 'connector':
      if (hit?.kind === 'element' && writable()) useUi.setState({ draft: { kind: 'connector', fromId: hit.id, x: b.x, y: b.y, overId: null } });
      break;
    case 'frame':
      if (writable()) useUi.setState({ draft: { kind: 'frame', x0: b.x, y0: b.y, x1: b.x, y1: b.y } });
      break;
  }
}

/** The browser took the pointer back (cancelledPointer.ts): the pan or draft in progress ends here and changes nothing. */
export function cancelPointerGesture(): void {
  pan = null;
  const { draft, dragging } = useUi.getState();
  if (draft || dragging) useUi.setState({ draft: null, dragging: false });
}

export function onPointerMove(ev: PointerEv): void {
  const stage = ev.target.getStage();
  const p = stage?.getPointerPosition();
  if (!stage || !p) return;
  const ui = useUi.getState();
  const b = toBoard(ui.viewport, p.x, p.y);
  lastPointer = b;
  sharePointer(b.x, b.y);
  if (pan) {
    if (pan.tap && Math.hypot(p.x - pan.sx, p.y - pan.sy) > TAP_SLOP) pan.tap.moved = true;
    useUi.setState({ viewport: { ...ui.viewport, x: pan.vx + p.x - pan.sx, y: pan.vy + p.y - pan.sy } });
    return;
  }
  const d = ui.draft;
  if (!d) return;
  if (d.kind === 'marquee' || d.kind === 'frame') useUi.setState({ draft: { ...d, x1: b.x, y1: b.y } });
  else if (d.kind === 'move') useUi.setState({ draft: { ...d, dx: b.x - d.x0, dy: b.y - d.y0 } });
  else {
    const over = stage.getIntersection(p);
    const hit = over ? targetId(over) : null;
    useUi.setState({ draft: { ...d, x: b.x, y: b.y, overId: hit?.kind === 'element' && hit.id !== d.fromId ? hit.id : null } });
  }
}

export function onPointerUp(ev: PointerEv): void {
  // A drag whose card vanished under it (deleted by someone else) never ends on its own.
  if (useUi.getState().dragging) useUi.setState({ dragging: false });
  if (pan) {
    const tap = pan.tap;
    pan = null;
    if (tap && !tap.moved && !tap.shiftKey) useUi.setState({ selection: [] });
    return;
  }
  const ui = useUi.getState();
  const d = ui.draft;
  if (!d) return;
  useUi.setState({ draft: null });
  if (d.kind === 'marquee') {
    const area = boxFromCorners(d.x0, d.y0, d.x1, d.y1);
    if (area.w < 3 && area.h < 3) return;
    const hits = [...currentView().boxes].filter(([, box]) => intersects(area, box)).map(([id]) => id);
    useUi.setState({ selection: ev.evt.shiftKey ? [...new Set([...ui.selection, ...hits])] : hits });
  } else if (d.kind === 'frame') {
    const area = boxFromCorners(d.x0, d.y0, d.x1, d.y1);
    const box = area.w > 40 && area.h > 40 ? area : { x: d.x0, y: d.y0, w: 800, h: 500 };
    const id = dispatch('addFrame', { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.w), h: Math.round(box.h) });
    if (id) useUi.setState({ selection: [id], tool: 'select' });
  } else if (d.kind === 'move') {
    if (Math.abs(d.dx) < 2 && Math.abs(d.dy) < 2) return;
    const view = currentView();
    const moves = d.ids
      .map((id) => ({ id, box: view.boxes.get(id) }))
      .filter((m) => m.box && !view.elements[m.id].locked)
      .map(({ id, box }) => ({ id, x: Math.round(box!.x + d.dx), y: Math.round(box!.y + d.dy) }));
    if (moves.length) dispatch('moveElements', { moves });
  } else if (d.overId) {
    const id = dispatch('addConnector', { fromId: d.fromId, toId: d.overId });
    if (id) useUi.setState({ selection: [id] });
  } else if (d.handle) {
    // From a card's + handle: a click makes the next card in the next stage or lane; a drag
    // to empty paper puts it where it was dropped.
    const { scale } = ui.viewport;
    const dropped = Math.hypot(d.x - d.handle.x0, d.y - d.handle.y0) * scale > 6 ? { x: Math.round(d.x), y: Math.round(d.y) } : undefined;
    continueFrom(d.fromId, d.handle.direction, dropped);
  }
}

export function onDoubleClick(ev: PointerEv): void {
  if (!byFinger(ev.evt) && pressButtons.some((b) => b !== 0)) return;
  const [first, second] = pressAt;
  const slop = DOUBLE_CLICK_SLOP[byFinger(ev.evt) ? 'finger' : 'mouse'];
  if (first && second && Math.hypot(first.x - second.x, first.y - second.y) > slop) return;
  // Konva reads a click and a drag begun on the same spot straight after as a double click when the
  // drag is let go, unless the drag is its own: far out a card's drag is ours (no hit graph there),
  // and the card's editor opened as the drag ended and took the next keys (G typed into its title).
  // Released where it was pressed, or it was a drag.
  if (second && Math.hypot(ev.evt.clientX - second.x, ev.evt.clientY - second.y) > slop) return;
  const stage = ev.target.getStage();
  const p = stage?.getPointerPosition();
  if (!stage || !p || !writable()) return;
  const ui = useUi.getState();
  const b0 = toBoard(ui.viewport, p.x, p.y);
  const hit = hitAt(ev.target, b0);
  // During a vote two quick clicks on a card are two dots (each press placed one), not an edit.
  if (hit?.kind === 'element' && takesVote(hit.id)) return;
  // A private round's frame is paper to write on: two clicks in it make a private card, not an edit of its name.
  if (hit?.kind === 'element' && isPrivateFrame(hit.id)) return createAt('note', b0.x, b0.y);
  if (hit) {
    useUi.setState({ editingId: hit.id, selection: [hit.id] });
    return;
  }
  // Only empty paper makes a card (a double click on a button does not): in a lane or stage
  // the map's own card, a step; on the paper around the map, a sticky note.
  if (ui.tool === 'select' && ev.target === stage) {
    const cell = placeCard(currentView().grid, b0.x, b0.y, 0, 0);
    createAt(cell.laneId || cell.stageId ? 'step' : 'note', b0.x, b0.y);
  }
}

/** Right click: the menu (a finger's long press opens it from fingers.ts instead). */
export function onContextMenu(ev: PointerEv): void {
  ev.evt.preventDefault();
  const p = ev.target.getStage()?.getPointerPosition();
  if (!p || byFinger(ev.evt)) return;
  openMenuAt(ev.target, p);
}

/** Select what is under screen point p (keeping a selection it belongs to), or nothing on empty paper, and open the menu there. */
export function openMenuAt(target: Konva.Node, p: { x: number; y: number }): void {
  const ui = useUi.getState();
  const at = toBoard(ui.viewport, p.x, p.y);
  const hit = hitAt(target, at);
  const selection = !hit ? [] : ui.selection.includes(hit.id) ? ui.selection : [hit.id];
  useUi.setState({ selection, editingId: null, draft: null, menu: { x: p.x, y: p.y, at } });
}
