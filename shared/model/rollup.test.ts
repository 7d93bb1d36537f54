import { describe, expect, it } from 'vitest';
import { readBoard, type BoardElement } from './board.js';
import { toDecimal } from './money.js';
import { rollup, rollupAll, rollupSince, savings, type Rollup } from './rollup.js';
import { readScenarios, unpriced } from './scenario.js';
import type { Step } from './step.js';
import { newStep } from './step.js';
import { boardFrom } from '../operations/testDoc.js';
import { seeded } from '../../test/helpers/seeded.js';

const stepsOf = (els: Map<string, BoardElement>) => [...els.values()].filter((e): e is Step => e.kind === 'step');

describe('rollups and scenarios', () => {
  it('the primer sample: $1,476,000 a year as-is, $600,000 saved by the to-be', () => {
    const doc = boardFrom('sample-info-request');
    const { elements } = readBoard(doc);
    const steps = stepsOf(elements);
    const asIs = rollup(steps);
    expect(toDecimal(asIs.total)).toBe('1476000.00');
    expect(asIs.missing).toHaveLength(0); // the four support systems carry a fixed cost of zero: their cost is in the steps that use them
    const lanes = [...elements.values()].filter((e) => e.kind === 'lane');
    const byName = Object.fromEntries(lanes.map((l) => [l.kind === 'lane' ? l.name : '', toDecimal(asIs.byLane.get(l.id) ?? 0n)]));
    expect(byName).toEqual({ 'Customer actions': '0.00', Frontstage: '960000.00', Backstage: '516000.00', 'Support processes': '0.00' });
    expect(toDecimal(asIs.byValueClass.get('waste')!)).toBe('600000.00');
    expect(Object.fromEntries([...asIs.byOwner].map(([k, v]) => [k, toDecimal(v)]))).toEqual({ '': '0.00', 'Marketing ops': '16000.00', 'Customer service': '600000.00', Sales: '860000.00' });

    const [toBe] = readScenarios(doc);
    expect(toBe.name).toBe('To-be: brochure in 2 days');
    const after = rollup(steps, toBe);
    const saved = savings(asIs, after);
    expect(toDecimal(after.total)).toBe('876000.00');
    expect(toDecimal(saved.total)).toBe('600000.00');
    const call = steps.find((s) => s.title.startsWith('Call-centre'))!;
    expect(toDecimal(saved.byStep.get(call.id)!)).toBe('600000.00');
  });

  it('a scenario overrides volume or unit cost of a step', () => {
    const s = newStep({ x: 0, y: 0, order: 'a0', volume: 100_000, unitCents: 600, laneId: null, stageId: null });
    const asIs = rollup([s]);
    const half = rollup([s], { id: 'scenario0001', name: 'Half the calls', order: 'a0', price: unpriced, overrides: { [s.id]: { volume: 50_000 } } });
    const cheaper = rollup([s], { id: 'scenario0002', name: 'Cheaper calls', order: 'a1', price: unpriced, overrides: { [s.id]: { unitCents: 450 } } });
    expect(toDecimal(savings(asIs, half).total)).toBe('300000.00');
    expect(toDecimal(savings(asIs, cheaper).total)).toBe('150000.00');
    expect(asIs.byLane.get('')).toBe(60_000_000n);
  });

  it('a to-be gives a minutes × rate step new minutes (15 min becomes 2 min); each mode ignores the other mode’s override', () => {
    const s = newStep({ x: 0, y: 0, order: 'a0', volume: 1000, costMode: 'time', minutes: 15, rateCents: 6000, unitCents: 999, fixedCents: 50_000, laneId: null, stageId: null });
    const asIs = rollup([s]);
    const toBe = rollup([s], { id: 'scenario0003', name: 'Self-service', order: 'a0', price: unpriced, overrides: { [s.id]: { minutes: 2, unitCents: 1 } } });
    expect(toDecimal(asIs.total)).toBe('15500.00'); // 1,000 × 15 min at 60.00/h + 500.00 fixed
    expect(toDecimal(toBe.total)).toBe('2500.00'); // 1,000 × 2 min at 60.00/h + 500.00 fixed
    expect(toDecimal(savings(asIs, toBe).byStep.get(s.id)!)).toBe('13000.00');
    const unit = newStep({ x: 0, y: 0, order: 'a1', volume: 1000, unitCents: 400, minutes: 15, laneId: null, stageId: null });
    expect(rollup([unit], { id: 'scenario0004', name: 'Minutes only', order: 'a0', price: unpriced, overrides: { [unit.id]: { minutes: 2 } } }).total).toBe(400_000n);
  });
});

