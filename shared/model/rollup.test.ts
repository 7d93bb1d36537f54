import { describe, expect, it } from 'vitest';
import { readBoard, type BoardElement } from './board.js';
import { toDecimal } from './money.js';
import { rollup, savings } from './rollup.js';
import { readScenarios } from './scenario.js';
import type { Step } from './step.js';
import { newStep } from './step.js';
import { boardFrom } from '../operations/testDoc.js';

const stepsOf = (els: Map<string, BoardElement>) => [...els.values()].filter((e): e is Step => e.kind === 'step');

describe('rollups and scenarios', () => {
  it('the primer sample: $1,476,000 a year as-is, $600,000 saved by the to-be', () => {
    const doc = boardFrom('sample-info-request');
    const { elements } = readBoard(doc);
    const steps = stepsOf(elements);
    const asIs = rollup(steps);
    expect(toDecimal(asIs.total)).toBe('1476000.00');
    expect(asIs.missing).toHaveLength(4); // the four support systems
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
    const half = rollup([s], { id: 'scenario0001', name: 'Half the calls', order: 'a0', overrides: { [s.id]: { volume: 50_000 } } });
    const cheaper = rollup([s], { id: 'scenario0002', name: 'Cheaper calls', order: 'a1', overrides: { [s.id]: { unitCents: 450 } } });
    expect(toDecimal(savings(asIs, half).total)).toBe('300000.00');
    expect(toDecimal(savings(asIs, cheaper).total)).toBe('150000.00');
    expect(asIs.byLane.get('')).toBe(60_000_000n);
  });

  it('a to-be gives a minutes × rate step new minutes (15 min becomes 2 min); each mode ignores the other mode’s override', () => {
    const s = newStep({ x: 0, y: 0, order: 'a0', volume: 1000, costMode: 'time', minutes: 15, rateCents: 6000, unitCents: 999, fixedCents: 50_000, laneId: null, stageId: null });
    const asIs = rollup([s]);
    const toBe = rollup([s], { id: 'scenario0003', name: 'Self-service', order: 'a0', overrides: { [s.id]: { minutes: 2, unitCents: 1 } } });
    expect(toDecimal(asIs.total)).toBe('15500.00'); // 1,000 × 15 min at 60.00/h + 500.00 fixed
    expect(toDecimal(toBe.total)).toBe('2500.00'); // 1,000 × 2 min at 60.00/h + 500.00 fixed
    expect(toDecimal(savings(asIs, toBe).byStep.get(s.id)!)).toBe('13000.00');
    const unit = newStep({ x: 0, y: 0, order: 'a1', volume: 1000, unitCents: 400, minutes: 15, laneId: null, stageId: null });
    expect(rollup([unit], { id: 'scenario0004', name: 'Minutes only', order: 'a0', overrides: { [unit.id]: { minutes: 2 } } }).total).toBe(400_000n);
  });
});
