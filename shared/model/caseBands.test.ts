import { describe, expect, it } from 'vitest';
import { exactCase } from './businessCase.js';
import { caseBands } from './caseBands.js';
import { unpriced, type Scenario } from './scenario.js';
import { simulateBoard } from './simulate.js';
import { newStep } from './step.js';

// The primer's calls: 100,000 a year at $6.00 as-is; the to-be halves them. Volume is a range of
// 80,000–120,000 calls, so the saving is 40,000–60,000 calls × $6 around $300,000 a year.
const calls = newStep({ id: 'step00000001', x: 0, y: 0, order: 'a0', volume: 100_000, volumeLow: 80_000, volumeHigh: 120_000, unitCents: 600 });
const priced = (price: Partial<Scenario['price']>): Scenario => ({
  id: 'scenario0001',
  name: 'Half the calls',
  order: 'a0',
  overrides: { [calls.id]: { volume: 50_000 } },
  price: { ...unpriced, ...price },
});
const board = { period: 'year' as const, discountRate: 0.08 };

function bandsOf(scenario: Scenario) {
  const sim = simulateBoard({ steps: [calls], stages: [], connectors: [], scenarios: [scenario] }, { iterations: 20_000 });
  return caseBands(sim.scenarios.get(scenario.id)!, scenario, board);
}

describe("a scenario's business case as P10 / P50 / P90", () => {
  it('the payback and net value spread around the likely figures’ exact case, the same on every run', () => {
    const scenario = priced({ investmentCents: 15_000_000, runningCents: 2_400_000 });
    const b = bandsOf(scenario);
    const exact = exactCase({ savingPerPeriod: 30_000_000n, investment: 15_000_000n, runningPerPeriod: 2_400_000n, rampMonths: null, ...board });
    expect(b.paybackMonths.p10! < exact.paybackMonths!).toBe(true);
    expect(b.paybackMonths.p90! > exact.paybackMonths!).toBe(true);
    expect(Math.abs(b.paybackMonths.p50! - exact.paybackMonths!)).toBeLessThan(0.1);
    expect(b.netValue3y.p10 < Number(exact.netValue3y) && Number(exact.netValue3y) < b.netValue3y.p90).toBe(true);
    expect(b.paybackMonths.never).toBe(0);
    expect(bandsOf(scenario)).toEqual(b);
  });

  it('a range of investment alone spreads the payback; "never" is an answer, not a number', () => {
    const b = bandsOf(priced({ investmentCents: 15_000_000, investmentCentsLow: 10_000_000, investmentCentsHigh: 30_000_000 }));
    expect(b.paybackMonths.p90! - b.paybackMonths.p10!).toBeGreaterThan(1);
    const never = bandsOf(priced({ runningCents: 50_000_000 }));
    expect(never.paybackMonths).toEqual({ p10: null, p50: null, p90: null, never: 1 });
    expect(never.roi).toBeNull();
  });
});
