import { savedWheelMode, type WheelMode } from './wheelMode';
import { create } from 'zustand';
import type { Role } from '../../shared/session';

export type Tool = 'select' | 'hand' | 'step' | 'note' | 'text' | 'connector' | 'frame';
/** `ended`: the host closed this person's connection for good (removed, session deleted): no reconnecting, nothing more saved. */
type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'ended';

export interface Viewport {
  /** screen position of board point (0, 0) */
  x: number;
  y: number;
  scale: number;
}

/** A gesture in progress, in board coordinates: drawn by the overlay layer, never stored. */
type Draft =
  | { kind: 'marquee'; x0: number; y0: number; x1: number; y1: number }
  | { kind: 'frame'; x0: number; y0: number; x1: number; y1: number }
  /** An arrow being drawn; from a card's + handle it makes a step where it is dropped on empty paper. */
  | { kind: 'connector'; fromId: string; x: number; y: number; overId: string | null; handle?: { direction: 'right' | 'down'; x0: number; y0: number } }
  /** moving the selection while the board is drawn in one pass (far zoomed out) */
  | { kind: 'move'; ids: string[]; x0: number; y0: number; dx: number; dy: number };

/** Local, per-window UI state; never in the Y.Doc. */
export interface UiState {
  tool: Tool;
  selection: string[];
  editingId: string | null;
  viewport: Viewport;
  role: Role | null;
  connection: ConnectionStatus;
  synced: boolean;
  helpOpen: boolean;
  /** the export dialog is open (Export, Ctrl+E, File ▸ Export…) */
  exporting: boolean;
  snapping: boolean;
  /** space held: dragging pans whatever the tool */
  spaceHeld: boolean;
  draft: Draft | null;
  /** snap guides while dragging (board coordinates) */
  guides: { x: number | null; y: number | null };
  /** the canvas element's size in CSS px */
  canvasSize: { width: number; height: number };
  /** last pointer position on the board, for paste */
  pointer: { x: number; y: number } | null;
  /** a message for the person at this window (refused input, …) */
  /** The short message at the foot of the window, and whether it reports something done or something refused. */
  toast: { text: string; tone: ToastTone } | null;
  /** the scenario whose figures the cards show; null = as-is */
  scenarioId: string | null;
  /** shade steps by their share of the total cost, or by their wait against the longest one; null: no heat */
  heat: null | 'cost' | 'wait';
  /** the timeline ladder under the stages (drawn only when some step has a time) */
  ladder: boolean;
  /** the side panel shown */
  panel: 'inspector' | 'dashboard' | 'votes' | null;
  /** the session this window shows and the key it joined with (for the host's HTTP API) */
  access: { sessionId: string; token: string } | null;
  /** the dashboard fills the window (the steering group's big screen) */
  bigDashboard: boolean;
  /** the projector's view: chrome hidden, large type */
  bigScreen: boolean;
  /** the join address and codes shown large (Invite, or J on the big screen) */
  joinInfo: boolean;
  /** the awareness client id whose view this window follows; null: free */
  following: number | null;
  /** what the mouse wheel does (kept on this computer) */
  wheel: WheelMode;
  /** cards are being dragged (Konva moves them; the store hears of it on release) */
  dragging: boolean;
  /** the right-click menu: where it opened, in canvas px and as a board point */
  menu: { x: number; y: number; at: { x: number; y: number } } | null;
}

export const useUi = create<UiState>(() => ({
  tool: 'select',
  selection: [],
  editingId: null,
  viewport: { x: 280, y: 100, scale: 1 },
  role: null,
  connection: 'connecting',
  synced: false,
  helpOpen: false,
  exporting: false,
  snapping: true,
  spaceHeld: false,
  draft: null,
  guides: { x: null, y: null },
  canvasSize: { width: 0, height: 0 },
  pointer: null,
  toast: null,
  scenarioId: null,
  heat: null,
  ladder: true,
  panel: null,
  access: null,
  bigDashboard: false,
  following: null,
  bigScreen: false,
  joinInfo: false,
  wheel: savedWheelMode(),
  menu: null,
  dragging: false,
}));

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;

let toastTimer: ReturnType<typeof setTimeout> | undefined;
/** 'done' for a success (an import made, the board reverted); 'refused' (the default) for what did not happen. */
export type ToastTone = 'done' | 'refused';
export function showToast(message: string, tone: ToastTone = 'refused'): void {
  useUi.setState({ toast: { text: message, tone } });
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => useUi.setState({ toast: null }), 4000);
}
/** Take a message back before its time, if it is still the one shown (it is out of date: what it said was fixed). */
export function withdrawToast(message: string): void {
  if (useUi.getState().toast?.text !== message) return;
  clearTimeout(toastTimer);
  useUi.setState({ toast: null });
}
