import { create } from 'zustand';

/** A cell of the ledger: the step of its row and the key of its column (shared/ledger/columns.ts). */
export interface CellRef {
  stepId: string;
  column: string;
}

/** What the ledger's filter bar keeps: only waste, only pain points, only steps missing figures, one lane, a search. */
export interface LedgerFilter {
  waste: boolean;
  pain: boolean;
  missing: boolean;
  laneId: string | null;
  search: string;
}

/**
 * The ledger's own view state, per window and never in the Y.Doc: whether it is open, how its
 * rows are grouped, sorted and filtered (which columns show is the device's: ledgerPrefs.ts), the active cell and the other
 * corner of the selected rectangle, the text being typed into the active cell, and the one line
 * that says why a cell was refused. Cells are named by step and column, not by position, so
 * the selection stays on its cells while other people's edits re-sort or add rows.
 */
export interface LedgerState {
  open: boolean;
  groupBy: 'lane' | 'stage';
  sort: { column: string; dir: 'ascending' | 'descending' } | null;
  filter: LedgerFilter;
  active: CellRef | null;
  /** the selection's other corner (Shift+arrows, Shift+click, a drag); null: the active cell alone */
  anchor: CellRef | null;
  /** the cell being typed into and what it holds so far (its own cell: a click elsewhere moves the active cell before the edit is finished);
   *  whole: its text starts selected, so what a phone user types replaces it (a tap, then figures) */
  editing: (CellRef & { text: string; whole?: boolean }) | null;
  /** why the last edit, paste or fill was refused (shown with role="alert"); null: nothing wrong */
  error: string | null;
  /** what the last paste did, when it left cells out (shown with role="status") */
  note: string | null;
  /** the step rows' order, by step id, held while the person works in a sorted table (heldOrder.ts); null: as sorted */
  held: readonly string[] | null;
}

export const noFilter: LedgerFilter = { waste: false, pain: false, missing: false, laneId: null, search: '' };

export const useLedger = create<LedgerState>(() => ({
  open: false,
  groupBy: 'lane',
  sort: null,
  filter: noFilter,
  active: null,
  anchor: null,
  editing: null,
  error: null,
  note: null,
  held: null,
}));

export function toggleLedger(): void {
  useLedger.setState((s) => ({ open: !s.open, editing: null, error: null, note: null, held: null }));
}
