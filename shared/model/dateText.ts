/**
 * Every date and time the app shows, in the board's locale like its figures: a de-DE board says
 * "Do., 3. Dez., 09:15" beside "1.476.000,00 €", never the browser's "Thu, Dec 3, 9:15 AM".
 * Times are the viewer's own clock (the time zone is the device's); only the words and order
 * follow the board. Intl.DateTimeFormat is made once per locale and style and kept, as numbers'
 * formats are (numberFormat.ts); a locale the runtime does not know writes as en-US.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat('en-US', options);
    }
    if (formats.size > 1000) formats.clear();
    formats.set(key, f);
  }
  return f;
}

/** "3 Dec 2026, 09:15" (en-GB), "03.12.2026, 09:15" (de-DE): when a session was changed or deleted. */
export const dateAndTime = (t: number, locale: string): string => dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(t);

/** "09:15" (de-DE), "09:15 AM" (en-US): a checkpoint on the day's time line. */
export const clockTime = (t: number, locale: string): string => dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(t);

/** "Do., 3. Dez." (de-DE), "Thu, Dec 3" (en-US): where a day begins on the time line. */
export const dayName = (t: number, locale: string): string => dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(t);

/** "Do., 3. Dez., 09:15": a checkpoint said in full. */
export const dayAndTime = (t: number, locale: string): string => dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(t);

/** "2026-12-03": a day in a file's name (ISO 8601, UTC), the same whatever the locale, so files sort by date. */
export const fileDay = (d: Date): string => d.toISOString().slice(0, 10);
