/**
 * Text as a search compares it: without accents and case, so "arztekammer" finds "Ärztekammer"
 * and "cafe" finds "Café" — people type a search fast, often on a keyboard of another language.
 */
function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/** Does `text` hold what was typed in a search (folded both)? An empty search finds everything. */
export function matchesSearch(text: string, search: string): boolean {
  const words = foldForSearch(search.trim());
  return words === '' || foldForSearch(text).includes(words);
}
