import { boardDefaults, readBoard, readMeta, type BoardElement } from '../../shared/model/board.js';
import { boardTime } from '../../shared/model/boardTime.js';
import { minorDigits, toDecimal } from '../../shared/model/money.js';
import { compareOrder } from '../../shared/model/order.js';
import { rollup, savings } from '../../shared/model/rollup.js';
import { readScenarios } from '../../shared/model/scenario.js';
import type { Step } from '../../shared/model/step.js';
import { leadTimeHoursSaved, timeSummary } from '../../shared/model/timeSummary.js';
import type * as Y from 'yjs';

/**
 * The cost rollup of a session as one JSON object; amounts are exact decimal strings. Totals
 * include the cost of rework; `time` says where the weeks go (lead time, PCE, the cost of
 * rework apart, steps without times), for the as-is and inside each scenario.
 */
export function costReport(doc: Y.Doc, sessionId: string) {
  const meta = readMeta(doc);
  const { elements } = readBoard(doc);
  const all = [...elements.values()];
  const steps = all.filter((e): e is Step => e.kind === 'step');
  const { currency, period, locale } = meta ?? boardDefaults;
  const digits = minorDigits(currency);
  const money = (v: bigint) => toDecimal(v, digits);
  const asIs = rollup(steps);
  const asIsTime = boardTime(all);
  const named = (kind: 'lane' | 'stage', sums: Map<string, bigint>) => {
    const out: Record<string, string> = {};
    // In board order (top to bottom, left to right), whatever order the records were stored or imported in.
    const bands = all.filter((e): e is Extract<BoardElement, { kind: 'lane' | 'stage' }> => e.kind === kind).sort(compareOrder);
    for (const b of bands) out[uniqueName(out, b.name || `(unnamed ${kind})`)] = money(sums.get(b.id) ?? 0n);
    if (sums.has('')) out[uniqueName(out, `(no ${kind})`)] = money(sums.get('')!);
    return out;
  };
  return {
    sessionId,
    currency,
    period,
    total: money(asIs.total),
    missing: asIs.missing.length,
    byLane: named('lane', asIs.byLane),
    byStage: named('stage', asIs.byStage),
    byValueClass: Object.fromEntries([...asIs.byValueClass].map(([k, v]) => [k, money(v)])),
    time: timeSummary(asIsTime.lead, asIs.rework, { currency, locale }),
    scenarios: readScenarios(doc).map((s) => {
      const r = rollup(steps, s);
      const t = boardTime(all, s);
      return {
        name: s.name,
        total: money(r.total),
        savings: money(savings(asIs, r).total),
        time: { ...timeSummary(t.lead, r.rework, { currency, locale }), leadTimeHoursSaved: leadTimeHoursSaved(asIsTime.lead, t.lead) },
      };
    }),
  };
}

/** Two lanes may share a name; the JSON object keys must not. */
function uniqueName(taken: Record<string, string>, name: string): string {
  let n = name;
  for (let i = 2; n in taken; i++) n = `${name} (${i})`;
  return n;
}
