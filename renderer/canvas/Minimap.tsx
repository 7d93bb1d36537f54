import { useEffect, useRef } from 'react';
import { unionBox } from '../../shared/model/geometry';
import { useBoardView } from '../state/boardView';
import { useUi } from '../state/uiStore';
import { visibleBox } from './camera';
import { contentBounds } from './zoom';
import { cardFill } from './theme';

const W = 220;
const H = 140;

/** The whole board in miniature with the view's outline; click or drag to go there. */
export function Minimap() {
  const ref = useRef<HTMLCanvasElement>(null);
  const view = useBoardView();
  const viewport = useUi((s) => s.viewport);
  const size = useUi((s) => s.canvasSize);
  const shown = visibleBox(viewport, size.width, size.height);
  const world = unionBox([contentBounds() ?? shown, shown])!;
  const k = Math.min(W / world.w, H / world.h);
  const ox = (W - world.w * k) / 2 - world.x * k;
  const oy = (H - world.h * k) / 2 - world.y * k;

  // The board's part is drawn into a canvas of its own and only again when what it shows changed
  // (the grid, a box, a card's colour, the scale): a pan or a paste of figures redraws the outline only.
  const board = useRef<{ canvas: HTMLCanvasElement; grid: unknown; boxes: unknown; k: number; ox: number; oy: number; fills: string[] } | null>(null);
  useEffect(() => {
    const c = ref.current?.getContext('2d');
    if (!c) return;
    const fills = view.cards.map((e) => (e.kind === 'text' ? '#6b5a48' : cardFill[e.color]));
    const was = board.current;
    if (!was || was.grid !== view.grid || was.boxes !== view.boxes || was.k !== k || was.ox !== ox || was.oy !== oy || was.fills.length !== fills.length || fills.some((f, i) => f !== was.fills[i])) {
      const canvas = was?.canvas ?? document.createElement('canvas');
      canvas.width = W;
      canvas.height = H;
      const b2 = canvas.getContext('2d')!;
      b2.clearRect(0, 0, W, H);
      b2.fillStyle = 'rgba(0,0,0,0.08)';
      for (const l of view.grid.lanes) b2.fillRect(ox, oy + l.start * k, (view.grid.stages.reduce((s, b) => s + b.size, 0) || 1) * k, Math.max(1, l.size * k - 1));
      view.cards.forEach((e, i) => {
        const b = view.boxes.get(e.id)!;
        b2.fillStyle = fills[i];
        b2.fillRect(ox + b.x * k, oy + b.y * k, Math.max(1.5, b.w * k), Math.max(1.5, b.h * k));
      });
      board.current = { canvas, grid: view.grid, boxes: view.boxes, k, ox, oy, fills };
    }
    c.clearRect(0, 0, W, H);
    c.drawImage(board.current!.canvas, 0, 0);
    c.strokeStyle = '#1f6feb';
    c.lineWidth = 2;
    c.strokeRect(ox + shown.x * k, oy + shown.y * k, shown.w * k, shown.h * k);
  });

  const goTo = (clientX: number, clientY: number) => {
    const r = ref.current!.getBoundingClientRect();
    const bx = (clientX - r.left - ox) / k;
    const by = (clientY - r.top - oy) / k;
    const v = useUi.getState().viewport;
    useUi.setState({ viewport: { ...v, x: size.width / 2 - bx * v.scale, y: size.height / 2 - by * v.scale } });
  };
  return (
    <canvas
      ref={ref}
      className="minimap"
      width={W}
      height={H}
      role="img"
      aria-label="Minimap: click to move the view"
      onPointerDown={(e) => goTo(e.clientX, e.clientY)}
      onPointerMove={(e) => e.buttons === 1 && goTo(e.clientX, e.clientY)}
    />
  );
}
