import { describe, expect, it } from 'vitest';
import type { CostFields } from './cost.js';
import { toDecimal } from './money.js';
import { costWithRework, parseFirstTimeRight, reworkCost, reworkRollup, type ReworkStep } from './rework.js';

const unit = (volume: number | null, unitCents: number | null, fixedCents: number | null = null): CostFields => ({ volume, costMode: 'unit', unitCents, minutes: null, rateCents: null, fixedCents });
const time = (volume: number, minutes: number, rateCents: number): CostFields => ({ volume, costMode: 'time', unitCents: null, minutes, rateCents, fixedCents: null });

describe('rework: volume ÷ first-time-right, its cost shown apart', () => {
  it('unit cost: 1,000 × $6.00 at 80 % first time right costs $1,500.00 of rework', () => {
    // 1,000 ÷ 0.8 = 1,250 occurrences; the extra 250 × $6.00 = $1,500.00
    expect(reworkCost(unit(1000, 600), 0.8)).toBe(150_000n);
    expect(costWithRework(unit(1000, 600), 0.8)).toBe(750_000n); // $6,000.00 + $1,500.00
  });

  it('minutes × rate: 100 × 15 min at $60.00/h, 75 % right: $500.00 of rework', () => {
    // $1,500.00 of work; ÷ 0.75 = $2,000.00; rework = $500.00
    expect(reworkCost(time(100, 15, 6000), 0.75)).toBe(50_000n);
    // 7.5 min: 100 × 7.5 × 60 ÷ 60 = $750.00, ÷ 0.75 − itself = $250.00
    expect(reworkCost(time(100, 7.5, 6000), 0.75)).toBe(25_000n);
  });

  it('rounded once, half away from zero; the fixed cost is not repeated', () => {
    // 1 × $1.00 at 30 %: 100 × 0.7 ÷ 0.3 = 233.33… cents → 233
    expect(reworkCost(unit(1, 100), 0.3)).toBe(233n);
    // 1 × $0.01 at 40 %: 1 × 0.6 ÷ 0.4 = 1.5 cents → 2
    expect(reworkCost(unit(1, 1), 0.4)).toBe(2n);
    // fixed $500.00 a period stays $500.00: rework of 10 × $1.00 at 50 % = $10.00
    expect(costWithRework(unit(10, 100, 50_000), 0.5)).toBe(50_000n + 1000n + 1000n);
  });

  it('no rework at 100 %; unknown without first-time-right or without a cost per occurrence', () => {
    expect(reworkCost(unit(1000, 600), 1)).toBe(0n);
    expect(reworkCost(unit(1000, 600), null)).toBeNull();
    expect(reworkCost(unit(null, 600), 0.5)).toBeNull();
    expect(reworkCost(unit(null, null, 50_000), 0.5)).toBeNull();
    expect(costWithRework(unit(1000, 600), null)).toBe(600_000n); // as typed
  });

  it('the rollup adds rework by lane, exactly, and lists steps whose first-time-right is missing', () => {
    const steps: ReworkStep[] = [
      { id: 'call', laneId: 'front', cost: unit(100_000, 600), firstTimeRight: 0.6 }, // 100,000 × $6 × 0.4 ÷ 0.6 = $400,000.00
      { id: 'mail', laneId: 'front', cost: unit(3, 10), firstTimeRight: 0.9 }, // 30 × 0.1 ÷ 0.9 = 3.33… → 3 cents
      { id: 'check', laneId: 'back', cost: time(1000, 6, 3000), firstTimeRight: 0.5 }, // $3,000.00 × 1 = $3,000.00
      { id: 'file', laneId: 'back', cost: unit(10, 100), firstTimeRight: null }, // rework unknown: missing
      { id: 'system', laneId: null, cost: unit(null, null, 10_000), firstTimeRight: null }, // fixed only: no rework to know
      { id: 'gone', laneId: 'back', cost: unit(10, 100), firstTimeRight: 0.5, removed: true },
      { id: 'customer', laneId: null, cost: unit(40_000, 0), firstTimeRight: null }, // costs nothing per occurrence: rework 0, not unknown
    ];
    const r = reworkRollup(steps);
    expect(toDecimal(r.byLane.get('front')!)).toBe('400000.03');
    expect(toDecimal(r.byLane.get('back')!)).toBe('3000.00');
    expect(toDecimal(r.total)).toBe('403000.03');
    expect(r.missing).toEqual(['file']);
    expect(r.byStep.has('gone')).toBe(false);
  });

  it('a scenario’s better first-time-right lowers the rework (the caller passes the effective value)', () => {
    const call = { id: 'call', laneId: 'front', cost: unit(100_000, 600), firstTimeRight: 0.6 };
    const asIs = reworkRollup([call]).total; // $400,000.00
    const toBe = reworkRollup([{ ...call, firstTimeRight: 0.96 }]).total; // 600,000 × 0.04 ÷ 0.96 = $25,000.00
    expect(toDecimal(asIs - toBe)).toBe('375000.00');
  });
});

describe('first-time-right as people type it', () => {
  const en = { label: 'first time right', locale: 'en-US' };
  const de = { label: 'first time right', locale: 'de-DE' };
  it('a percentage, with or without the sign, in the board’s number format', () => {
    expect(parseFirstTimeRight('80 %', en)).toEqual({ ok: true, firstTimeRight: 0.8 });
    expect(parseFirstTimeRight('80%', en)).toEqual({ ok: true, firstTimeRight: 0.8 });
    expect(parseFirstTimeRight('80', en)).toEqual({ ok: true, firstTimeRight: 0.8 });
    expect(parseFirstTimeRight('92,5 %', de)).toEqual({ ok: true, firstTimeRight: 0.925 });
    expect(parseFirstTimeRight('100 %', en)).toEqual({ ok: true, firstTimeRight: 1 });
    expect(parseFirstTimeRight('', en)).toEqual({ ok: true, firstTimeRight: null });
  });
  it('a bare number under 1 is a fraction, as Excel reads it in a percent cell; with its sign it is a percentage', () => {
    expect(parseFirstTimeRight('0,9', de)).toEqual({ ok: true, firstTimeRight: 0.9 });
    expect(parseFirstTimeRight('0.925', en)).toEqual({ ok: true, firstTimeRight: 0.925 });
    expect(parseFirstTimeRight('0,9 %', de)).toEqual({ ok: true, firstTimeRight: 0.009 });
    expect(parseFirstTimeRight('1', en)).toEqual({ ok: true, firstTimeRight: 0.01 });
    expect(parseFirstTimeRight('0', en)).toEqual({ ok: false, error: 'first time right must be more than 0 %: a step never done right would never finish.' });
  });
  it('one-line errors: 0 %, more than 100 %, negative, text', () => {
    expect(parseFirstTimeRight('0 %', en)).toEqual({ ok: false, error: 'first time right must be more than 0 %: a step never done right would never finish.' });
    expect(parseFirstTimeRight('120 %', en)).toEqual({ ok: false, error: 'first time right: 120 % is more than 100 %; it is the share done right the first time.' });
    expect(parseFirstTimeRight('-5 %', en)).toEqual({ ok: false, error: 'first time right cannot be negative (“-5”).' });
    expect(parseFirstTimeRight('mostly', en)).toEqual({ ok: false, error: 'first time right: “mostly” is not a number; write it like 7.5.' });
  });
});
