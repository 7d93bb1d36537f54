import type { BoardElement } from '../../shared/model/board';
import type { LedgerColumn, LedgerContext } from '../../shared/ledger/columns';
import type { Step } from '../../shared/model/step';
import type { LedgerFilter, LedgerState } from './ledgerStore';
import { plural } from '../ui/plural';

/**
 * A row of the ledger: a group's header with its subtotal, or a step. `steps`: the group's steps
 * shown; `of`: all its steps on the board. The subtotal sums the steps shown (with a filter on,
 * `steps < of`, it is not the board's rollup for the group, and `count` says so).
 */
export type LedgerRow = { kind: 'group'; id: string; label: string; subtotal: bigint | undefined; steps: number; of: number; count: string } | { kind: 'step'; step: Step };

/** Whether the filter bar hides anything: then subtotals sum what is shown and the total row says it is the whole board's. */
export const filtering = (f: LedgerFilter): boolean => f.waste || f.pain || f.missing || f.laneId !== null || f.search.trim() !== '';

/** "3 steps", or with a filter on, "1 of 3 steps shown" */
const groupCount = (shown: number, of: number, filtered: boolean) => (filtered ? `${shown} of ${plural(of, 'step', 'steps')} shown` : plural(shown, 'step', 'steps'));

/** Whether a step passes the filter bar. `missing`: the steps the header's "N missing" counts. */
function passes(step: Step, filter: LedgerFilter, missing: ReadonlySet<string>, ctx: LedgerContext): boolean {
  if (filter.waste && step.valueClass !== 'waste') return false;
  if (filter.pain && !step.painPoint) return false;
  if (filter.missing && !missing.has(step.id)) return false;
  if (filter.laneId !== null && (step.laneId ?? '') !== filter.laneId) return false;
  const q = filter.search.trim().toLowerCase();
  if (q && ![step.title, step.owner, step.notes ?? '', ctx.laneName(step.laneId), ctx.stageName(step.stageId)].some((t) => t.toLowerCase().includes(q))) return false;
  return true;
}

const compareValues = (a: unknown, b: unknown): number => {
  // Blanks last whichever way the column is sorted: a step without the figure is not its smallest.
  if (a === null || a === '' || a === undefined) return b === null || b === '' || b === undefined ? 0 : 1;
  if (b === null || b === '' || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
};

/** The period cost of the steps shown; undefined when none of them has one (as the board's rollup has no entry then). */
function shownSum(members: readonly Step[], ctx: LedgerContext): bigint | undefined {
  let sum: bigint | undefined;
  for (const s of members) {
    const cost = ctx.asIs.stepCosts.get(s.id);
    if (cost !== undefined) sum = (sum ?? 0n) + cost;
  }
  return sum;
}

/**
 * The rows the ledger shows: the steps in ledger order (lane, stage, board order), grouped by
 * lane or by stage with a header row per group carrying its subtotal (the board's own while the
 * whole group shows, the sum of the rows shown while a filter hides some), filtered, and sorted
 * inside each group by the chosen column.
 */
export function ledgerRows(
  steps: readonly Step[],
  elements: ReadonlyMap<string, BoardElement>,
  ctx: LedgerContext,
  columns: readonly LedgerColumn[],
  view: Pick<LedgerState, 'groupBy' | 'sort' | 'filter'>,
  missing: ReadonlySet<string>,
): LedgerRow[] {
  const field = view.groupBy === 'lane' ? 'laneId' : 'stageId';
  const orderOf = (id: string | null) => (id ? ((elements.get(id) as { order?: string } | undefined)?.order ?? '') : '~');
  const groups = new Map<string, Step[]>();
  const sizes = new Map<string, number>();
  const filtered = filtering(view.filter);
  for (const s of steps) {
    const key = s[field] ?? '';
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
    if (!passes(s, view.filter, missing, ctx)) continue;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    const [oa, ob] = [orderOf(a || null), orderOf(b || null)];
    return oa < ob ? -1 : oa > ob ? 1 : 0;
  });
  const column = view.sort ? columns.find((c) => c.key === view.sort!.column) : undefined;
  const sign = view.sort?.dir === 'descending' ? -1 : 1;
  const rows: LedgerRow[] = [];
  for (const key of keys) {
    let members = groups.get(key)!;
    if (column) {
      const values = new Map(members.map((s) => [s.id, column.value(s, ctx)]));
      members = [...members].sort((a, b) => {
        const [va, vb] = [values.get(a.id), values.get(b.id)];
        if (va === null || va === '' || vb === null || vb === '') return compareValues(va, vb);
        return sign * compareValues(va, vb);
      });
    }
    const label = (view.groupBy === 'lane' ? ctx.laneName(key || null) : ctx.stageName(key || null)) || (view.groupBy === 'lane' ? 'Not in a lane' : 'Not in a stage');
    const of = sizes.get(key)!;
    // All the group shown: the board's own rollup for it. Some hidden: the sum of the rows shown, so the header adds up what is under it.
    const subtotal = members.length === of ? (view.groupBy === 'lane' ? ctx.asIs.byLane : ctx.asIs.byStage).get(key) : shownSum(members, ctx);
    rows.push({ kind: 'group', id: `group:${key}`, label, subtotal, steps: members.length, of, count: groupCount(members.length, of, filtered) });
    for (const step of members) rows.push({ kind: 'step', step });
  }
  return rows;
}
