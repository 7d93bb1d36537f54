import type { BoardElement, BoardMeta } from '../model/board.js';
import { boardDefaults } from '../model/board.js';
import { compareOrder } from '../model/order.js';
import { rollup, savings, type Rollup } from '../model/rollup.js';
import type { Scenario } from '../model/scenario.js';
import type { Step } from '../model/step.js';
import type { LedgerContext } from './columns.js';

/**
 * A board's steps as rows: by lane, then stage, then board order (a step outside any lane or
 * stage last in its group). The cost table, the ledger and the XLSX export list them so.
 */
export function stepsInLedgerOrder(elements: ReadonlyMap<string, BoardElement>): Step[] {
  const orderOf = (id: string | null) => (id ? ((elements.get(id) as { order?: string } | undefined)?.order ?? '') : '~');
  const steps: Step[] = [];
  for (const e of elements.values()) if (e.kind === 'step') steps.push(e);
  return steps.sort((a, b) => {
    const [la, lb] = [orderOf(a.laneId), orderOf(b.laneId)];
    if (la !== lb) return la < lb ? -1 : 1;
    const [sa, sb] = [orderOf(a.stageId), orderOf(b.stageId)];
    if (sa !== sb) return sa < sb ? -1 : 1;
    return compareOrder(a, b);
  });
}

/** What the ledger's columns read besides a step: the board's format, names, and the rollups of the steps given. */
export function ledgerContext(
  elements: ReadonlyMap<string, BoardElement>,
  steps: readonly Step[],
  meta: Pick<BoardMeta, 'currency' | 'period' | 'locale'> | null,
  scenarios: readonly Scenario[],
  /** the as-is rollup of these steps when the caller has it already (the window's cost view): not summed twice after each edit */
  asIs: Rollup = rollup(steps),
): LedgerContext {
  const { currency, period, locale } = meta ?? boardDefaults;
  const name = (id: string | null) => (id ? ((elements.get(id) as { name?: string } | undefined)?.name ?? '') : '');
  return {
    locale,
    currency,
    period,
    laneName: name,
    stageName: name,
    asIs,
    scenarios: scenarios.map((scenario) => {
      const r = rollup(steps, scenario);
      return { scenario, rollup: r, savedByStep: savings(asIs, r).byStep };
    }),
  };
}
