/**
 * Text laid out once per change, drawn by a card's own shape each frame: measuring happens here,
 * on a canvas of our own, never in a frame.
 */
let measurer: CanvasRenderingContext2D | null = null;
function ctx(font: string): CanvasRenderingContext2D {
  measurer ??= document.createElement('canvas').getContext('2d')!;
  measurer.font = font;
  return measurer;
}

/** Cut to fit `width` with an ellipsis (always ending in one when `more` says text was left out). */
export function fitLine(text: string, font: string, width: number, more = false): string {
  const c = ctx(font);
  if (!more && c.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** Word-wrapped lines that fit `width`, at most `maxLines`; the last one ends in an ellipsis if text is left over. */
export function wrapLines(text: string, font: string, width: number, maxLines: number): string[] {
  if (maxLines <= 0) return [];
  const c = ctx(font);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (c.measureText(next).width <= width) line = next;
      else {
        if (line) lines.push(line);
        line = c.measureText(word).width <= width ? word : fitLine(word, font, width);
      }
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitLine(kept[maxLines - 1], font, width, true);
  return kept;
}

/** How wide `text` is drawn in `font`, in px. */
export function textWidth(text: string, font: string): number {
  return ctx(font).measureText(text).width;
}
