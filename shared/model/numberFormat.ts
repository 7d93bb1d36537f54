/**
 * Intl.NumberFormat for a locale and options, made once and kept: making one costs far more than
 * formatting with it, and the ledger, the canvas's badges and the exports format thousands of
 * figures with the same few. A locale the runtime does not know formats as en-US.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('en-US', options);
    }
    // A board has one locale and one currency; the cap only guards against a caller that varies them endlessly.
    if (formats.size > 1000) formats.clear();
    formats.set(key, f);
  }
  return f;
}
