/**
 * The columns a step row draws: those under the table's visible width, and one more past each
 * edge (a column's width, as the rows drawn past the top and bottom are about a flick's frame).
 * Each row drew all its ~26 cells while 6 to 12 show; every cell drawn is style, layout and paint
 * for each row a scroll brings in. The frozen title, the active cell and the cell being typed in
 * are drawn wherever they are (LedgerGrid.tsx); the others are left out, with their width kept as
 * the next drawn cell's left margin, so every cell stays at its column's place.
 */
interface ColumnWindow {
  /** the first and last column drawn (inclusive); to < from: none */
  from: number;
  to: number;
}

/** Columns drawn past each edge of the view. */
const OVERSCAN = 1;

/**
 * The window of columns (left edges `lefts`, widths `widths`, in px) seen through a view of
 * `width` px scrolled `left` px sideways, the column at `frozen` (-1: none) stuck at the view's
 * left edge once scrolled to it, covering the columns that pass under it. A view not measured yet
 * (width 0) draws every column.
 */
export function columnWindow(lefts: readonly number[], widths: readonly number[], left: number, width: number, frozen: number): ColumnWindow {
  const n = lefts.length;
  if (width <= 0) return { from: 0, to: n - 1 };
  const seenFrom = frozen >= 0 && frozen < n && left >= lefts[frozen] ? left + widths[frozen] : left;
  let from = 0;
  while (from < n - 1 && lefts[from] + widths[from] <= seenFrom) from++;
  let to = from;
  while (to < n - 1 && lefts[to + 1] < left + width) to++;
  return { from: Math.max(0, from - OVERSCAN), to: Math.min(n - 1, to + OVERSCAN) };
}

export const sameWindow = (a: ColumnWindow, b: ColumnWindow): boolean => a.from === b.from && a.to === b.to;