describe('rework in the money', () => {
  const lane = (id: string) => id;
  const calls = newStep({
    id: 'step0000call',
    x: 0,
    y: 0,
    order: 'a0',
    volume: 1000,
    unitCents: 600,
    firstTimeRight: 0.8,
    laneId: lane('lanefrontst1'),
    stageId: 'stageask0001',
    valueClass: 'waste',
    owner: 'Service',
  });
  const letters = newStep({
    id: 'step000post1',
    x: 0,
    y: 0,
    order: 'a1',
    volume: 100,
    costMode: 'time',
    minutes: 15,
    rateCents: 6000,
    fixedCents: 10_000,
    firstTimeRight: 0.75,
    laneId: lane('lanebackst01'),
    stageId: 'stageask0001',
  });
  const noShare = newStep({ id: 'step0noshare', x: 0, y: 0, order: 'a2', volume: 10, unitCents: 1000, laneId: lane('lanebackst01'), stageId: null });
  const noCost = newStep({ id: 'step00nocost', x: 0, y: 0, order: 'a3', firstTimeRight: 0.5, laneId: null, stageId: null });

  it('a step’s period cost includes its rework, and the rollup shows the rework apart by step and lane', () => {
    const r = rollup([calls, letters, noShare, noCost]);
    // calls: 1,000 × $6.00 = $6,000.00; ÷ 0.8 → 1,250 worked: + 250 × $6.00 = $1,500.00 of rework
    expect(toDecimal(r.stepCosts.get(calls.id)!)).toBe('7500.00');
    // letters: 100 × 15 min at $60.00/h = $1,500.00, ÷ 0.75 → + $500.00; the $100.00 fixed is not repeated
    expect(toDecimal(r.stepCosts.get(letters.id)!)).toBe('2100.00');
    // no first-time-right: as typed, 10 × $10.00, and its rework is missing (not zero)
    expect(toDecimal(r.stepCosts.get(noShare.id)!)).toBe('100.00');
    expect(toDecimal(r.total)).toBe('9700.00');
    expect(toDecimal(r.rework.total)).toBe('2000.00');
    expect(toDecimal(r.rework.byStep.get(calls.id)!)).toBe('1500.00');
    expect(toDecimal(r.rework.byStep.get(letters.id)!)).toBe('500.00');
    expect(r.rework.byStep.has(noShare.id)).toBe(false);
    expect(toDecimal(r.rework.byLane.get('lanefrontst1')!)).toBe('1500.00');
    expect(toDecimal(r.rework.byLane.get('lanebackst01')!)).toBe('500.00');
    expect(r.rework.missing).toEqual([noShare.id]);
    // a step with first-time-right but no cost is missing money, not rework
    expect(r.missing).toEqual([noCost.id]);
    expect(toDecimal(r.byLane.get('lanebackst01')!)).toBe('2200.00');
    expect(toDecimal(r.byStage.get('stageask0001')!)).toBe('9600.00');
    expect(toDecimal(r.byValueClass.get('waste')!)).toBe('7500.00');
    expect(toDecimal(r.byOwner.get('Service')!)).toBe('7500.00');
  });

  it('a scenario’s first-time-right counts: 80 % → 96 % saves $1,250.00 of rework on the calls', () => {
    const asIs = rollup([calls, letters]);
    const better = rollup([calls, letters], { id: 'scenario0005', name: 'Right first time', order: 'a0', price: unpriced, overrides: { [calls.id]: { firstTimeRight: 0.96 } } });
    // 1,000 × $6.00 × 0.04 ÷ 0.96 = $250.00
    expect(toDecimal(better.rework.byStep.get(calls.id)!)).toBe('250.00');
    expect(toDecimal(better.rework.total)).toBe('750.00');
    const saved = savings(asIs, better);
    expect(toDecimal(saved.total)).toBe('1250.00');
    expect(toDecimal(saved.rework)).toBe('1250.00');
    expect(toDecimal(saved.byStep.get(calls.id)!)).toBe('1250.00');
    // a scenario's new volume is reworked too: 500 × $6.00 ÷ 0.8 = $3,750.00
    const half = rollup([calls], { id: 'scenario0006', name: 'Half the calls', order: 'a1', price: unpriced, overrides: { [calls.id]: { volume: 500 } } });
    expect(toDecimal(half.total)).toBe('3750.00');
    expect(toDecimal(half.rework.total)).toBe('750.00');
    // a removed step has no rework
    const gone = rollup([calls], { id: 'scenario0007', name: 'No calls', order: 'a2', price: unpriced, overrides: { [calls.id]: { removed: true } } });
    expect(gone.rework.total).toBe(0n);
    expect(gone.rework.missing).toEqual([]);
  });

  it('stays exact past what a Number holds: totals beyond 2^53 minor units add in bigints', () => {
    // 10^12 × $10,000.01 = $10,000,010,000,000,000.00: 10^18 minor units and more, far past 2^53
    const big = newStep({ x: 0, y: 0, order: 'a0', volume: 1e12, unitCents: 1_000_001, firstTimeRight: 0.8, laneId: 'lane0000001', stageId: null });
    const small = newStep({ x: 0, y: 0, order: 'a1', volume: 3, unitCents: 7, laneId: 'lane0000001', stageId: null });
    const r = rollup([big, small]);
    const bigCost = 10n ** 12n * 1_000_001n;
    const bigRework = bigCost / 4n; // 1/0.8 − 1 = a quarter more
    expect(r.total).toBe(bigCost + bigRework + 21n);
    expect(r.byLane.get('lane0000001')).toBe(bigCost + bigRework + 21n);
    expect(r.rework.total).toBe(bigRework);
    expect(r.rework.byLane.get('lane0000001')).toBe(bigRework);
    // Each step alone is within a Number; together the two lanes' sum is not: exact again.
    const half = newStep({ x: 0, y: 0, order: 'a2', volume: 9_000_000, unitCents: 1_000_000_000, laneId: 'lane0000002', stageId: null });
    const twice = rollup([half, { ...half, id: 'step0000002', order: 'a3' }]);
    expect(twice.total).toBe(2n * 9_000_000n * 1_000_000_000n);
    expect(twice.byLane.get('lane0000002')).toBe(18_000_000_000_000_000n);
  });

  it('an edit prices the changed step again: a new step object, a new override, the same totals as from scratch', () => {
    const a = newStep({ x: 0, y: 0, order: 'a0', volume: 100, unitCents: 250, laneId: null, stageId: null });
    const b = newStep({ x: 0, y: 0, order: 'a1', volume: 10, costMode: 'time', minutes: 7.5, rateCents: 6000, laneId: null, stageId: null });
    expect(rollup([a, b]).total).toBe(25_000n + 7_500n);
    const edited = { ...a, volume: 200 };
    expect(rollup([edited, b]).total).toBe(50_000n + 7_500n);
    const scenario = { id: 'scenario0001', name: 'Fewer', order: 'a0', price: unpriced, overrides: { [b.id]: { volume: 20 } } };
    expect(rollup([edited, b], scenario).total).toBe(50_000n + 15_000n);
    const again = { ...scenario, overrides: { [b.id]: { volume: 40 } } };
    expect(rollup([edited, b], again).total).toBe(50_000n + 30_000n);
    expect(rollup([a, b]).total).toBe(25_000n + 7_500n);
  });
});

