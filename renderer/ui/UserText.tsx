/**
 * Text people typed (a session's title, a card's, a cell's), shown inline with our own words.
 * Isolated from them, as the Unicode bidirectional algorithm allows (UAX #9, isolates): a title
 * in Arabic or Hebrew, or one holding U+202E (right-to-left override), then cannot reorder the
 * date or the words after it ("deleted 12/2/2026" read backwards). The one way we do it:
 * <bdi> in the page, FSI…PDI where the text goes into a plain string (a toast).
 */
export function UserText({ children }: { children: string }) {
  return <bdi>{children}</bdi>;
}

/** The same isolation inside a string: U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE. */
export const isolated = (text: string): string => `\u2068${text}\u2069`;
