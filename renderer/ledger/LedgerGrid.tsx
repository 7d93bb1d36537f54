import { useVirtualizer, defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import type { LedgerColumn, LedgerContext } from '../../shared/ledger/columns';
import { formatMoney } from '../../shared/model/money';
import type { Step } from '../../shared/model/step';
import { bringIntoView } from '../canvas/zoom';
import { onUndoRedo } from '../commands/dispatch';
import { currentView } from '../state/boardView';
import { useBoard } from '../state/boardStore';
import { usePresence, shareLedgerCell } from '../state/presence';
import { useUi } from '../state/uiStore';
import { usePhone } from '../state/phoneLayout';
import { cellFitOf, type CellFit } from './cellFit';
import { columnWindow, sameWindow } from './columnWindow';
import { cellAt, clearCells, copyText, editable, fillDown, pasteText, readOnlyReason, selectedRect, warmPaste, writeCells, type Rect } from './ledgerEdits';
import { useLedger, type CellRef } from './ledgerStore';
import type { LedgerModel } from './useLedgerModel';
import { UserText } from '../ui/UserText';

/** A column's width in px: titles wide, flags narrow, figures to fit "1.234.567,89 €". */
function widthOf(c: LedgerColumn): number {
  if (c.key === 'title') return 240;
  if (c.key === 'lane' || c.key === 'stage' || c.key === 'owner') return 140;
  if (c.group === 'evidence') return 160;
  if (c.group === 'scenario') return 150;
  if (['painPoint', 'failPoint', 'waitPoint', 'momentOfTruth'].includes(c.key)) return 96;
  return c.numeric ? 128 : 130;
}

const sortAria = (key: string, sort: ReturnType<typeof useLedger.getState>['sort']) => (sort?.column === key ? sort.dir : 'none');

/**
 * The board as a live table: an ARIA grid of one row per step (virtualised: 10,000 rows draw
 * only what is in view), a header row that sorts, group rows with their subtotals, and a
 * totals row. One cell at a time takes focus (a roving tabindex); keys, typing and the
 * clipboard work as in a spreadsheet, and every change goes out as one editCells operation.
 */
export function LedgerGrid({ model }: { model: LedgerModel }) {
  const { rows, columns, sheet, ctx, totals, totalLabel, heldBack } = model;
  const phone = usePhone();
  const rowHeight = phone ? 44 : 30;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const active = useLedger((s) => s.active);
  const anchor = useLedger((s) => s.anchor);
  const editing = useLedger((s) => s.editing);
  const sort = useLedger((s) => s.sort);
  const held = useLedger((s) => s.held);
  const picked = useUi((s) => s.selection);
  const bigScreen = useUi((s) => s.bigScreen);
  const peers = usePresence((s) => s.peers);
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;
  // The column whose header has the keyboard (arrow up from the first row: ARIA's grid pattern,
  // where the header row is the grid's first row), so a keyboard user sorts with Enter or Space;
  // null: the keyboard is in the rows. Only the window's: nothing else needs to know.
  const [headerKey, setHeaderKey] = useState<string | null>(null);
  const headerRef = useRef(headerKey);
  headerRef.current = headerKey;

  const widths = useMemo(() => columns.map(widthOf), [columns]);
  const lefts = useMemo(() => widths.reduce<number[]>((acc, w, i) => [...acc, i === 0 ? 0 : acc[i - 1] + widths[i - 1]], []), [widths]);
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  // Where each step's row is among all rows (group rows included), for scrolling and aria-rowindex.
  const rowIndexOf = useMemo(() => {
    // A loop, not flatMap: an array per row was a fifth of the table's redraw after a paste on 10,000 steps.
    const at = new Map<string, number>();
    rows.forEach((r, i) => r.kind === 'step' && at.set(r.step.id, i));
    return at;
  }, [rows]);
  const activeRow = active ? (rowIndexOf.get(active.stepId) ?? -1) : -1;
  // The active row is always drawn, even scrolled out of view: it holds the grid's one tab stop.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      return activeRow >= 0 && !shown.includes(activeRow) ? [...shown, activeRow].sort((a, b) => a - b) : shown;
    },
    [activeRow],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // Rows drawn past each edge: one frame of a fast flick (bench:ledger's 120 px). Eight drew 16
    // rows nobody saw, and every frame's layout, paint and layers carried them: 12.0 against 13.4 ms
    // of the page's CPU a scrolled frame (scripts/dev/ledgerBuildsAB.mjs, 6 rounds, load 18).
    overscan: 4,
    rangeExtractor,
    scrollPaddingStart: rowHeight,
    scrollPaddingEnd: rowHeight,
  });

  const rect = useMemo<Rect | null>(() => selectedRect(sheet), [sheet, active, anchor]); // eslint-disable-line react-hooks/exhaustive-deps
  const stepIndex = useMemo(() => new Map(sheet.steps.map((s, i) => [s.id, i])), [sheet]);
  // Someone else deleted the step being typed into: its row and editor are gone, so what was
  // typed is said in the ledger's line rather than lost without a word.
  const editingStepId = editing?.stepId;
  useEffect(() => {
    const e = useLedger.getState().editing;
    if (!e || e.stepId !== editingStepId || e.stepId in useBoard.getState().elements) return;
    useLedger.setState({ editing: null, error: `The step you were typing in was deleted by someone else; what you typed: “${e.text.slice(0, 200)}”` });
  }, [sheet, editingStepId]);
  // Only the cells people type into, not their pointers: a row redraws when someone starts or stops typing in it.
  const peerKey = JSON.stringify(Object.values(peers).flatMap((p) => (p.ledgerCell ? [[`${p.ledgerCell.stepId}|${p.ledgerCell.column}`, p.user.name, p.user.color]] : [])));
  const peerCells = useMemo(() => new Map((JSON.parse(peerKey) as [string, string, string][]).map(([k, name, color]) => [k, { name, color }])), [peerKey]);
  const pickedSet = useMemo(() => new Set(picked), [picked]);

  // Which texts fit their cells, in the cells' font (larger on a phone and on the big screen):
  // those need no clip. Until it is known, every text is clipped.
  const [fit, setFit] = useState<CellFit | null>(null);
  const hasStepRows = sheet.steps.length > 0;
  useLayoutEffect(() => {
    // A step's cell, else the totals' (bold: wider, so what it says fits does).
    const cell = gridRef.current?.querySelector<HTMLElement>('.ledger-body .ledger-row.step .ledger-cell') ?? gridRef.current?.querySelector<HTMLElement>('.ledger-foot .ledger-cell');
    setFit(cell ? cellFitOf(cell) : null);
  }, [phone, bigScreen, hasStepRows]);

  // The others see which cell this person types into, in this person's colour.
  const editingCell = editing ? `${editing.stepId}|${editing.column}` : null;
  useEffect(() => {
    shareLedgerCell(editingCell ? { stepId: editingCell.split('|')[0], column: editingCell.slice(editingCell.indexOf('|') + 1) } : null);
  }, [editingCell]);
  useEffect(() => () => shareLedgerCell(null), []);
  // An undo or redo changes what a refusal or a paste's count was about: the line goes with it
  // (Ctrl+Z after a refused cell left "Row 4, Volume: …" showing over a table that had moved on).
  // Not while a refused text waits in its editor: the line says what is wrong with that text.
  useEffect(() => onUndoRedo(() => !useLedger.getState().editing && useLedger.setState({ error: null, note: null })), []);
  const quietFocus = useRef(false);
  // Opened (L, or its button), the ledger takes the keyboard: the arrows that follow move in the
  // table, not on the board behind it — unless the person is typing in a field or a dialog.
  useEffect(() => {
    const from = document.activeElement;
    if (from instanceof HTMLInputElement || from instanceof HTMLTextAreaElement || from instanceof HTMLSelectElement || from?.closest('[role="dialog"]')) return;
    // Not if the person has clicked somewhere since (a frame is long on a busy laptop); and the
    // cell takes the focus without becoming the active one, which would pick its card on the board.
    const frame = requestAnimationFrame(() => {
      if (document.activeElement !== from) return;
      quietFocus.current = true;
      scrollRef.current?.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')?.focus({ preventScroll: true });
      quietFocus.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  // Once the table is drawn and the page is idle: a paste's checks run once on the first row (ledgerEdits.ts says why).
  useEffect(() => {
    const warm = () => warmPaste(sheetRef.current);
    if (typeof requestIdleCallback !== 'function') {
      const later = setTimeout(warm);
      return () => clearTimeout(later);
    }
    const idle = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);

  // The rows selected here are the cards selected on the board.
  useEffect(() => {
    if (!rect) return;
    const ids = sheet.steps.slice(rect.top, Math.min(rect.bottom + 1, rect.top + 500)).map((s) => s.id);
    const now = useUi.getState().selection;
    if (ids.length !== now.length || ids.some((id, i) => now[i] !== id)) {
      useUi.setState({ selection: ids });
      // One row picked: the board pans just enough to show its card, as Tab on the board does, so
      // the card is in sight beside the table and back on the board (a phone's ledger covers it):
      // it was picked off-screen, its bar at the bottom for a card nobody could see.
      const box = ids.length === 1 ? currentView().boxes.get(ids[0]) : undefined;
      if (box) bringIntoView(box);
    }
  }, [rect?.top, rect?.bottom]); // eslint-disable-line react-hooks/exhaustive-deps
  // A card picked on the board: its row becomes the active one, scrolled to and highlighted.
  useEffect(() => {
    if (picked.length !== 1) return;
    const { active: a } = useLedger.getState();
    if (a?.stepId === picked[0] || !stepIndex.has(picked[0])) return;
    useLedger.setState({ active: { stepId: picked[0], column: a?.column ?? 'title' }, anchor: null, editing: null });
    const at = rowIndexOf.get(picked[0]);
    if (at !== undefined) virtualizer.scrollToIndex(at, { align: 'center' });
  }, [picked]); // eslint-disable-line react-hooks/exhaustive-deps

  // Keys move the active cell: scroll its row into view and give it the focus (when the grid has it).
  // Shift with a key moves the selection's other corner instead: the view follows that corner, as
  // a spreadsheet's does (the block grown past the right edge showed none of the cells it took in).
  const focusActive = useRef(false);
  const followAnchor = useRef(false);
  useLayoutEffect(() => {
    if (!focusActive.current || !active) return;
    focusActive.current = false;
    const corner = followAnchor.current && anchor ? anchor : active;
    followAnchor.current = false;
    const cornerRow = rowIndexOf.get(corner.stepId) ?? -1;
    if (cornerRow >= 0) virtualizer.scrollToIndex(cornerRow, { align: 'auto' });
    scrollToColumn(columns.findIndex((c) => c.key === corner.column));
    if (!editing) gridRef.current?.querySelector<HTMLElement>('[data-active="true"]')?.focus({ preventScroll: true });
  });
  // The header the keyboard moved to takes the focus, its column scrolled into view.
  useLayoutEffect(() => {
    if (!headerKey) return;
    scrollToColumn(columns.findIndex((c) => c.key === headerKey));
    gridRef.current?.querySelector<HTMLElement>(`[role="columnheader"][data-column="${CSS.escape(headerKey)}"]`)?.focus({ preventScroll: true });
  }, [headerKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The step's title stays stuck at the left edge (frozen, as in a spreadsheet) and the table
  // scrolls sideways by whole columns (ledger.css: scroll snapping), so no cut-off column peeks
  // out beside it: a column is scrolled clear of the title, or to the first column edge at which
  // it shows whole on the right.
  const titleAt = columns.findIndex((c) => c.key === 'title');
  const frozen = titleAt >= 0 ? widths[titleAt] : 0;
  function scrollToColumn(col: number) {
    const scroller = scrollRef.current;
    if (!scroller || col < 0) return;
    const l = lefts[col] - (titleAt >= 0 && col > titleAt ? frozen : 0);
    if (l < scroller.scrollLeft) scroller.scrollLeft = Math.max(0, l);
    else if (lefts[col] + widths[col] > scroller.scrollLeft + scroller.clientWidth) {
      const need = lefts[col] + widths[col] - scroller.clientWidth;
      const edge = lefts.findIndex((x, i) => i > titleAt && x - frozen >= need);
      scroller.scrollLeft = edge >= 0 ? Math.min(lefts[edge] - frozen, l) : need;
    }
  }

  // The columns a step row draws (columnWindow.ts): kept as the table's sideways scroll and
  // visible width, and stored only when the window they give changes (a column's edge crossed),
  // not at every pixel nor at every scroll down the rows.
  const [xView, setXView] = useState({ left: 0, width: 0 });
  const shown = useMemo(() => columnWindow(lefts, widths, xView.left, xView.width, titleAt), [lefts, widths, xView, titleAt]);
  const xNow = useRef({ lefts, widths, titleAt, xView });
  xNow.current = { lefts, widths, titleAt, xView };
  const viewWidth = useRef(0);
  const syncColumns = useCallback((sync: boolean) => {
    const el = scrollRef.current;
    if (!el) return;
    const { lefts: l, widths: w, titleAt: t, xView: was } = xNow.current;
    const next = { left: el.scrollLeft, width: viewWidth.current };
    if (next.left === was.left && next.width === was.width) return;
    if (sameWindow(columnWindow(l, w, was.left, was.width, t), columnWindow(l, w, next.left, next.width, t))) return;
    // In the scroll's own event, before the frame is painted: a frame of blank cells otherwise.
    if (sync) flushSync(() => setXView(next));
    else setXView(next);
  }, []);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    viewWidth.current = el.clientWidth;
    syncColumns(false);
    // Captured, so it runs before the rows' virtualiser reads its offset and redraws: the scroll
    // position is read while the layout is still clean, never forcing one.
    const onScroll = () => syncColumns(true);
    el.addEventListener('scroll', onScroll, { passive: true, capture: true });
    const resized = new ResizeObserver(() => {
      viewWidth.current = el.clientWidth;
      syncColumns(true);
    });
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll, { capture: true });
      resized.disconnect();
    };
  }, [syncColumns]);
  // Columns chosen or hidden: the same scroll shows other columns.
  useLayoutEffect(() => syncColumns(false), [lefts, syncColumns]);

  // A sorted table holds its rows' order while the keyboard is in it, and lets it go when the
  // keyboard leaves (heldOrder.ts says why). Held as the rows show now, whenever the keyboard is
  // in the table, sorted, with nothing held: it came in, or a header was clicked.
  const holdIfIn = () => {
    const { sort: sorted, held: now } = useLedger.getState();
    if (sorted && !now && gridRef.current?.contains(document.activeElement)) useLedger.setState({ held: sheetRef.current.steps.map((s) => s.id) });
  };
  useLayoutEffect(holdIfIn, [sort, held]);
  const onGridBlur = (e: React.FocusEvent) => {
    if (gridRef.current?.contains(e.relatedTarget as Node | null)) return;
    // Nowhere (null) is also where the focus is for a moment while an editor closes and its cell
    // takes it back: asked once that is done.
    setTimeout(() => {
      if (useLedger.getState().held && !gridRef.current?.contains(document.activeElement)) useLedger.setState({ held: null });
    });
  };
  // A header's click sorts by it (again: the other way; a third time: board order). With rows held
  // out of their places, a click on the sorted column first puts them in them, the same way round.
  // A cell being typed into is finished first, as a click elsewhere finishes it.
  const sortBy = (key: string) => {
    if (useLedger.getState().editing) {
      if (!commit()) return backToRefused();
      focusActive.current = true;
    }
    useLedger.setState((st) => ({
      held: null,
      sort: st.sort?.column !== key ? { column: key, dir: 'ascending' } : heldBack ? st.sort : st.sort.dir === 'ascending' ? { column: key, dir: 'descending' } : null,
    }));
  };

  const moveTo = (row: number, col: number, extend: boolean) => {
    const s = sheetRef.current;
    if (s.steps.length === 0 || s.columns.length === 0) return;
    const r = Math.max(0, Math.min(s.steps.length - 1, row));
    const c = Math.max(0, Math.min(s.columns.length - 1, col));
    const cell: CellRef = { stepId: s.steps[r].id, column: s.columns[c].key };
    focusActive.current = true;
    followAnchor.current = extend;
    // The line about the last edit, paste or fill goes once the person moves on, as a spreadsheet's
    // warning goes with the cell it was about.
    if (extend) useLedger.setState({ anchor: cell, error: null, note: null });
    else useLedger.setState({ active: cell, anchor: null, error: null, note: null });
  };

  const startEditing = (text: string | null, whole = false) => {
    const s = sheetRef.current;
    const { active: a } = useLedger.getState();
    const { row, col } = cellAt(s, a);
    if (row < 0 || col < 0) return;
    const column = s.columns[col];
    if (!editable(column)) {
      useLedger.setState({ error: readOnlyReason(column) });
      return;
    }
    useLedger.setState({ editing: { ...a!, text: text ?? column.text(s.steps[row], s.ctx), whole: whole && text === null }, error: null, note: null });
  };

  /** The typed text written (or refused at the cell); true when the edit is over. */
  const commit = (): boolean => {
    const s = sheetRef.current;
    const { editing: e } = useLedger.getState();
    if (!e) return true;
    const { row, col } = cellAt(s, e);
    if (row < 0 || col < 0 || s.columns[col].text(s.steps[row], s.ctx) === e.text) {
      useLedger.setState({ editing: null });
      return true;
    }
    const ok = writeCells(s, [{ row, col, text: e.text }]);
    if (ok) useLedger.setState({ editing: null });
    return ok;
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const typed = useLedger.getState().editing;
    if (typed) {
      // Keys typed fast after the first one, before the editor has the focus, go into it too.
      if (e.target === e.currentTarget || (e.target as HTMLElement).getAttribute('role') === 'gridcell') {
        if (typedCharacter(e)) {
          e.preventDefault();
          e.stopPropagation();
          useLedger.setState({ editing: { ...typed, text: typed.whole ? e.key : typed.text + e.key, whole: false } });
        }
      }
      return; // the editor's own keys (below)
    }
    const s = sheetRef.current;
    if (headerRef.current !== null) return onHeaderKey(e, headerRef.current);
    const { active: a, anchor: b } = useLedger.getState();
    const here = cellAt(s, a);
    if (here.row < 0 || here.col < 0) {
      if (s.steps.length && ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', 'Tab'].includes(e.key)) {
        e.preventDefault();
        e.stopPropagation();
        // The first row's first cell holds the tab stop until a key picks a cell: arrow up from it is the headers'.
        if (e.key === 'ArrowUp' && s.columns.length) setHeaderKey(s.columns[0].key);
        else moveTo(0, 0, false);
      }
      return;
    }
    const corner = b ? cellAt(s, b) : here;
    const from = e.shiftKey && corner.row >= 0 ? corner : here;
    const mod = e.ctrlKey || e.metaKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / rowHeight) - 2);
    const handled = (f: () => void) => {
      e.preventDefault();
      e.stopPropagation();
      f();
    };
    const key = e.key;
    if (key === 'ArrowDown') return handled(() => moveTo(mod ? s.steps.length - 1 : from.row + 1, from.col, e.shiftKey));
    if (key === 'ArrowUp' && !mod && !e.shiftKey && from.row === 0) return handled(() => setHeaderKey(s.columns[from.col].key));
    if (key === 'ArrowUp') return handled(() => moveTo(mod ? 0 : from.row - 1, from.col, e.shiftKey));
    if (key === 'ArrowRight') return handled(() => moveTo(from.row, mod ? s.columns.length - 1 : from.col + 1, e.shiftKey));
    if (key === 'ArrowLeft') return handled(() => moveTo(from.row, mod ? 0 : from.col - 1, e.shiftKey));
    if (key === 'Home') return handled(() => moveTo(mod ? 0 : from.row, 0, e.shiftKey));
    if (key === 'End') return handled(() => moveTo(mod ? s.steps.length - 1 : from.row, s.columns.length - 1, e.shiftKey));
    if (key === 'PageDown') return handled(() => moveTo(from.row + page, from.col, e.shiftKey));
    if (key === 'PageUp') return handled(() => moveTo(from.row - page, from.col, e.shiftKey));
    if (key === 'Tab') {
      // Along the row, then on to the next row's first cell, as in a spreadsheet; Shift+Tab the
      // same way back. Past the very last cell, and before the very first, the browser takes the
      // focus out of the table (to what follows it, or what comes before): never a keyboard trap,
      // and Shift+Tab (or Tab) from there comes back to that cell, the grid's one tab stop.
      const to = tabFrom(here, e.shiftKey);
      if (to) handled(() => moveTo(to.row, to.col, false));
      return;
    }
    if (key === 'Enter' || key === 'F2') return handled(() => startEditing(null));
    if (key === 'Delete' || key === 'Backspace') return handled(() => clearCells(s));
    if (key === 'Escape') {
      if (b) handled(() => useLedger.setState({ anchor: null }));
      return;
    }
    if (mod && !e.altKey && key.toLowerCase() === 'd') return handled(() => fillDown(s));
    if (mod && !e.altKey && key.toLowerCase() === 'a')
      return handled(() =>
        useLedger.setState({ active: { stepId: s.steps[0].id, column: s.columns[0].key }, anchor: { stepId: s.steps[s.steps.length - 1].id, column: s.columns[s.columns.length - 1].key } }),
      );
    // A character typed on a cell replaces what it holds, as in a spreadsheet.
    if (typedCharacter(e)) return handled(() => startEditing(key));
    // Anything else (Ctrl+Z, Ctrl+C, Ctrl+V…) goes on: undo is the board's, the clipboard comes as events.
  };

  /** The cell Tab (or Shift+Tab) goes to from `here`: along the row, then the next row's first cell (or the previous row's last); null past either end. */
  const tabFrom = (here: { row: number; col: number }, back: boolean): { row: number; col: number } | null => {
    const s = sheetRef.current;
    const col = here.col + (back ? -1 : 1);
    if (col >= 0 && col < s.columns.length) return { row: here.row, col };
    const row = here.row + (back ? -1 : 1);
    return row >= 0 && row < s.steps.length ? { row, col: back ? s.columns.length - 1 : 0 } : null;
  };

  // On a header: the arrows go along the headers, down to the first row; Enter and Space sort.
  // Tab leaves the table as from any cell; nothing typed here edits a cell.
  const onHeaderKey = (e: KeyboardEvent<HTMLDivElement>, key: string) => {
    const s = sheetRef.current;
    const col = s.columns.findIndex((c) => c.key === key);
    const to = (c: number) => setHeaderKey(s.columns[Math.max(0, Math.min(s.columns.length - 1, c))].key);
    const act: Record<string, (() => void) | undefined> = {
      ArrowLeft: () => to(col - 1),
      ArrowRight: () => to(col + 1),
      Home: () => to(0),
      End: () => to(s.columns.length - 1),
      ArrowDown: () => {
        if (!s.steps.length) return;
        setHeaderKey(null);
        moveTo(0, col, false);
      },
      Enter: () => sortBy(key),
      ' ': () => sortBy(key),
    };
    const f = act[e.key];
    if (f || (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey)) {
      e.preventDefault();
      e.stopPropagation();
      f?.();
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const s = sheetRef.current;
    const here = cellAt(s, useLedger.getState().editing);
    if (e.key === 'Enter' && e.altKey && !e.ctrlKey && !e.metaKey && here.col >= 0 && !s.columns[here.col].numeric) {
      // Alt+Enter: a new line in the cell's text, as Excel's (Shift+Enter stays "finish, go up").
      e.preventDefault();
      const area = e.currentTarget;
      area.setRangeText('\n', area.selectionStart, area.selectionEnd, 'end');
      const typed = useLedger.getState().editing;
      if (typed) useLedger.setState({ editing: { ...typed, text: area.value } });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (commit()) moveTo(here.row + (e.shiftKey ? -1 : 1), here.col, false);
    } else if (e.key === 'Tab') {
      // As Tab on a cell; at either end of the table the browser takes the focus out and the
      // editor's blur writes what was typed, as a click elsewhere does.
      const to = tabFrom(here, e.shiftKey);
      if (to) {
        e.preventDefault();
        if (commit()) moveTo(to.row, to.col, false);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelled.current = true;
      focusActive.current = true;
      useLedger.setState({ editing: null, error: null });
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z' && here.row >= 0 && here.col >= 0) {
      // Ctrl+Z in the cell takes the whole typing back, as Excel's does: the cell's figure comes
      // back, selected, for the next keys to replace. The input's own undo stopped at the first key
      // typed (it replaced the figure outside the input's history), so "8.000" typed over as
      // "1.234,50" came back as "1", which the next click wrote: a volume of 1, silently.
      const held = s.columns[here.col].text(s.steps[here.row], s.ctx);
      const typed = useLedger.getState().editing;
      if (typed && typed.text !== held) {
        e.preventDefault();
        const input = e.currentTarget;
        useLedger.setState({ editing: { ...typed, text: held, whole: true }, error: null });
        requestAnimationFrame(() => input.select());
      }
    }
    e.stopPropagation();
  };
  const cancelled = useRef(false);
  // A click elsewhere (another cell, the board, empty space) finishes the edit, as people finish
  // edits. What the cell refuses stays in its editor with the reason, never thrown away: the
  // person clicks back into it to mend it, or presses Escape there to drop it.
  const onEditorBlur = () => {
    if (cancelled.current) {
      cancelled.current = false;
      return;
    }
    commit();
  };
  // Back to the editor the cell refused, scrolled into view: the click that was refused may have scrolled the table to
  // another column (a cell half out of view is scrolled in first), leaving the red line with no editor to be seen.
  const backToRefused = () => {
    const typed = useLedger.getState().editing;
    if (typed) {
      const r = rowIndexOf.get(typed.stepId);
      if (r !== undefined) virtualizer.scrollToIndex(r, { align: 'auto' });
      scrollToColumn(columns.findIndex((c) => c.key === typed.column));
    }
    const editor = () => scrollRef.current?.querySelector<HTMLTextAreaElement>('.ledger-editor');
    editor()?.focus({ preventScroll: false });
    requestAnimationFrame(() => editor()?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  };

  const dragging = useRef(false);
  const onCellDown = (e: MouseEvent, stepId: string, column: string) => {
    if (e.button !== 0) return;
    if (headerRef.current !== null) setHeaderKey(null);
    if (e.shiftKey && useLedger.getState().active) {
      e.preventDefault();
      useLedger.setState({ anchor: { stepId, column }, error: null, note: null });
      return;
    }
    // A cell being typed into is finished first, then the click picks the other cell; one that
    // refuses what was typed keeps it, and the focus, as a spreadsheet does.
    if (useLedger.getState().editing && !commit()) {
      e.preventDefault();
      backToRefused();
      return;
    }
    const { active: a } = useLedger.getState();
    const same = a?.stepId === stepId && a.column === column;
    if (same && phone && !useLedger.getState().editing) {
      // A tap on the cell already picked edits it: a phone has no F2. The press must not take the
      // focus back to the cell, or the editor would close as it opens. A figure is selected whole,
      // so the next figures typed replace it; words (a title, an owner) are added to, as a person
      // tapping a title means to: selected whole, the first letter typed wiped the title.
      e.preventDefault();
      startEditing(null, sheetRef.current.columns.find((c) => c.key === column)?.numeric ?? false);
      return;
    }
    // A click on the active cell of a block picks that cell alone, as in Excel: the block stayed
    // picked, and the cell pasted next went into every cell of it.
    if (!same || useLedger.getState().anchor) useLedger.setState({ active: { stepId, column }, anchor: null, error: null, note: null });
    dragging.current = true;
    const up = () => {
      dragging.current = false;
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointerup', up);
  };
  // A press in the table but on no step's cell — a group's header row, the totals row, the empty
  // space under the rows — leaves the keyboard in the grid (ARIA's grid: the focus stays on a
  // cell), where the browser would have dropped it on the page and the arrows did nothing until a
  // cell was clicked. An edit is finished as any click elsewhere finishes it; a group's header puts
  // the active cell on the group's first step, in the column the keyboard was in, as a
  // spreadsheet's click on a row's heading goes to that row. The scroll bars are left alone.
  const onSpaceDown = (e: MouseEvent<HTMLDivElement>) => {
    const scroller = scrollRef.current;
    const target = e.target as Element;
    if (e.button !== 0 || !scroller) return;
    if (target.closest('.ledger-row.step [role="gridcell"], .ledger-editor, .ledger-error')) return;
    if (target === scroller && (e.nativeEvent.offsetX >= scroller.clientWidth || e.nativeEvent.offsetY >= scroller.clientHeight)) return;
    const tabStop = () => gridRef.current?.querySelector<HTMLElement>('[tabindex="0"]');
    // A header sorts on its click and keeps the focus where it was: in the table, or brought into it.
    if (target.closest('[role="columnheader"]')) {
      if (!gridRef.current?.contains(document.activeElement)) tabStop()?.focus({ preventScroll: true });
      return;
    }
    e.preventDefault();
    if (headerRef.current !== null) {
      setHeaderKey(null);
      focusActive.current = true;
    }
    const group = Number(target.closest<HTMLElement>('.ledger-row.group')?.dataset.row ?? -1);
    const first = group >= 0 ? rows[group + 1] : undefined;
    if (first?.kind === 'step') {
      if (useLedger.getState().editing && !commit()) return backToRefused();
      const col = sheetRef.current.columns.findIndex((c) => c.key === useLedger.getState().active?.column);
      return moveTo(stepIndex.get(first.step.id) ?? 0, Math.max(0, col), false);
    }
    if (useLedger.getState().editing) {
      // The editor closes and the active cell takes the focus back once it has (the layout effect above).
      if (commit()) focusActive.current = true;
      else backToRefused();
      return;
    }
    tabStop()?.focus({ preventScroll: true });
  };
  // A cell that gets the focus (Tab into the grid) is the active one.
  const onCellFocus = (stepId: string, column: string) => {
    if (headerRef.current !== null) setHeaderKey(null);
    if (quietFocus.current) return;
    const { active: a } = useLedger.getState();
    if (a?.stepId !== stepId || a.column !== column) useLedger.setState({ active: { stepId, column }, anchor: null, error: null, note: null });
  };
  const onCellEnter = (stepId: string, column: string) => {
    if (dragging.current) useLedger.setState({ anchor: { stepId, column } });
  };

  const onCopy = (e: React.ClipboardEvent) => {
    if (useLedger.getState().editing) return e.stopPropagation();
    const text = copyText(sheetRef.current);
    if (text === null) return;
    e.preventDefault();
    e.stopPropagation();
    e.clipboardData.setData('text/plain', text);
  };
  const onPaste = (e: React.ClipboardEvent) => {
    if (useLedger.getState().editing) return e.stopPropagation();
    e.preventDefault();
    e.stopPropagation();
    pasteText(sheetRef.current, e.clipboardData.getData('text/plain'));
  };

  // The rows are memoised: they get handlers that stay the same and call the latest ones.
  const latest = useRef({ onCellDown, onCellEnter, onCellFocus, startEditing, onEditorKey, onEditorBlur, sortBy });
  latest.current = { onCellDown, onCellEnter, onCellFocus, startEditing, onEditorKey, onEditorBlur, sortBy };
  const handlers = useMemo(
    () => ({
      onCellDown: (e: MouseEvent, stepId: string, column: string) => latest.current.onCellDown(e, stepId, column),
      onCellEnter: (stepId: string, column: string) => latest.current.onCellEnter(stepId, column),
      onCellFocus: (stepId: string, column: string) => latest.current.onCellFocus(stepId, column),
      // A cell already being typed into stays as it is: a phone's second tap, which opened it,
      // also arrives as a double click, and starting again lost the tap's selected text.
      onDoubleClick: () => useLedger.getState().editing === null && latest.current.startEditing(null),
      onEditorKey: (e: KeyboardEvent<HTMLTextAreaElement>) => latest.current.onEditorKey(e),
      onEditorBlur: () => latest.current.onEditorBlur(),
    }),
    [],
  );
  const onSort = useCallback((key: string) => latest.current.sortBy(key), []);

  const items = virtualizer.getVirtualItems();
  const firstCell = !headerKey && (!active || activeRow < 0);
  return (
    <div className="ledger-scroll" ref={scrollRef} style={{ scrollPaddingLeft: frozen }} onMouseDown={onSpaceDown}>
      <div
        ref={gridRef}
        role="grid"
        aria-label="Ledger: one row per step"
        aria-rowcount={rows.length + 2}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        className="ledger-grid"
        style={{ width: totalWidth, '--ledger-row-height': `${rowHeight}px` } as React.CSSProperties}
        onKeyDown={onGridKey}
        onFocus={holdIfIn}
        onBlur={onGridBlur}
        onCopy={onCopy}
        onCut={onCopy}
        onPaste={onPaste}
      >
        <LedgerHead columns={columns} widths={widths} height={rowHeight} sort={sort} heldBack={heldBack} headerKey={headerKey} onSort={onSort} />
        <div role="rowgroup" className="ledger-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (row.kind === 'group')
              return (
                <div key={row.id} role="row" aria-rowindex={item.index + 2} data-row={item.index} className="ledger-row group" style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}>
                  <div role="gridcell" aria-colindex={1} aria-colspan={columns.length} className="ledger-cell group-cell" style={{ width: totalWidth }}>
                    {/* name and count stay together at the left while the row scrolls sideways (apart, the name slid over the count) */}
                    <span className="group-label">
                      <span className="group-name">
                        <UserText>{row.label}</UserText>
                      </span>
                      <span className="group-count">{row.count}</span>
                    </span>
                    {row.subtotal !== undefined && <span className="group-total">{formatMoney(row.subtotal, ctx.currency, ctx.locale)}</span>}
                  </div>
                </div>
              );
            const at = stepIndex.get(row.step.id) ?? -1;
            return (
              <StepRow
                key={row.step.id}
                step={row.step}
                ctx={ctx}
                columns={columns}
                widths={widths}
                lefts={lefts}
                width={totalWidth}
                from={shown.from}
                to={shown.to}
                frozen={titleAt}
                height={rowHeight}
                top={item.start}
                rowIndex={item.index + 2}
                picked={pickedSet.has(row.step.id)}
                selectedFrom={rect && at >= rect.top && at <= rect.bottom ? rect.left : -1}
                selectedTo={rect && at >= rect.top && at <= rect.bottom ? rect.right : -1}
                activeColumn={active?.stepId === row.step.id ? active.column : firstCell && at === 0 ? (columns[0]?.key ?? null) : null}
                focusable={(!headerKey && active?.stepId === row.step.id) || (firstCell && at === 0)}
                editingColumn={editing?.stepId === row.step.id ? editing.column : null}
                editing={editing?.stepId === row.step.id ? editing.text : null}
                editingWhole={editing?.stepId === row.step.id && editing.whole === true}
                peers={peerCells}
                fit={fit}
                {...handlers}
              />
            );
          })}
        </div>
        <LedgerFoot columns={columns} widths={widths} height={rowHeight} rowIndex={rows.length + 2} totals={totals} totalLabel={totalLabel} ctx={ctx} />
      </div>
      <RefusalAtCell scrollRef={scrollRef} />
    </div>
  );
}

