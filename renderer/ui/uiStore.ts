import { create } from 'zustand';
import type { Role } from '../../shared/session';

export type Tool = 'select' | 'note';
export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

export interface Viewport {
  /** screen position of board point (0, 0) */
  x: number;
  y: number;
  scale: number;
}

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
  /** the canvas element's size in CSS px */
  canvasSize: { width: number; height: number };
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
  canvasSize: { width: 0, height: 0 },
}));

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;
