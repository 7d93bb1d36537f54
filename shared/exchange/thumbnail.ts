import { isCanvasElement, type BoardElement } from '../model/board.js';
import { absoluteBox, computeGrid, gridSize } from '../model/grid.js';

const fill: Partial<Record<BoardElement['kind'], string>> = { step: '#fffdf7', note: '#f7e07a', text: 'none', frame: 'none' };

/** Up to this many cards a thumbnail draws each one's box; past it, where cards are. */
const EACH_CARD_UP_TO = 300;
/** The side of a square of the thumbnail that a crowded board fills or leaves brown, in pixels. */
const CELL = 3;

/**
 * A board's thumbnail for the library: the lanes and stages and a box per card, in SVG of a few
 * kilobytes at most (no text, which would not read at this size anyway). Drawn from the model,
 * like the exports, so it needs no screen; the host draws it when a session goes quiet and sends
 * every one with the library's list. A crowded board is drawn by where its cards are, in 3-pixel
 * squares joined along each row, not card by card: 5,000 notes made 509 KB a thumbnail, all of it
 * sub-pixel boxes on top of each other, sent again with every listing.
 */
export function boardThumbnail(elements: Iterable<BoardElement>, width = 240, height = 135): string {
  const all = [...elements];
  const grid = computeGrid(all);
  const size = gridSize(grid);
  const boxes = all.filter(isCanvasElement).map((e) => ({ e, b: absoluteBox(e, grid) }));
  let [x0, y0, x1, y1] = [0, 0, Math.max(size.w, 1), Math.max(size.h, 1)];
  for (const { b } of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  const scale = Math.min(width / (x1 - x0), height / (y1 - y0));
  const r = (v: number) => Math.round(v * 10) / 10;
  const rect = (x: number, y: number, w: number, h: number, attrs: string) =>
    `<rect x="${r((x - x0) * scale)}" y="${r((y - y0) * scale)}" width="${r(Math.max(w * scale, 1))}" height="${r(Math.max(h * scale, 1))}" ${attrs}/>`;
  const parts: string[] = [];
  for (const lane of grid.lanes) parts.push(rect(0, lane.start, size.w, lane.size, 'fill="none" stroke="#7a5a36" stroke-width="0.5"'));
  for (const stage of grid.stages) parts.push(rect(stage.start, 0, stage.size, size.h, 'fill="none" stroke="#7a5a36" stroke-width="0.5"'));
  if (boxes.length <= EACH_CARD_UP_TO) {
    for (const { e, b } of boxes) {
      const f = fill[e.kind] ?? 'none';
      parts.push(rect(b.x, b.y, b.w, b.h, f === 'none' ? 'fill="none" stroke="#5b4126" stroke-width="0.6"' : `fill="${f}" stroke="#5b4126" stroke-width="0.3"`));
    }
  } else {
    // One layer per fill, drawn in this order: frames and text (outlines) under steps under notes.
    const cols = Math.ceil(width / CELL);
    const rows = Math.ceil(height / CELL);
    const layers = new Map<string, Uint8Array>();
    for (const { e, b } of boxes) {
      const f = fill[e.kind] ?? 'none';
      let cells = layers.get(f);
      if (!cells) layers.set(f, (cells = new Uint8Array(cols * rows)));
      const [c0, r0] = [Math.floor(((b.x - x0) * scale) / CELL), Math.floor(((b.y - y0) * scale) / CELL)];
      const [c1, r1] = [Math.max(c0, Math.ceil(((b.x + b.w - x0) * scale) / CELL) - 1), Math.max(r0, Math.ceil(((b.y + b.h - y0) * scale) / CELL) - 1)];
      for (let row = Math.max(r0, 0); row <= Math.min(r1, rows - 1); row++) cells.fill(1, row * cols + Math.max(c0, 0), row * cols + Math.min(c1, cols - 1) + 1);
    }
    for (const f of ['none', fill.step!, fill.note!]) {
      const cells = layers.get(f);
      if (!cells) continue;
      const runs: string[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          if (!cells[row * cols + col]) continue;
          const start = col;
          while (col + 1 < cols && cells[row * cols + col + 1]) col++;
          runs.push(`<rect x="${start * CELL}" y="${row * CELL}" width="${(col - start + 1) * CELL}" height="${CELL}"/>`);
        }
      }
      parts.push(`<g ${f === 'none' ? 'fill="#5b4126" fill-opacity="0.25"' : `fill="${f}"`}>${runs.join('')}</g>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#c9a26b"/>${parts.join('')}</svg>`;
}
