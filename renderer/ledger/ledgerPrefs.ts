import { create } from 'zustand';
import type { LedgerColumn } from '../../shared/ledger/columns';
import { usePhoneLayout } from '../state/phoneLayout';

/**
 * What this device remembers about the ledger, whichever board is open: the columns someone
 * hid with the column chooser and where they put the divider between the canvas and the
 * ledger. Kept in localStorage, never in the Y.Doc: a facilitator's wide projector and a
 * participant's laptop each keep their own.
 */
export interface LedgerPrefs {
  /** column keys hidden, or a whole group: 'evidence' (each figure's evidence and source), 'scenario' (each to-be's columns) */
  hidden: string[];
  /** the canvas's share of the width beside the ledger, in per cent */
  canvasShare: number;
}

const KEY = 'brownpaper.ledger';
export const splitBounds = { min: 25, max: 75, start: 50 };
/**
 * As the ledger first opens: everything but the evidence, which doubles the columns. On a phone
 * the lane and stage too: their 280 px left the step's title a sliver of a 390 px screen, and
 * the group rows already name the lane (or the stage). The column chooser brings them back.
 */
const firstPrefs = (): LedgerPrefs => ({ hidden: usePhoneLayout.getState().phone ? ['evidence', 'lane', 'stage'] : ['evidence'], canvasShare: splitBounds.start });

export const clampShare = (p: number) => Math.round(Math.max(splitBounds.min, Math.min(splitBounds.max, p)));

function saved(): LedgerPrefs {
  const first = firstPrefs();
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LedgerPrefs> | null;
    return {
      hidden: Array.isArray(v?.hidden) && v.hidden.every((k) => typeof k === 'string') ? v.hidden : first.hidden,
      canvasShare: typeof v?.canvasShare === 'number' && Number.isFinite(v.canvasShare) ? clampShare(v.canvasShare) : first.canvasShare,
    };
  } catch {
    return first; // nothing kept, or kept by hand and unreadable: start as new
  }
}

export const useLedgerPrefs = create<LedgerPrefs>(saved);

useLedgerPrefs.subscribe((prefs) => {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // private mode: the choice lasts for this page only
  }
});

/** The group a column is chosen with: evidence and scenario columns come and go as a block, the others one by one. */
const choiceOf = (c: LedgerColumn) => (c.group === 'evidence' || c.group === 'scenario' ? c.group : c.key);

/** The columns shown: the step's title always (it names the row), the others unless hidden. */
export function shownColumns(all: readonly LedgerColumn[], hidden: readonly string[]): LedgerColumn[] {
  const off = new Set(hidden);
  return all.filter((c) => c.key === 'title' || !off.has(choiceOf(c)));
}

export function showColumn(choice: string, show: boolean): void {
  useLedgerPrefs.setState((p) => ({ hidden: show ? p.hidden.filter((k) => k !== choice) : [...new Set([...p.hidden, choice])] }));
}