/**
 * Why the cell being typed into refused its text, in a bubble right under it (above it by the
 * totals row): on a long table the line over the table was a screen away from the cell. It lives in
 * the scroller, outside the grid's rows (their virtualiser never knows it), so it moves with the
 * cell; each scroll places it again inside the table's visible edges, over the frozen title
 * rather than under it. The editor is described by it (aria-describedby="ledger-error").
 */
function RefusalAtCell({ scrollRef }: { scrollRef: React.RefObject<HTMLDivElement | null> }) {
  const error = useLedger((s) => (s.editing ? s.error : null));
  const cell = useLedger((s) => (s.editing ? `${s.editing.stepId}|${s.editing.column}` : null));
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const bubble = ref.current;
    if (!error || !scroller || !bubble) return;
    const place = () => {
      const editor = scroller.querySelector('.ledger-editor');
      const cellBox = editor?.closest('.ledger-cell')?.getBoundingClientRect();
      bubble.hidden = !cellBox;
      if (!editor || !cellBox) return;
      // A text of several lines is edited over the rows under its cell: the bubble goes under all of them.
      const at = { top: cellBox.top, left: cellBox.left, bottom: Math.max(cellBox.bottom, editor.getBoundingClientRect().bottom) };
      const view = scroller.getBoundingClientRect();
      const top = view.top + scroller.clientTop;
      const left = view.left + scroller.clientLeft;
      const headBottom = scroller.querySelector('.ledger-head')?.getBoundingClientRect().bottom ?? top;
      const footTop = scroller.querySelector('.ledger-foot')?.getBoundingClientRect().top ?? top + scroller.clientHeight;
      const { offsetWidth: w, offsetHeight: h } = bubble;
      // Under the cell; above it when the totals row would cover it and there is room there.
      const y = at.bottom + h + 2 > footTop && at.top - h - 2 >= headBottom ? at.top - h - 2 : at.bottom + 2;
      const x = Math.max(left + 4, Math.min(at.left, left + scroller.clientWidth - w - 4));
      bubble.style.transform = `translate(${Math.round(x - left + scroller.scrollLeft)}px, ${Math.round(y - top + scroller.scrollTop)}px)`;
    };
    place();
    scroller.addEventListener('scroll', place, { passive: true });
    const resized = new ResizeObserver(place);
    resized.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', place);
      resized.disconnect();
    };
  }, [error, cell, scrollRef]);
  if (!error) return null;
  return (
    <p ref={ref} role="alert" id="ledger-error" className="ledger-error at-cell">
      {error}
    </p>
  );
}

