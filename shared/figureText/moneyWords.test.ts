import { describe, expect, it } from 'vitest';
import { rangedMoney, rangedRate } from './parseFigures.js';

// Amounts as finance people type them in a German ledger: "45,-" is 45 €, and an hourly rate
// comes with its unit ("60 €/h"), neither a minus nor another currency.
describe('money as typed with its German dash and a rate with its unit', () => {
  const unitCost = rangedMoney('Unit cost', 'de-DE', 'EUR');
  const rate = rangedRate('Hourly rate', 'de-DE', 'EUR');
  const one = (cents: number) => ({ ok: true, value: { likely: cents, low: null, high: null } });

  it('"45,-" and "45,–" are whole euros; a minus before them is still refused', () => {
    expect(unitCost.parse('45,-')).toEqual(one(4500));
    expect(unitCost.parse('€ 45,–')).toEqual(one(4500));
    expect(rangedMoney('Unit cost', 'de-CH', 'CHF').parse('45.–')).toEqual(one(4500));
    expect(unitCost.parse('-45,-')).toEqual({ ok: false, error: 'Unit cost cannot be negative (“-45,-”).' });
    expect(unitCost.parse('45-')).toEqual({ ok: false, error: 'Unit cost cannot be negative (“45-”).' });
  });

  it('an hourly rate takes "/h", "/Std." and "pro Stunde" after it, a range too; a unit cost does not, and € is never called another currency', () => {
    expect(rate.parse('60 €/h')).toEqual(one(6000));
    expect(rate.parse('60 € pro Stunde')).toEqual(one(6000));
    expect(rate.parse('60/Std.')).toEqual(one(6000));
    expect(rate.parse('40–60 €/h')).toEqual({ ok: true, value: { likely: 5000, low: 4000, high: 6000 } });
    expect(rate.parse('60 $/h')).toEqual({ ok: false, error: 'Hourly rate: this board counts in EUR, not “$”.' });
    expect(unitCost.parse('45 €/h')).toEqual({ ok: false, error: 'Unit cost: “45 €/h” is not a number; write it like 1.234,50.' });
  });
});
