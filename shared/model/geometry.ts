// Plain geometry in board coordinates, shared by the canvas, hit tests and (later) exporters.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

export function unionBox(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A box from two corners in any order. */
export function boxFromCorners(x0: number, y0: number, x1: number, y1: number): Box {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), w: Math.abs(x1 - x0), h: Math.abs(y1 - y0) };
}

const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Where the ray from the box's centre towards (tx, ty) leaves the box. */
export function edgePoint(b: Box, tx: number, ty: number): { x: number; y: number } {
  const c = centre(b);
  const dx = tx - c.x;
  const dy = ty - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/**
 * The polyline of a connector between two boxes, as flat [x, y, x, y, …]. Straight: centre to
 * centre, clipped at both edges. Elbow: leaves and enters through the facing sides with
 * right angles, horizontally first when the boxes are further apart across than down.
 */
export function connectorPoints(from: Box, to: Box, route: 'straight' | 'elbow'): number[] {
  const a = centre(from);
  const b = centre(to);
  if (route === 'straight') {
    const p = edgePoint(from, b.x, b.y);
    const q = edgePoint(to, a.x, a.y);
    return [p.x, p.y, q.x, q.y];
  }
  if (Math.abs(b.x - a.x) >= Math.abs(b.y - a.y)) {
    const x1 = b.x > a.x ? from.x + from.w : from.x;
    const x2 = b.x > a.x ? to.x : to.x + to.w;
    const mx = (x1 + x2) / 2;
    return [x1, a.y, mx, a.y, mx, b.y, x2, b.y];
  }
  const y1 = b.y > a.y ? from.y + from.h : from.y;
  const y2 = b.y > a.y ? to.y : to.y + to.h;
  const my = (y1 + y2) / 2;
  return [a.x, y1, a.x, my, b.x, my, b.x, y2];
}