interface StepRowProps {
  step: Step;
  ctx: LedgerContext;
  columns: LedgerColumn[];
  widths: number[];
  /** each column's left edge in the row, and the row's whole width (px) */
  lefts: number[];
  width: number;
  /** the columns drawn (columnWindow.ts), first and last; and the frozen title's, drawn wherever it is (-1: none) */
  from: number;
  to: number;
  frozen: number;
  height: number;
  top: number;
  rowIndex: number;
  /** selected on the board */
  picked: boolean;
  /** the selected columns of this row, first and last; -1: none */
  selectedFrom: number;
  selectedTo: number;
  activeColumn: string | null;
  /** this row holds the grid's tab stop */
  focusable: boolean;
  /** the text typed into the active cell, while it is edited */
  editing: string | null;
  /** the edit began on a phone's tap: its text starts selected */
  editingWhole: boolean;
  editingColumn: string | null;
  peers: Map<string, { name: string; color: string }>;
  /** which texts fit their cells unclipped; null: clip them all */
  fit: CellFit | null;
  onCellDown(e: MouseEvent, stepId: string, column: string): void;
  onCellEnter(stepId: string, column: string): void;
  onCellFocus(stepId: string, column: string): void;
  onDoubleClick(): void;
  onEditorKey(e: KeyboardEvent<HTMLTextAreaElement>): void;
  onEditorBlur(): void;
}

