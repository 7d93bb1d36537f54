import { isCanvasElement, type BoardElement } from '../model/board.js';
import { absoluteBox, computeGrid, gridSize } from '../model/grid.js';

const fill: Partial<Record<BoardElement['kind'], string>> = { step: '#fffdf7', note: '#f7e07a', text: 'none', frame: 'none' };

/**
 * A board's thumbnail for the library: the lanes and stages and a box per card, in a few hundred
 * bytes of SVG (no text, which would not read at this size anyway). Drawn from the model, like
 * the exports, so it needs no screen; the host draws it when the library is listed, once per
 * change of the session.
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
  for (const { e, b } of boxes) {
    const f = fill[e.kind] ?? 'none';
    parts.push(rect(b.x, b.y, b.w, b.h, f === 'none' ? 'fill="none" stroke="#5b4126" stroke-width="0.6"' : `fill="${f}" stroke="#5b4126" stroke-width="0.3"`));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#c9a26b"/>${parts.join('')}</svg>`;
}
