import type Konva from 'konva';

/** A card's paper: a flat offset shadow (no blurred canvas shadow: a frame's budget on a big board) and the fill. */
export function paintCard(c: CanvasRenderingContext2D, w: number, h: number, fill: string, radius: number, shadow: { dx: number; dy: number; alpha: number }): void {
  c.fillStyle = `rgba(58,42,26,${shadow.alpha})`;
  c.beginPath();
  c.roundRect(shadow.dx, shadow.dy, w, h, radius);
  c.fill();
  c.fillStyle = fill;
  c.beginPath();
  c.roundRect(0, 0, w, h, radius);
  c.fill();
}

/** Hit region of a card shape: its whole box. */
export function cardHit(ctx: Konva.Context, shape: Konva.Shape): void {
  ctx.beginPath();
  ctx.rect(0, 0, shape.width(), shape.height());
  ctx.fillStrokeShape(shape);
}
