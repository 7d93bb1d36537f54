/**
 * The number formats people choose from: the board's settings and an import's "Numbers in this
 * file" offer these (and whatever the board has), and an import tries them on a file's figures.
 */
export const commonLocales = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'nl-NL', 'es-ES', 'it-IT', 'sv-SE', 'da-DK', 'pl-PL', 'ja-JP'] as const;

/** The currencies people choose from in the board's settings and an import into a new session (and whatever the board has). */
export const commonCurrencies = ['USD', 'EUR', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'JPY', 'INR'] as const;

/** The currency of each country our locales write figures for (the tag's region), per ISO 4217; the euro area's members EUR. */
const currencyOfRegion: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CA: 'CAD',
  AU: 'AUD',
  JP: 'JPY',
  IN: 'INR',
  ...Object.fromEntries(['DE', 'AT', 'FR', 'BE', 'NL', 'LU', 'IE', 'ES', 'PT', 'IT', 'FI', 'GR', 'SK', 'SI', 'EE', 'LV', 'LT', 'MT', 'CY', 'HR'].map((r) => [r, 'EUR'])),
};

/**
 * The currency a board whose figures are written in `locale` most likely counts in ("de-DE" →
 * EUR, "en-GB" → GBP): what a new session made from a German file starts with, said in the
 * import's preview and changed there or in the board's settings. null: the tag names no country
 * we know the currency of ("de", "en-150").
 */
export function currencyOfLocale(locale: string): string | null {
  const region = locale.split('-').find((part, i) => i > 0 && /^[A-Z]{2}$/.test(part));
  return (region && currencyOfRegion[region]) ?? null;
}

/** Whether a tag is a locale this runtime formats numbers in ("de-DE" yes, "xx-YY" or "de_DE" no). */
export function isKnownLocale(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false;
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/** "1.234,50 (de-DE)": a locale as people recognise it, by how it writes a figure. */
export const localeSample = (locale: string): string => `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, useGrouping: true }).format(1234.5)} (${locale})`;

const signs = new Map<string, string>();
/** The decimal sign a locale writes: "," in de-DE and fr-FR, "." in en-US. */
export function decimalSign(locale: string): string {
  let sign = signs.get(locale);
  if (sign === undefined) {
    sign = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    signs.set(locale, sign);
  }
  return sign;
}
