import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ledgerColumns, type LedgerColumn, type LedgerContext } from '../../shared/ledger/columns';
import { ledgerContext, stepsInLedgerOrder } from '../../shared/ledger/rows';
import { savings } from '../../shared/model/rollup';
import type { BoardElement } from '../../shared/model/board';
import type { Step } from '../../shared/model/step';
import { elementMap, useBoard } from '../state/boardStore';
import { placesKept } from '../state/boardView';
import { useCostView } from '../state/costView';
import { hasTimes } from '../panels/leadTimeText';
import { inHeldOrder } from './heldOrder';
import type { Sheet } from './ledgerEdits';
import { filtering, ledgerRows, type LedgerRow } from './ledgerRows';
import { shownColumns, useLedgerPrefs } from './ledgerPrefs';
import { useLedger } from './ledgerStore';

export interface LedgerModel {
  ctx: LedgerContext;
  columns: LedgerColumn[];
  rows: LedgerRow[];
  sheet: Sheet;
  /** how many steps the board has, whatever the filter shows */
  stepCount: number;
  /** the lanes by id and name, for the filter bar's choice */
  lanes: { id: string; name: string }[];
  /** the totals row per column key: the board's own rollups, never a sum of the texts shown */
  totals: Map<string, bigint>;
  /** the totals row's name: "Total", or "Total of the whole board" while a filter hides rows (it still matches the board's rollups) */
  totalLabel: string;
  /** some rows are out of their sorted places, held while the person works in the table (heldOrder.ts) */
  heldBack: boolean;
}

/**
 * The ledger's rows and columns, derived from the board store on each change (never copied
 * into the component): steps in ledger order, the registry's columns, the rollups.
 */
export function useLedgerModel(): LedgerModel {
  const elements = useBoard((s) => s.elements);
  const meta = useBoard((s) => s.meta);
  const scenarios = useBoard((s) => s.scenarios);
  const view = useLedger(useShallow((s) => ({ groupBy: s.groupBy, sort: s.sort, filter: s.filter })));
  const hidden = useLedgerPrefs((s) => s.hidden);
  const costs = useCostView();
  const held = useLedger((s) => s.held);
  const kept = useRef<{ elements: Record<string, BoardElement>; steps: Step[] } | null>(null);
  const sorted = useMemo(() => {
    const map = elementMap(elements);
    // A change that moves no step (a paste of figures) keeps the rows' order: each step's new record in its old place, no sort of 10,000.
    const was = kept.current;
    const steps = was && placesKept(was.elements, elements) ? was.steps.map((s) => elements[s.id] as Step) : stepsInLedgerOrder(map);
    kept.current = { elements, steps };
    // The as-is rollup is the cost view's (the same steps, summed once for the header, the cards and the table).
    const ctx = ledgerContext(map, steps, meta, scenarios, costs.asIs);
    const all = ledgerColumns(ctx);
    const columns = shownColumns(all, hidden);
    // The steps the header's "N missing" counts: without money, and without times once the board has some.
    const missing = new Set([...ctx.asIs.missing, ...(hasTimes(costs.asIsTime) ? costs.asIsTime.lead.missing : [])]);
    const rows = ledgerRows(steps, map, ctx, all, view, missing);
    const lanes = [...map.values()]
      .filter((e) => e.kind === 'lane')
      .sort((a, b) => ((a as { order: string }).order < (b as { order: string }).order ? -1 : 1))
      .map((e) => ({ id: e.id, name: (e as { name: string }).name }));
    const totals = new Map<string, bigint>([['periodCost', ctx.asIs.total]]);
    for (const s of ctx.scenarios) {
      totals.set(`scenario:${s.scenario.id}:periodCost`, s.rollup.total);
      totals.set(`scenario:${s.scenario.id}:saving`, savings(ctx.asIs, s.rollup).total);
    }
    return { ctx, columns, rows, lanes, totals, totalLabel: filtering(view.filter) ? 'Total of the whole board' : 'Total', stepCount: steps.length };
  }, [elements, meta, scenarios, view, hidden, costs]);
  // The order held while the person works in a sorted table: a memo of its own, so holding it or letting it go sorts nothing again.
  return useMemo(() => {
    const { rows, moved } = held && view.sort ? inHeldOrder(sorted.rows, held) : { rows: sorted.rows, moved: false };
    const steps: Step[] = [];
    for (const r of rows) if (r.kind === 'step') steps.push(r.step);
    const sheet: Sheet = { steps, columns: sorted.columns, ctx: sorted.ctx };
    return { ...sorted, rows, sheet, heldBack: moved };
  }, [sorted, held, view.sort]);
}
