/**
 * Number formats of the cost workbook. Spreadsheets show thousands and decimal separators in
 * the reader's own locale, so the formats say only how many digits and where the currency's
 * symbol goes (before the number in en-US, after it in de-DE, as the board's locale writes it).
 */

export const countFormat = '#,##0';
export const minutesFormat = '#,##0.00';
export const hoursFormat = '#,##0.00';
export const shareFormat = '0.00%';

/** '"$"#,##0.00' for USD on en-US, '#,##0.00 "€"' for EUR on de-DE, '"¥"#,##0' for JPY. */
export function currencyFormat(currency: string, locale: string): string {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1234.5);
  } catch {
    parts = [
      { type: 'currency', value: currency },
      { type: 'literal', value: ' ' },
      { type: 'integer', value: '1' },
    ];
  }
  const digits = parts.find((p) => p.type === 'fraction')?.value.length ?? 0;
  const number = `#,##0${digits ? `.${'0'.repeat(digits)}` : ''}`;
  const at = parts.findIndex((p) => p.type === 'currency');
  const symbol = `"${(parts[at]?.value ?? currency).replace(/"/g, '')}"`;
  const before = at < parts.findIndex((p) => p.type === 'integer');
  // A space between symbol and number where the locale puts one (a no-break space becomes a plain one).
  const spaced = parts.some((p, i) => p.type === 'literal' && /\s/.test(p.value) && Math.abs(i - at) === 1);
  const sep = spaced ? ' ' : '';
  const positive = before ? `${symbol}${sep}${number}` : `${number}${sep}${symbol}`;
  const negative = before ? `-${symbol}${sep}${number}` : `-${number}${sep}${symbol}`;
  return `${positive};${negative}`;
}
