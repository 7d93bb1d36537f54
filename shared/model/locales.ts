/**
 * The number formats people choose from: the board's settings and an import's "Numbers in this
 * file" offer these (and whatever the board has), and an import tries them on a file's figures.
 */
export const commonLocales = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'nl-NL', 'es-ES', 'it-IT', 'sv-SE', 'da-DK', 'pl-PL', 'ja-JP'] as const;

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
