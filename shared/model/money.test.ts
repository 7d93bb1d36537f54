import { describe, expect, it } from 'vitest';
import { periodCost, unitCost, type CostFields } from './cost.js';
import { divRound, formatCompact, formatMoney, toDecimal } from './money.js';

const unit = (volume: number | null, unitCents: number | null, fixedCents: number | null = null): CostFields => ({ volume, costMode: 'unit', unitCents, minutes: null, rateCents: null, fixedCents });
const time = (volume: number, minutes: number, rateCents: number): CostFields => ({ volume, costMode: 'time', unitCents: null, minutes, rateCents, fixedCents: null });

describe('money', () => {
  it('100,000 × $6.00 is exactly $600,000.00', () => {
    expect(toDecimal(periodCost(unit(100_000, 600))!)).toBe('600000.00');
  });

  it('a thousand steps of $0.10 sum to exactly $100.00 (where floats give 99.9999…)', () => {
    let total = 0n;
    let float = 0;
    for (let i = 0; i < 1000; i++) {
      total += periodCost(unit(1, 10))!;
      float += 0.1;
    }
    expect(toDecimal(total)).toBe('100.00');
    expect(float).not.toBe(100);
  });

  it('volume × unit + fixed; missing data is null, not zero', () => {
    expect(periodCost(unit(12, 250, 10_000))).toBe(13_000n);
    expect(periodCost(unit(null, null, 5000))).toBe(5000n);
    expect(periodCost(unit(null, 600))).toBeNull();
    expect(periodCost(unit(100, null))).toBeNull();
    expect(periodCost(unit(0, 0))).toBe(0n);
  });

  it('minutes × hourly rate, rounded once per step, half away from zero', () => {
    // 7.5 min at $48/h = $6.00 per call; 1,000 calls = $6,000.00
    expect(periodCost(time(1000, 7.5, 4800))).toBe(600_000n);
    // 1 min at $0.50/h = 0.8333… cents per occurrence; 3 occurrences = 2.5 cents → 3
    expect(periodCost(time(3, 1, 50))).toBe(3n);
    expect(unitCost(time(1, 7.5, 4800))).toBe(600n);
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
  });

  it('formats in the session locale and currency', () => {
    expect(formatMoney(147_600_000n, 'USD', 'en-US')).toBe('$1,476,000.00');
    expect(formatMoney(147_600_000n, 'EUR', 'de-DE')).toMatch(/^1\.476\.000,00\s€$/);
    expect(formatMoney(600_000n, 'JPY', 'ja-JP')).toMatch(/600,000/);
    expect(formatCompact(60_000_000n, 'USD', 'en-US')).toBe('$600K');
    expect(toDecimal(5n)).toBe('0.05');
    expect(toDecimal(-150n)).toBe('-1.50');
  });
});
