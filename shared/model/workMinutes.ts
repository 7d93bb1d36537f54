import { parseDurationRange } from './duration.js';
import { formatFigure, type ParsedRange } from './parseFigure.js';

/**
 * Minutes of work per unit as people write them in a workshop or a spreadsheet: a bare figure is
 * minutes ("6", "7,5" on de-DE), a unit may come along ("6 min", "6 Min.", "1 h" = 60, "0,5 h" =
 * 30, "1 h 30 min"), and a range is low–high as in every range field ("4-8 min", "4–8", "1–2 h",
 * "4 / 6 / 10"). It is the wait and process times' reader (duration.ts) with minutes as the unit
 * of a bare figure, so the details panel, the ledger's cells, a pasted block and an imported file
 * read the same text alike. Seconds are taken as fractions of a minute ("90 s" = 1.5, "90 Sek."
 * on de-DE, "1 min 30 s"), rounded to the hundredth a step's minutes keep ("20 s" = 0.33 min,
 * 0.6 s either way: no stopwatch in a workshop is finer).
 *
 * Returns hundredths of a minute, as parseFigureRange returns a figure with 2 decimals.
 */
export function parseWorkMinutes(text: string, { label, locale, max }: { label: string; locale: string; max: bigint }): ParsedRange {
  const r = parseDurationRange(text, { label, locale, defaultUnit: 'minutes', seconds: true });
  if (!r.ok) return r;
  if (!r.range) return { ok: true, range: null };
  const [low, likely, high] = [r.range.low, r.range.likely, r.range.high].map((m) => BigInt(Math.round(m * 100)));
  if (high > max) {
    const shown = (v: bigint) => formatFigure(v, { locale, decimals: 2 });
    return { ok: false, error: `${label}: ${shown(high)} min is more than this board takes (at most ${shown(max)} min); check the figure.` };
  }
  return { ok: true, range: { low, likely, high } };
}
