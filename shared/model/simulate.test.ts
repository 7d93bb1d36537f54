import { describe, expect, it, vi } from 'vitest';
import { readBoard } from './board.js';
import { boardTime } from './boardTime.js';
import { newElement, type BoardElement } from './kinds.js';
import { pertMean } from './random.js';
import { rollup, savings } from './rollup.js';
import { readScenarios, unpriced, type Scenario } from './scenario.js';
import { hasRanges, simulateBoard, simulationInput } from './simulate.js';
import { newStep, type Step } from './step.js';
import { boardFrom } from '../operations/testDoc.js';

const scenario = (overrides: Scenario['overrides'], price: Partial<Scenario['price']> = {}, id = 'scenario0001'): Scenario => ({
  id,
  name: 'To-be',
  order: 'a0',
  price: { ...unpriced, ...price },
  overrides,
});
const step = (i: number, fields: Partial<Step>) => newStep({ id: `step${String(i).padStart(8, '0')}`, x: 0, y: 0, order: `a${i}`, ...fields });
const sample = () => {
  const doc = boardFrom('sample-info-request');
  return { elements: [...readBoard(doc).elements.values()], scenarios: readScenarios(doc) };
};

describe('the business case simulation', () => {
  it('single figures give exactly the exact totals and savings, without noise, and nothing to simulate', () => {
    const { elements, scenarios } = sample();
    const input = simulationInput(elements, scenarios);
    expect(hasRanges(input)).toBe(false);
    const sim = simulateBoard(input, { iterations: 2000 });
    const steps = elements.filter((e): e is Step => e.kind === 'step');
    const asIs = rollup(steps);
    const saved = savings(asIs, rollup(steps, scenarios[0]));
    expect(sim.asIs.total).toEqual({ p10: Number(asIs.total), p50: Number(asIs.total), p90: Number(asIs.total) });
    expect(sim.asIs.total.p50).toBe(147_600_000);
    const toBe = sim.scenarios.get(scenarios[0].id)!;
    expect(toBe.saving).toEqual({ p10: Number(saved.total), p50: Number(saved.total), p90: Number(saved.total) });
    expect(toBe.draws.saving.every((v) => v === 60_000_000)).toBe(true);
    expect(sim.asIsLeadMinutes).toBeNull();
  });

  it('the same board gives the same figures, however often, in whatever order it is given and in a fresh process', async () => {
    const { elements, scenarios } = sample();
    const ranged = elements.map((e) => (e.kind === 'step' && e.volume !== null ? { ...e, volumeLow: Math.round(e.volume * 0.8), volumeHigh: Math.round(e.volume * 1.3) } : e)) as BoardElement[];
    const first = simulateBoard(simulationInput(ranged, scenarios), { iterations: 5000 });
    const again = simulateBoard(simulationInput([...ranged].reverse(), scenarios), { iterations: 5000 });
    expect(again.asIs.total).toEqual(first.asIs.total);
    expect(again.scenarios.get(scenarios[0].id)!.saving).toEqual(first.scenarios.get(scenarios[0].id)!.saving);
    expect(again.scenarios.get(scenarios[0].id)!.draws.saving).toEqual(first.scenarios.get(scenarios[0].id)!.draws.saving);
    // A fresh copy of the module (as another window or the command line starts): the same figures.
    vi.resetModules();
    const fresh = (await import('./simulate.js')) as typeof import('./simulate.js');
    expect(fresh.simulateBoard(fresh.simulationInput(ranged, scenarios), { iterations: 5000 }).asIs.total).toEqual(first.asIs.total);
    // Another seed draws other figures (the seed is what makes them the same).
    expect(simulateBoard(simulationInput(ranged, scenarios), { iterations: 5000, seed: 7 }).asIs.total).not.toEqual(first.asIs.total);
    // volumes 80–130 % of the likely figure: the mean is 101.7 % of it
    expect(first.asIs.total.p10).toBeLessThan(147_600_000 * 1.0167);
    expect(first.asIs.total.p90).toBeGreaterThan(147_600_000 * 1.0167);
  });

  it('its P50 lies within 1 % of the analytic mean on symmetric ranges (plain draws and the big board’s groups alike)', () => {
    // One step: 500–1,500 calls (likely 1,000) at $10. Then 400 steps, each also at $6–$14 (likely
    // $10): a product of two ranges is skewed, but their sum over 400 steps is symmetric again.
    for (const [n, price] of [
      [1, { unitCents: 1000 }],
      [400, { unitCents: 1000, unitCentsLow: 600, unitCentsHigh: 1400 }],
    ] as const) {
      const steps = Array.from({ length: n }, (_, i) => step(i, { volume: 1000, volumeLow: 500, volumeHigh: 1500, ...price }));
      const sim = simulateBoard(simulationInput(steps, []), { iterations: 100_000 });
      const mean = n * pertMean(500, 1000, 1500) * 1000;
      expect(Math.abs(sim.asIs.total.p50 - mean) / mean).toBeLessThan(0.01);
      expect(sim.asIs.total.p10).toBeLessThan(sim.asIs.total.p50);
      expect(sim.asIs.total.p90).toBeGreaterThan(sim.asIs.total.p50);
    }
    // A time range: wait 2–4 days likely 3, so the lead time's P50 is 3 days.
    const timed = simulateBoard(simulationInput([step(1, { waitMinutes: 3 * 1440, waitMinutesLow: 2 * 1440, waitMinutesHigh: 4 * 1440 })], []), { iterations: 20_000 });
    expect(Math.abs(timed.asIsLeadMinutes!.p50 - 3 * 1440) / (3 * 1440)).toBeLessThan(0.01);
  });

  it('a step the scenario leaves alone saves exactly 0 in every iteration; the one it changes saves what it changes', () => {
    const alone = step(1, { volume: 1000, volumeLow: 500, volumeHigh: 2000, unitCents: 600, unitCentsLow: 400, unitCentsHigh: 900 });
    const changed = step(2, { volume: 1000, volumeLow: 800, volumeHigh: 1200, unitCents: 600 });
    const toBe = scenario({ [alone.id]: {}, [changed.id]: { volume: 500 } });
    const onlyAlone = simulateBoard(simulationInput([alone], [scenario({ [alone.id]: { firstTimeRight: undefined } })]), { iterations: 10_000 });
    expect(onlyAlone.scenarios.get('scenario0001')!.draws.saving.every((v) => v === 0)).toBe(true);
    const sim = simulateBoard(simulationInput([alone, changed], [toBe]), { iterations: 10_000 });
    const saved = sim.scenarios.get(toBe.id)!;
    // the changed step saves its as-is draw minus 500 × $6: 800–1,200 calls → $1,800–$4,200, whatever the other step draws
    expect(saved.draws.saving.every((v) => v >= 1800_00 - 1e-6 && v <= 4200_00 + 1e-6)).toBe(true);
    expect(saved.saving.p50).toBeCloseTo(3000_00, -3);
    // the scenario's total is the as-is total less the saving, iteration by iteration
    expect(saved.total.p50).toBeLessThan(sim.asIs.total.p50);
  });

  it('a step’s figure is a range only with both its ends: one end alone, or ends equal, leave the board exact', () => {
    const input = (fields: Partial<Step>) => simulationInput([step(1, { volume: 1000, unitCents: 500, ...fields })], []);
    expect(hasRanges(input({}))).toBe(false);
    expect(hasRanges(input({ volumeLow: 800 }))).toBe(false);
    expect(hasRanges(input({ minutes: 5, minutesHigh: 8 }))).toBe(false);
    expect(hasRanges(input({ volumeLow: 1000, volumeHigh: 1000 }))).toBe(false);
    expect(hasRanges(input({ volumeLow: 800, volumeHigh: 1200 }))).toBe(true);
    expect(hasRanges(input({ waitMinutes: 60, waitMinutesLow: 30, waitMinutesHigh: 120 }))).toBe(true);
  });

  it('a range in a scenario’s override is drawn; a removed step saves all it cost; a to-be step counts in its scenario only', () => {
    const a = step(1, { volume: 100_000, unitCents: 600 });
    const b = step(2, { volume: 1000, unitCents: 1000 });
    const selfService = step(3, { volume: 100_000, unitCents: 10, scenarioId: 'scenario0001' });
    const toBe = scenario({ [a.id]: { volume: 10_000, volumeLow: 5000, volumeHigh: 30_000 }, [b.id]: { removed: true } });
    const other = scenario({}, {}, 'scenario0002');
    const input = simulationInput([a, b, selfService], [toBe, other]);
    expect(hasRanges(input)).toBe(true);
    const sim = simulateBoard(input, { iterations: 20_000 });
    // as-is: $600,000 + $10,000, exact: the to-be step is not in it
    expect(sim.asIs.total).toEqual({ p10: 61_000_000, p50: 61_000_000, p90: 61_000_000 });
    const s = sim.scenarios.get(toBe.id)!;
    // saves 100,000 − (5,000…30,000) calls × $6 + $10,000 removed − $10,000 self-service
    expect(s.saving.p10).toBeGreaterThan((100_000 - 30_000) * 600);
    expect(s.saving.p90).toBeLessThan((100_000 - 5000) * 600);
    expect(s.saving.p10).toBeLessThan(s.saving.p90);
    expect(Math.abs(s.saving.p50 - (100_000 - pertMean(5000, 10_000, 30_000)) * 600) / s.saving.p50).toBeLessThan(0.02);
    // the other scenario changes nothing and has no to-be step of its own
    expect(sim.scenarios.get('scenario0002')!.saving).toEqual({ p10: 0, p50: 0, p90: 0 });
  });

  it('the price of a scenario is drawn per iteration: investment and running cost (0 where not given)', () => {
    const a = step(1, { volume: 1000, volumeLow: 500, volumeHigh: 1500, unitCents: 600 });
    const toBe = scenario({ [a.id]: { volume: 100 } }, { investmentCents: 15_000_000, investmentCentsLow: 10_000_000, investmentCentsHigh: 25_000_000 });
    const sim = simulateBoard(simulationInput([a], [toBe]), { iterations: 5000 });
    const { investment, running, saving } = sim.scenarios.get(toBe.id)!.draws;
    expect(investment).toHaveLength(5000);
    expect(saving).toHaveLength(5000);
    expect(investment.every((v) => v >= 10_000_000 && v <= 25_000_000)).toBe(true);
    expect(new Set(investment).size).toBeGreaterThan(100);
    expect(running.every((v) => v === 0)).toBe(true);
  });

  it('lead time follows the flow of each scenario, with the same draws where the scenario changes nothing', () => {
    const stage = newElement('stage', { id: 'stage0000001', order: 'a0', name: 'Ask' });
    const first = step(1, { stageId: stage.id, waitMinutes: 2 * 1440, waitMinutesLow: 1440, waitMinutesHigh: 5 * 1440, processMinutes: 60 });
    const second = step(2, { stageId: stage.id, processMinutes: 120, processMinutesLow: 60, processMinutesHigh: 240 });
    const arrow = newElement('connector', { id: 'connector001', order: 'a0', fromId: first.id, toId: second.id });
    const faster = scenario({ [first.id]: { waitMinutes: 60 } });
    const sim = simulateBoard(simulationInput([stage, first, second, arrow], [faster, scenario({}, {}, 'scenario0002')]), { iterations: 10_000 });
    const exact = boardTime([stage, first, second, arrow]).lead.leadMinutes;
    expect(sim.asIsLeadMinutes!.p10).toBeLessThan(exact);
    expect(sim.asIsLeadMinutes!.p90).toBeGreaterThan(exact);
    // the to-be waits an hour: only the second step's process time still varies
    const toBe = sim.scenarios.get(faster.id)!.leadMinutes!;
    expect(toBe.p10).toBeGreaterThanOrEqual(60 + 60 + 60 - 1e-9);
    expect(toBe.p90).toBeLessThanOrEqual(60 + 60 + 240 + 1e-9);
    expect(sim.scenarios.get('scenario0002')!.leadMinutes).toEqual(sim.asIsLeadMinutes);
  });
});
