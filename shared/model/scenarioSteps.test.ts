import { describe, expect, it } from 'vitest';
import { boardTime } from './boardTime.js';
import { newElement } from './kinds.js';
import { toDecimal } from './money.js';
import { rollup, savings } from './rollup.js';
import { unpriced, type Scenario } from './scenario.js';
import { elementsOf, stepsOf } from './scenarioSteps.js';

const day = 24 * 60;
const scenario = (id: string, name: string, overrides: Scenario['overrides'] = {}): Scenario => ({ id, name, order: 'a0', price: unpriced, overrides });

// The seeds' deal: 100,000 calls at $6.00; the to-be sends 80,000 of them to a self-service page
// that costs $0.50 a visit. Another to-be (a better script) knows nothing of the page.
const stage = newElement('stage', { id: 'stage00000001', name: 'Ask', order: 'a0', size: 800 });
const form = newElement('step', { id: 'step00000001', x: 0, y: 0, order: 'a0', stageId: stage.id, title: 'Form', waitMinutes: 0, processMinutes: 10 });
const call = newElement('step', { id: 'step00000002', x: 300, y: 0, order: 'a1', stageId: stage.id, title: 'Call', volume: 100_000, unitCents: 600, waitMinutes: 14 * day, processMinutes: 20 });
const toBe = scenario('scen00000001', 'Self-service', { [call.id]: { volume: 20_000 } });
const other = scenario('scen00000002', 'Better script');
const page = newElement('step', {
  id: 'step00000003',
  x: 600,
  y: 0,
  order: 'a2',
  stageId: stage.id,
  title: 'Self-service page',
  volume: 80_000,
  unitCents: 50,
  waitMinutes: 0,
  processMinutes: 5,
  scenarioId: toBe.id,
});
const formToCall = newElement('connector', { id: 'conn00000001', order: 'a0', fromId: form.id, toId: call.id });
const formToPage = newElement('connector', { id: 'conn00000002', order: 'a1', fromId: form.id, toId: page.id });
const elements = [stage, form, call, page, formToCall, formToPage];

describe('steps that exist only in a to-be', () => {
  it('the as-is map and the other scenario leave the page out; its own scenario has it', () => {
    expect(stepsOf(elements).map((s) => s.title)).toEqual(['Form', 'Call']);
    expect(stepsOf(elements, other).map((s) => s.title)).toEqual(['Form', 'Call']);
    expect(stepsOf(elements, toBe).map((s) => s.title)).toEqual(['Form', 'Call', 'Self-service page']);
    expect(stepsOf(elements, toBe.id)).toHaveLength(3);
    // Its arrow goes with it.
    expect(elementsOf(elements).map((e) => e.id)).toEqual([stage.id, form.id, call.id, formToCall.id]);
    expect(elementsOf(elements, toBe)).toHaveLength(6);
  });

  it('the page adds its cost to its scenario only: 20,000 calls at $6.00 + 80,000 visits at $0.50', () => {
    const asIs = rollup(stepsOf(elements));
    expect(toDecimal(asIs.total)).toBe('600000.00');
    // Handed every step, the rollup still counts only the map asked for.
    expect(rollup(elements.filter((e) => e.kind === 'step')).total).toBe(asIs.total);
    const after = rollup(
      elements.filter((e) => e.kind === 'step'),
      toBe,
    );
    expect(toDecimal(after.total)).toBe('160000.00'); // 120,000.00 + 40,000.00
    const saved = savings(asIs, after);
    expect(toDecimal(saved.total)).toBe('440000.00');
    expect(toDecimal(saved.byStep.get(call.id)!)).toBe('480000.00');
    expect(toDecimal(saved.byStep.get(page.id)!)).toBe('-40000.00'); // what the to-be adds
    expect(toDecimal(saved.byLane.get('')!)).toBe('440000.00');
    const elsewhere = rollup(
      elements.filter((e) => e.kind === 'step'),
      other,
    );
    expect(toDecimal(elsewhere.total)).toBe('600000.00');
    expect(savings(asIs, elsewhere).byStep.has(page.id)).toBe(false);
    expect(elsewhere.missing).not.toContain(page.id);
  });

  it('lead time: the page joined by its arrow counts in its scenario only', () => {
    // As-is: form (10 min), then the call (14 days + 20 min) along the arrow.
    expect(boardTime(elements).lead.leadMinutes).toBe(10 + 14 * day + 20);
    expect(boardTime(elements, other).lead.leadMinutes).toBe(10 + 14 * day + 20);
    // The to-be removes the call; the page follows the form: 10 + 5 minutes.
    const noCall = scenario(toBe.id, toBe.name, { [call.id]: { removed: true } });
    const t = boardTime(elements, noCall);
    expect(t.lead.leadMinutes).toBe(15);
    expect(t.lead.criticalPath).toEqual([form.id, page.id]);
    expect(t.steps.has(page.id)).toBe(true);
    expect(boardTime(elements).steps.has(page.id)).toBe(false);
    expect(boardTime(elements).lead.missing).not.toContain(page.id);
  });
});
