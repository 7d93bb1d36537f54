import { describe, expect, it } from 'vitest';
import { formatFigure, parseFigure, type FigureRules } from './parseFigure.js';

const money = (locale: string, currency = locale === 'en-US' ? 'USD' : 'EUR'): FigureRules => ({ label: 'Unit cost', locale, decimals: currency === 'JPY' ? 0 : 2, max: 10n ** 13n, currency });
const count = (locale: string): FigureRules => ({ label: 'Volume', locale, decimals: 0, max: 10n ** 12n });
const minutes = (locale: string): FigureRules => ({ label: 'Minutes', locale, decimals: 2, max: 10n ** 8n });

function value(text: string, rules: FigureRules): bigint | null {
  const r = parseFigure(text, rules);
  if (!r.ok) throw new Error(`${JSON.stringify(text)} refused: ${r.error}`);
  return r.scaled;
}
function refusal(text: string, rules: FigureRules): string {
  const r = parseFigure(text, rules);
  if (r.ok) throw new Error(`${JSON.stringify(text)} was taken as ${r.scaled}`);
  return r.error;
}

describe('figures typed in the board’s number format', () => {
  it('en-US: "1,234.50" and "1234.5" are the same amount; commas group, the dot is the decimal sign', () => {
    expect(value('1,234.50', money('en-US'))).toBe(123_450n);
    expect(value('1234.5', money('en-US'))).toBe(123_450n);
    expect(value('6', money('en-US'))).toBe(600n);
    expect(value('0.10', money('en-US'))).toBe(10n);
    expect(value('.5', money('en-US'))).toBe(50n);
    expect(value('1,234,567.89', money('en-US'))).toBe(123_456_789n);
    expect(value('100,000', count('en-US'))).toBe(100_000n);
    expect(value('7.5', minutes('en-US'))).toBe(750n);
  });

  it('de-DE: "1.234,50" and "1234,5" are the same amount; dots group, the comma is the decimal sign', () => {
    expect(value('1.234,50', money('de-DE'))).toBe(123_450n);
    expect(value('1234,5', money('de-DE'))).toBe(123_450n);
    expect(value('1.234', money('de-DE'))).toBe(123_400n);
    expect(value('100.000', count('de-DE'))).toBe(100_000n);
    expect(value('7,5', minutes('de-DE'))).toBe(750n);
  });

  it('a space, no-break space or narrow no-break space groups thousands (fr-FR, sv-SE, pl-PL), as does de-CH’s apostrophe', () => {
    expect(value('12 000', count('fr-FR'))).toBe(12_000n);
    expect(value('12\u00a0000', count('sv-SE'))).toBe(12_000n);
    expect(value('12\u202f000', count('fr-FR'))).toBe(12_000n);
    expect(value('1\u202f234,50', money('fr-FR'))).toBe(123_450n);
    expect(value('12 000', count('en-US'))).toBe(12_000n);
    expect(value("1'234.50", money('de-CH', 'CHF'))).toBe(123_450n);
    expect(value('1’234.50', money('de-CH', 'CHF'))).toBe(123_450n);
    expect(value('12,34,567', count('en-IN'))).toBe(1_234_567n);
    expect(value('1,234,567', count('en-IN'))).toBe(1_234_567n);
  });

  it('the board’s currency pasted along is fine, before or after, as sign or code; another currency is named', () => {
    expect(value('$1,234.50', money('en-US'))).toBe(123_450n);
    expect(value('1.234,50 €', money('de-DE'))).toBe(123_450n);
    expect(value('1.234,50\u00a0€', money('de-DE'))).toBe(123_450n);
    expect(value('€ 6', money('nl-NL'))).toBe(600n);
    expect(value('EUR 6,00', money('de-DE'))).toBe(600n);
    expect(value('6 kr', money('sv-SE', 'SEK'))).toBe(600n);
    expect(value('¥1,200', money('ja-JP', 'JPY'))).toBe(1200n);
    expect(value('￥１，２００', money('ja-JP', 'JPY'))).toBe(1200n);
    expect(refusal('$45', money('de-DE'))).toBe('Unit cost: this board counts in EUR, not “$”.');
    expect(refusal('45 GBP', money('en-US'))).toBe('Unit cost: this board counts in USD, not “GBP”.');
  });

  it('empty is "no figure" (the field is cleared), not zero', () => {
    expect(value('', money('en-US'))).toBeNull();
    expect(value('   ', count('de-DE'))).toBeNull();
    expect(value('0', count('de-DE'))).toBe(0n);
  });

  it('a dash alone is zero, as Excel’s accounting format shows and copies a zero and a German table writes "nothing"', () => {
    for (const t of ['-', '–', '—', ' -   € ', '€ -', '- €']) expect(value(t, money('de-DE'))).toBe(0n);
    expect(value(' $ -   ', money('en-US'))).toBe(0n);
    expect(value('—', count('de-DE'))).toBe(0n);
    expect(value('–', minutes('de-DE'))).toBe(0n);
    // Brackets are a negative, not a dash: "()" is still no number.
    expect(parseFigure('()', money('en-US')).ok).toBe(false);
  });

  it('ambiguous separators are refused with how this board writes numbers, never guessed', () => {
    // English habits on a German board: "12.50" is not 1.250 € and "100,000" is not 100.
    expect(refusal('12.50', money('de-DE'))).toBe('Unit cost: “12.50” is ambiguous; on this board (de-DE) the decimal sign is “,”, so write it like 1.234,50.');
    expect(refusal('1234.5', money('de-DE'))).toContain('the decimal sign is “,”');
    expect(refusal('100,000', count('de-DE'))).toContain('the decimal sign is “,”');
    expect(refusal('1,234', money('de-DE'))).toContain('ambiguous');
    // German habits on an English board.
    expect(refusal('1,5', minutes('en-US'))).toBe('Minutes: “1,5” is ambiguous; on this board (en-US) the decimal sign is “.”, so write it like 7.5.');
    expect(refusal('1.234,50', money('en-US'))).toContain('the decimal sign is “.”');
    expect(refusal('1.234', money('en-US'))).toContain('ambiguous');
    expect(refusal('6.000', money('en-US'))).toContain('ambiguous');
    expect(refusal('1,23,4', count('en-US'))).toContain('ambiguous');
  });

  it('negative figures are refused, however the minus is written, naming the field', () => {
    for (const t of ['-5', '−5', '–5', '5-', '(5.00)', '-$5', '$-5', '- 5']) expect(refusal(t, money('en-US'))).toBe(`Unit cost cannot be negative (“${t}”).`);
    expect(refusal('-12 000', count('fr-FR'))).toBe('Volume cannot be negative (“-12 000”).');
    expect(value('-0', count('en-US'))).toBe(0n);
  });

  it('absurd figures are refused with the limit, written as the board writes numbers', () => {
    expect(refusal('5,000,000,000,000', count('en-US'))).toBe('Volume: 5,000,000,000,000 is more than this board takes (at most 1,000,000,000,000); check the figure.');
    expect(refusal('100.000.000.000,01', money('de-DE'))).toMatch(/^Unit cost: 100\.000\.000\.000,01 is more than this board takes \(at most 100\.000\.000\.000\)/);
    expect(refusal('9'.repeat(40), count('en-US'))).toContain('far more');
  });

  it('anything else is not a number, with an example in this board’s format', () => {
    expect(refusal('lots', count('en-US'))).toBe('Volume: “lots” is not a number; write it like 40,000.');
    expect(refusal('lots', count('de-DE'))).toBe('Volume: “lots” is not a number; write it like 40.000.');
    for (const t of ['six', '1e3', 'Infinity', 'NaN', '1 2', '12..5', '0x10', '5 $ 5', '.', '$5']) expect(parseFigure(t, t === '$5' ? count('en-US') : money('en-US')).ok).toBe(false);
    expect(refusal('1.5', count('en-US'))).toBe('Volume is a count: a whole number, like 40,000.');
    expect(refusal('6.555', minutes('en-US'))).toContain('ambiguous');
    expect(refusal('1,234.567', money('en-US'))).toBe('Unit cost: “1,234.567” has more than 2 decimals.');
    expect(refusal('x'.repeat(200), count('en-US'))).toBe(`Volume: “${'x'.repeat(23)}…” is not a number; write it like 40,000.`);
  });

  it('what formatFigure writes, parseFigure reads back, in every number format the dashboard offers', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'nl-NL', 'es-ES', 'it-IT', 'sv-SE', 'da-DK', 'pl-PL', 'ja-JP', 'de-CH', 'en-IN']) {
      for (const scaled of [0n, 5n, 123_450n, 9_999_999n, 10n ** 13n]) {
        const shown = formatFigure(scaled, { locale, decimals: 2, allDecimals: true });
        expect(value(shown, money(locale)), `${locale} ${shown}`).toBe(scaled);
      }
      expect(value(formatFigure(1_234_567n, { locale, decimals: 0 }), count(locale))).toBe(1_234_567n);
      expect(value(formatFigure(750n, { locale, decimals: 2 }), minutes(locale))).toBe(750n);
    }
    expect(formatFigure(123_450n, { locale: 'de-DE', decimals: 2, allDecimals: true })).toBe('1.234,50');
    expect(formatFigure(750n, { locale: 'de-DE', decimals: 2 })).toBe('7,5');
    expect(formatFigure(10n ** 15n, { locale: 'en-US', decimals: 2, allDecimals: true })).toBe('10,000,000,000,000.00');
  });
});
