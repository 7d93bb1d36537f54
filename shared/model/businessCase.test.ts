import { describe, expect, it } from 'vitest';
import { caseFigures, exactCase, type CaseInput } from './businessCase.js';

// The sample's to-be: saves $600,000.00 a year, costs $150,000.00 once and $24,000.00 a year.
const sample: CaseInput<bigint> = { savingPerPeriod: 60_000_000n, investment: 15_000_000n, runningPerPeriod: 2_400_000n, rampMonths: null, period: 'year', discountRate: 0 };
const asNumbers = (c: CaseInput<bigint>): CaseInput<number> => ({
  ...c,
  savingPerPeriod: Number(c.savingPerPeriod),
  investment: c.investment === null ? null : Number(c.investment),
  runningPerPeriod: c.runningPerPeriod === null ? null : Number(c.runningPerPeriod),
});

describe('the business case of a scenario, hand-computed', () => {
  it("the sample's to-be pays back in 3.1 months and is worth $1,578,000.00 over 3 years", () => {
    const c = exactCase(sample);
    // $600,000 − $24,000 = $576,000 a year
    expect(c.netSavingPerPeriod).toBe(57_600_000n);
    // 150,000 ÷ (576,000 / 12) = 3.125 months
    expect(c.paybackMonths).toBe(3.1);
    // 3 × 576,000 − 150,000
    expect(c.netValue3y).toBe(157_800_000n);
    // 0 %: the present value is the net value
    expect(c.presentValue3y).toBe(c.netValue3y);
    // 1,578,000 ÷ 150,000
    expect(c.roi).toBe(10.52);
  });

  it('a 6-month ramp-up: the saving rises in a straight line, payback 6.3 months, half a year of saving less', () => {
    const c = exactCase({ ...sample, rampMonths: 6 });
    // Monthly: full saving 50,000, running 2,000; cumulated net after t ≤ 6 months 50,000·t²/12 − 2,000·t:
    // 138,000 after 6 months, 186,000 after 7; 6 + (150,000 − 138,000) / 48,000 = 6.25
    expect(c.paybackMonths).toBe(6.3);
    // 36 months: 50,000 × (36 − 3) − 72,000 − 150,000
    expect(c.netValue3y).toBe(142_800_000n);
    expect(c.netSavingPerPeriod).toBe(57_600_000n);
    // paid back inside the ramp-up: a 12-month ramp, 1,000,000 a year saved, nothing running, 100,000 invested:
    // cumulated 1,000,000/12 · t²/24; after 3 months 31,250, after 4: 55,555.56, 5: 86,805.56, 6: 125,000 ≥ 100,000
    // → 5 + (100,000 − 86,805.56) / (125,000 − 86,805.56) = 5.345…
    expect(exactCase({ savingPerPeriod: 100_000_000n, investment: 10_000_000n, runningPerPeriod: null, rampMonths: 12, period: 'year', discountRate: 0 }).paybackMonths).toBe(5.3);
  });

  it('no saving, or less than the running cost: never pays back — an answer, not a division by zero', () => {
    for (const saving of [0n, -500_000n, 2_400_000n, 1_000_000n]) {
      const c = exactCase({ ...sample, savingPerPeriod: saving });
      expect(c.paybackMonths).toBeNull();
      expect(caseFigures(asNumbers({ ...sample, savingPerPeriod: saving })).paybackMonths).toBeNull();
    }
    const none = exactCase({ ...sample, savingPerPeriod: 0n });
    expect(none.netSavingPerPeriod).toBe(-2_400_000n);
    // 3 years of running cost and the investment lost
    expect(none.netValue3y).toBe(-7_200_000n - 15_000_000n);
    expect(none.roi).toBe(-1.48);
  });

  it('no investment: paid back at once, no ROI', () => {
    const c = exactCase({ ...sample, investment: null });
    expect(c.paybackMonths).toBe(0);
    expect(c.roi).toBeNull();
    expect(c.netValue3y).toBe(172_800_000n);
    expect(exactCase({ ...sample, investment: 0n }).roi).toBeNull();
    expect(caseFigures(asNumbers({ ...sample, investment: null })).roi).toBeNull();
  });

  it('at 8 % a year, discounted monthly: $1,388,079.91', () => {
    const c = exactCase({ ...sample, discountRate: 0.08 });
    // i = 1.08^(1/12) − 1 = 0.00643403…; 36 months of 48,000 at the end of each month:
    // 48,000 × (1 − 1.08^−3) / i = 48,000 × 32.0433313887… = 1,538,079.9067, less the 150,000 paid now
    expect(c.presentValue3y).toBe(138_807_991n);
    expect(c.netValue3y).toBe(157_800_000n);
    // with the 6-month ramp-up, month by month: 1,240,486.08
    expect(exactCase({ ...sample, discountRate: 0.08, rampMonths: 6 }).presentValue3y).toBe(124_048_608n);
  });

  it('per month: the same change priced on a monthly board gives the same payback', () => {
    const c = exactCase({ savingPerPeriod: 5_000_000n, investment: 15_000_000n, runningPerPeriod: 200_000n, rampMonths: null, period: 'month', discountRate: 0 });
    expect(c.paybackMonths).toBe(3.1);
    expect(c.netValue3y).toBe(157_800_000n);
  });

  it('the number path (for the simulation) agrees with the exact one', () => {
    for (const input of [sample, { ...sample, rampMonths: 6 }, { ...sample, rampMonths: 2.5, discountRate: 0.08 }, { ...sample, discountRate: 1 }]) {
      const exact = exactCase(input);
      const n = caseFigures(asNumbers(input));
      expect(n.paybackMonths).toBeCloseTo(exact.paybackMonths!, 1);
      expect(Math.abs(n.netValue3y - Number(exact.netValue3y))).toBeLessThan(1);
      expect(Math.abs(n.presentValue3y - Number(exact.presentValue3y))).toBeLessThan(1);
      expect(n.netSavingPerPeriod).toBe(Number(exact.netSavingPerPeriod));
    }
    expect(caseFigures(asNumbers(sample)).paybackMonths).toBe(3.125);
  });
});
