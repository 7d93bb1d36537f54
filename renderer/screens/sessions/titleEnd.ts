/** Titles longer than this may not fit a library card's lines: their end is kept in view (titleEnd). */
const LONG = 60;
/** About as many characters as one line of the narrowest card holds. */
const END = 24;

/**
 * A long title as a card shows it: its start, cut with an ellipsis where the card runs out of
 * lines, and its last words always in view — so "… every hand-over (copy)" tells a duplicate from
 * the session it copies. Null for a title short enough to show whole.
 */
export function titleEnd(title: string): { start: string; end: string } | null {
  if (title.length <= LONG) return null;
  let at = title.length - END;
  // From a word's start, when one begins in the last characters.
  const space = title.indexOf(' ', at);
  if (space >= 0 && space < title.length - 6) at = space + 1;
  return { start: title.slice(0, at), end: title.slice(at) };
}