/** The cell an event happened in (the cell itself or what it holds); null: none. */
const cellOf = (target: EventTarget | null): Element | null => (target instanceof Element ? target.closest('[role="gridcell"]') : null);
const columnOf = (target: EventTarget | null): string | null => cellOf(target)?.getAttribute('data-column') ?? null;

/**
 * One step's row: memoised, so a row redraws only when its step, the selection on it, the
 * columns or the columns drawn change. Scrolling mounts a few rows each frame, so a row draws
 * only the cells in view (columnWindow.ts; each keeps its aria-colindex, and the grid its
 * aria-colcount, so a screen reader still knows the table's width), and a cell is kept small: one
 * element for its text (the <bdi> that isolates it, as UserText does, carries the class), and the
 * pointer and focus handlers are the row's, finding their cell from the event (no closures per cell).
 */
const StepRow = memo(function StepRow(p: StepRowProps) {
  const id = p.step.id;
  // Where the last cell drawn ends: a column left out leaves its width as the next cell's margin.
  let end = 0;
  return (
    <div
      role="row"
      aria-rowindex={p.rowIndex}
      aria-selected={p.selectedFrom >= 0}
      // Striped by the row's own place, not its place among the rows drawn now: scrolling neither
      // swaps the stripes nor restyles every drawn row when one comes in at the top.
      className={`ledger-row step${p.rowIndex % 2 ? ' odd' : ''}${p.picked ? ' picked' : ''}`}
      style={{ height: p.height, width: p.width, transform: `translateY(${p.top}px)` }}
      onMouseDown={(e) => {
        const column = columnOf(e.target);
        if (column !== null) p.onCellDown(e, id, column);
      }}
      // mouseover bubbles (mouseenter does not): a drag across the row's cells is seen here once per cell entered
      onMouseOver={(e) => {
        const cell = cellOf(e.target);
        if (cell && cell !== cellOf(e.relatedTarget)) p.onCellEnter(id, cell.getAttribute('data-column')!);
      }}
      onFocus={(e) => {
        if ((e.target as Element).getAttribute('role') === 'gridcell') p.onCellFocus(id, (e.target as Element).getAttribute('data-column')!);
      }}
      onDoubleClick={(e) => columnOf(e.target) !== null && p.onDoubleClick()}
    >
      {p.columns.map((c, i) => {
        const isActive = p.activeColumn === c.key;
        // Out of view: not drawn, but for the frozen title, the cell holding the tab stop (the
        // keyboard's way back into the table) and the one being typed into.
        if ((i < p.from || i > p.to) && i !== p.frozen && !isActive && p.editingColumn !== c.key) return null;
        const gap = p.lefts[i] - end;
        end = p.lefts[i] + p.widths[i];
        const inRect = p.selectedFrom >= 0 && i >= p.selectedFrom && i <= p.selectedTo;
        const peer = p.peers.size ? p.peers.get(`${id}|${c.key}`) : undefined;
        const text = c.text(p.step, p.ctx);
        const canType = editable(c);
        const typing = p.editingColumn === c.key && p.editing !== null;
        // A cell that holds only its text is that text's one element (.cell-text, ledger.css):
        // no inner box to style, lay out and paint for each cell a scroll brings in.
        const plain = !typing && !peer;
        const lines = text.includes('\n') ? text.split(/\r?\n/) : null;
        const clip = !lines && p.fit?.fits(text, p.widths[i]) ? '' : ' clip';
        const cls = `ledger-cell${c.numeric ? ' numeric' : ''}${inRect ? ' selected' : ''}${isActive ? ' active' : ''}${canType ? '' : ' computed'}${peer ? ' peer-editing' : ''}${plain ? ` cell-text${clip}` : ''}`;
        return (
          <div
            key={c.key}
            role="gridcell"
            aria-colindex={i + 1}
            aria-selected={inRect}
            aria-readonly={canType ? undefined : true}
            tabIndex={isActive && p.focusable ? 0 : -1}
            data-active={isActive && p.focusable ? 'true' : undefined}
            data-column={c.key}
            className={cls}
            style={peer ? { width: p.widths[i], marginLeft: gap || undefined, boxShadow: `inset 0 0 0 2px ${peer.color}` } : { width: p.widths[i], marginLeft: gap || undefined }}
            title={peer ? `${peer.name} is typing here` : lines ? text : undefined}
          >
            {lines && !typing ? (
              <LinesInCell lines={lines} plain={plain} clip={clip} />
            ) : plain ? (
              text
            ) : p.editingColumn === c.key && p.editing !== null ? (
              <LedgerEditor text={p.editing} whole={p.editingWhole} label={c.label} onKey={p.onEditorKey} onBlur={p.onEditorBlur} />
            ) : (
              // UserText's isolation, on the one element the text needs
              <bdi className={`cell-text${clip}`}>{text}</bdi>
            )}
            {peer && (
              // The tag hangs from an anchor stuck inside the table's visible right edge: a cell of the
              // last column seen, running on off-screen, showed only the start of the name.
              <span className="peer-anchor" aria-hidden="true">
                <span className="peer-tag" style={{ background: peer.color }}>
                  {peer.name}
                </span>
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
});

/**
 * A text of several lines (a title typed with Shift+Enter on its card, or pasted so) on the row's
 * one line, as a spreadsheet shows a cell whose text does not wrap, with a mark where each line
 * breaks (the whole text in the cell's tooltip): run together, "Angebot⏎prüfen" read "Angebot prüfen"
 * and nothing said the card showed two lines. The mark is not read out; the space around it is.
 */
function LinesInCell({ lines, plain, clip }: { lines: string[]; plain: boolean; clip: string }) {
  const shown = lines.flatMap((line, i) =>
    i
      ? [
          ' ',
          <span key={i} className="line-break" aria-hidden="true">
            ⏎
          </span>,
          ' ',
          line,
        ]
      : [line],
  );
  return plain ? <>{shown}</> : <bdi className={`cell-text${clip}`}>{shown}</bdi>;
}

/**
 * The header row: every column's header, drawn whole (a screen reader reads the table's columns
 * from it; one row, drawn once). Memoised: the grid redraws as it scrolls, the headers do not.
 */
const LedgerHead = memo(function LedgerHead(p: {
  columns: LedgerColumn[];
  widths: number[];
  height: number;
  sort: ReturnType<typeof useLedger.getState>['sort'];
  heldBack: boolean;
  /** the header that has the keyboard; null: none */
  headerKey: string | null;
  onSort(key: string): void;
}) {
  return (
    <div role="rowgroup" className="ledger-head">
      <div role="row" aria-rowindex={1} className="ledger-row" style={{ height: p.height }}>
        {p.columns.map((c, i) => {
          const held = p.heldBack && p.sort?.column === c.key;
          return (
            <div
              key={c.key}
              role="columnheader"
              aria-colindex={i + 1}
              aria-sort={sortAria(c.key, p.sort)}
              tabIndex={p.headerKey === c.key ? 0 : -1}
              data-column={c.key}
              className={`ledger-cell${c.numeric ? ' numeric' : ''}${held ? ' held' : ''}`}
              style={{ width: p.widths[i] }}
              title={held ? `${c.label}: rows kept where they were while you work in the table; click (or Enter) to sort them again` : `${c.label}: click (or Enter) to sort`}
              // The keyboard stays in the table: the arrows go on moving in it, and its rows stay held.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => p.onSort(c.key)}
            >
              {c.label}
            </div>
          );
        })}
      </div>
    </div>
  );
});

/** The totals row, drawn whole and memoised as the header row is: the board's rollups, never a sum of the texts shown. */
const LedgerFoot = memo(function LedgerFoot(p: { columns: LedgerColumn[]; widths: number[]; height: number; rowIndex: number; totals: Map<string, bigint>; totalLabel: string; ctx: LedgerContext }) {
  return (
    <div role="rowgroup" className="ledger-foot">
      <div role="row" aria-rowindex={p.rowIndex} className="ledger-row totals" style={{ height: p.height }}>
        {p.columns.map((c, i) => {
          const t = p.totals.get(c.key);
          return (
            <div key={c.key} role="gridcell" aria-colindex={i + 1} className={c.numeric ? 'ledger-cell numeric' : 'ledger-cell'} style={{ width: p.widths[i] }} data-column={c.key}>
              {c.key === 'title' ? p.totalLabel : t !== undefined ? formatMoney(t, p.ctx.currency, p.ctx.locale) : ''}
            </div>
          );
        })}
      </div>
    </div>
  );
});

/**
 * A key that types a character into a cell. "@", "€", "{" come with Option on a German Mac
 * (Option+L, Option+E) and with AltGr on Windows (which reports Ctrl and Alt): they were taken
 * for shortcuts, so "@Vertrieb" typed on a cell did nothing. Alt with a letter or digit stays a
 * shortcut (Alt+D is the browser's), as do Ctrl and Cmd.
 */
function typedCharacter(e: KeyboardEvent<HTMLElement>): boolean {
  if (e.key.length !== 1 || e.metaKey) return false;
  if (!e.ctrlKey && !e.altKey) return true;
  return e.altKey && !/^[\p{L}\p{N}]$/u.test(e.key);
}

/**
 * The cell's editor: a text area one row tall, not an input, which drops a line break from its
 * value (a title typed on two lines with Shift+Enter on its card came back one line, and the click
 * that finished the edit wrote it so). A text of several lines opens over the rows under it, every
 * line in sight; Alt+Enter starts a new line, as in Excel.
 */
function LedgerEditor({ text, whole, label, onKey, onBlur }: { text: string; whole: boolean; label: string; onKey(e: KeyboardEvent<HTMLTextAreaElement>): void; onBlur(): void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const openedAt = useRef(performance.now());
  const refused = useLedger((s) => s.error !== null);
  const lines = text.split('\n').length;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    // F2, Enter or a double click edit after what is there, as in a spreadsheet; a phone's tap on
    // a figure selects it all, so the figures typed next replace it (a tap at a place moves the caret).
    if (whole) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, [whole]);
  return (
    <textarea
      ref={ref}
      className={lines > 1 ? 'ledger-editor lines' : 'ledger-editor'}
      rows={lines}
      wrap="off"
      aria-label={label}
      // A refused cell says so where the focus is: a screen reader hears the line with the cell, not only once as an alert.
      aria-invalid={refused || undefined}
      aria-describedby={refused ? 'ledger-error' : undefined}
      value={text}
      onChange={(e) => useLedger.setState((s) => ({ editing: s.editing && { ...s.editing, text: e.target.value } }))}
      onKeyDown={onKey}
      onBlur={onBlur}
      onMouseDown={(e) => {
        e.stopPropagation();
        // The tap that opened the editor ends with a mouse press on it, which would put the caret
        // at the end and lose the selection: only a later tap places the caret.
        if (whole && performance.now() - openedAt.current < 600) e.preventDefault();
      }}
    />
  );
}
