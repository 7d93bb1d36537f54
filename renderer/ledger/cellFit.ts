/**
 * Whether a cell's text fits its column, measured on a canvas once per text. Only a text that may
 * not fit is clipped (and ends in "…"): each clip is a box of its own for the browser to track,
 * and a clip on every cell of the rows drawn (about 800 of them) took half of the time of a frame
 * while the ledger scrolled.
 */
export interface CellFit {
  /** true when `text` surely fits a cell `width` px wide; false when it may not */
  fits(text: string, width: number): boolean;
}

/** Room kept for what the canvas does not measure: tabular figures, a fallback font's hinting. */
const SLACK = 0.94;
/** Texts measured are kept up to this many, then measured again as they come. */
const KEEP = 20_000;

/** The fit of texts in cells styled as `cell` (its font, its padding and border), or null without a canvas. */
export function cellFitOf(cell: HTMLElement): CellFit | null {
  const cs = getComputedStyle(cell);
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  // The shorthand `font` of a computed style is empty while font-variant-numeric is set: built from its parts.
  context.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  const inset = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
  const measured = new Map<string, number>();
  const widthOf = (text: string) => {
    let w = measured.get(text);
    if (w === undefined) {
      if (measured.size >= KEEP) measured.clear();
      w = context.measureText(text).width;
      measured.set(text, w);
    }
    return w;
  };
  return { fits: (text, width) => text === '' || widthOf(text) <= (width - inset) * SLACK - 1 };
}
