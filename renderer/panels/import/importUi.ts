import { create } from 'zustand';
import type { StepTable } from '../../../shared/ledger/importTable';

/**
 * The import dialog's state: open or not, and the table it starts with (read on the start
 * screen for a new session and carried across the page load in this tab's sessionStorage).
 */
interface ImportUi {
  open: boolean;
  /** a table read before the board opened, with its file's name */
  pending: { name: string; table: StepTable } | null;
}

export const useImportUi = create<ImportUi>(() => ({ open: false, pending: null }));

const key = (sessionId: string) => `brownpaper.import.${sessionId}`;

/** Keep a table read on the start screen for the board it opens; false when it does not fit (the dialog then asks for the file again). */
export function keepForBoard(sessionId: string, name: string, table: StepTable): boolean {
  try {
    sessionStorage.setItem(key(sessionId), JSON.stringify({ name, table }));
    return true;
  } catch {
    return false;
  }
}

/** The table kept for this board, taken (once), and the dialog opened with it. */
export function takeKeptTable(sessionId: string): void {
  let kept: string | null = null;
  try {
    kept = sessionStorage.getItem(key(sessionId));
    sessionStorage.removeItem(key(sessionId));
  } catch {
    return;
  }
  if (kept) useImportUi.setState({ open: true, pending: JSON.parse(kept) as ImportUi['pending'] });
}
