import { boardDefaults, readBoard, readMeta, type BoardElement } from '../../shared/model/board.js';
import { minorDigits, toDecimal } from '../../shared/model/money.js';
import { rollup, savings } from '../../shared/model/rollup.js';
import { readScenarios } from '../../shared/model/scenario.js';
import type { Step } from '../../shared/model/step.js';
import type { Store } from '../host/store/store.js';
import { loadBoard } from './exchangeCommands.js';

/** The cost rollup of a session as one JSON object; amounts are exact decimal strings. */
export function costReport(store: Store, sessionId: string) {
  const doc = loadBoard(store, sessionId);
  const meta = readMeta(doc);
  const { elements } = readBoard(doc);
  const steps = [...elements.values()].filter((e): e is Step => e.kind === 'step');
  const { currency, period } = meta ?? boardDefaults;
  const digits = minorDigits(currency);
  const money = (v: bigint) => toDecimal(v, digits);
  const asIs = rollup(steps);
  const named = (kind: 'lane' | 'stage', sums: Map<string, bigint>) => {
    const out: Record<string, string> = {};
    const bands = [...elements.values()].filter((e): e is Extract<BoardElement, { kind: 'lane' | 'stage' }> => e.kind === kind);
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
    scenarios: readScenarios(doc).map((s) => {
      const r = rollup(steps, s);
      return { name: s.name, total: money(r.total), savings: money(savings(asIs, r).total) };
    }),
  };
}

/** Two lanes may share a name; the JSON object keys must not. */
function uniqueName(taken: Record<string, string>, name: string): string {
  let n = name;
  for (let i = 2; n in taken; i++) n = `${name} (${i})`;
  return n;
}