describe('a rollup after an edit starts from the last one', () => {
  // Everything a rollup holds, in order (a Map's key order is what a chart of lanes or owners shows first), as one text.
  const plain = (r: Rollup) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Map ? [...v] : v));

  it('gives what summing every step afresh gives, to the cent and in the same order, over 150 seeded edits of figures, places, rework, a scenario and huge amounts', () => {
    const random = seeded(19);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const lanes = ['lane0000001', 'lane0000002', null];
    const stages = ['stage000001', null];
    const classes = ['unclassified', 'value-adding', 'necessary', 'waste'] as const;
    let steps: Step[] = Array.from({ length: 40 }, (_, i) =>
      newStep({
        x: 0,
        y: 0,
        order: `a${i}`,
        volume: 1 + Math.floor(random() * 1000),
        unitCents: Math.floor(random() * 10_000),
        laneId: pick(lanes),
        stageId: pick(stages),
        owner: pick(['', 'Finance', 'Sales ']),
      }),
    );
    const scenario = { id: 'scenario0001', name: 'To-be', order: 'a0', price: unpriced, overrides: { [steps[3].id]: { volume: 5 }, [steps[7].id]: { removed: true } } };
    let started = 0;
    let last = { steps, asIs: rollupAll(steps), toBe: rollupAll(steps, scenario) };
    for (let n = 0; n < 150; n++) {
      const i = Math.floor(random() * steps.length);
      const s = steps[i];
      const edits: (() => Partial<Step>)[] = [
        () => ({ volume: Math.floor(random() * 5000) }),
        () => ({ unitCents: Math.floor(random() * 100_000) }),
        () => ({ volume: null }),
        () => ({ firstTimeRight: pick([null, 0.8, 0.5, 1]) }),
        () => ({ laneId: pick(lanes) }),
        () => ({ owner: pick(['', 'Finance', ' Finance', 'IT']) }),
        () => ({ valueClass: pick(classes) }),
        () => ({ volume: 9_000_000, unitCents: 1_000_000_000 }), // past 2^53 minor units with a second such step
        () => ({ costMode: s.costMode === 'unit' ? 'time' : 'unit', minutes: 12, rateCents: 6000 }),
      ];
      const several = random() < 0.1 ? 12 : 1;
      for (let k = 0; k < several; k++) {
        const j = k === 0 ? i : Math.floor(random() * steps.length);
        steps = steps.map((x, at) => (at === j ? ({ ...x, ...pick(edits)() } as Step) : x));
      }
      if (random() < 0.03) steps = [...steps, newStep({ x: 0, y: 0, order: `b${n}`, volume: 3, unitCents: 7, laneId: null, stageId: null })];
      const afresh = { asIs: rollupAll(steps), toBe: rollupAll(steps, scenario) };
      const since = { asIs: rollupSince(last.steps, last.asIs, steps), toBe: rollupSince(last.steps, last.toBe, steps, scenario) };
      if (since.asIs) expect(plain(since.asIs)).toBe(plain(afresh.asIs));
      if (since.toBe) expect(plain(since.toBe)).toBe(plain(afresh.toBe));
      started += Number(since.asIs !== null) + Number(since.toBe !== null);
      // rollup itself, called after each edit as the cost view calls it, gives the same.
      expect(plain(rollup(steps))).toBe(plain(afresh.asIs));
      last = { steps, ...afresh };
    }
    // About half the rollups started from the last one (the rest had a step moved to another lane, owner or value class, its cost made missing, or a step added).
    expect(started).toBeGreaterThan(90);
  });
});
