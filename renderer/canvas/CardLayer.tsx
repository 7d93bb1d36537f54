import { memo } from 'react';
import { Group, Shape } from 'react-konva';
import type { CanvasElement } from '../../shared/model/board';
import { connectorPoints, intersects, type Box } from '../../shared/model/geometry';
import type { BoardView } from '../state/boardView';
import { ElementNode, type CardCost } from './ElementNode';
import { toBeInk } from './ToBeTag';
import { stepFlags } from '../../shared/model/step';
import { waitBadgeLook } from '../../shared/exchange/look';
import { cardFill, flagStyle, fontFamily, heatFill, LOD_TEXT_SCALE, valueClassColour } from './theme';

interface Props {
  items: CanvasElement[];
  costs?: Map<string, CardCost>;
  boxes: Map<string, Box>;
  visible: Box;
  selection: string[];
  editingId: string | null;
  canDrag: boolean;
}

/**
 * The elements in view, one memoised node each. Culling keeps the node count to what is on
 * screen, so panning a 2,000-step board draws a few dozen cards per frame.
 */
export const CardLayer = memo(function CardLayer({ items, costs, boxes, visible, selection, editingId, canDrag }: Props) {
  return (
    <Group>
      {items.map((e) => {
        const box = boxes.get(e.id)!;
        if (!intersects(box, visible) && !selection.includes(e.id)) return null;
        return <ElementNode key={e.id} element={e} box={box} selected={selection.includes(e.id)} editing={editingId === e.id} draggable={canDrag && !e.locked} cost={costs?.get(e.id)} />;
      })}
    </Group>
  );
});

/**
 * Far out, every element in view is drawn by one shape in one pass: a filled box with its
 * value-class strip, its heat when a heat view is on, its flags as coloured marks and its money as a dark tag (what a
 * projector showing the whole map must still carry), and the connectors as plain lines. From
 * 30 % one line of the title and the cost; no hit testing.
 */
export const LodLayer = memo(function LodLayer({
  view,
  costs,
  visible,
  selection,
  offset,
}: {
  view: BoardView;
  costs: Map<string, CardCost>;
  visible: Box;
  selection: string[];
  offset: { dx: number; dy: number } | null;
}) {
  const selected = new Set(selection);
  return (
    <Group listening={false}>
      <Shape
        sceneFunc={(ctx, shape) => {
          const c = ctx._context;
          const scale = shape.getStage()?.scaleX() ?? 1;
          const titles: [string, number, number, number][] = [];
          const badges: [string, number, number][] = [];
          const waits: [string, number, number, number][] = [];
          c.strokeStyle = 'rgba(43,33,24,0.7)';
          c.lineWidth = 3;
          c.beginPath();
          for (const k of view.connectors) {
            const a = view.boxes.get(k.fromId);
            const b = view.boxes.get(k.toId);
            if (!a || !b || (!intersects(a, visible) && !intersects(b, visible))) continue;
            const p = connectorPoints(a, b, k.route);
            c.moveTo(p[0], p[1]);
            for (let i = 2; i < p.length; i += 2) c.lineTo(p[i], p[i + 1]);
          }
          c.stroke();
          const moved: Box[] = [];
          for (const e of [...view.frames, ...view.cards]) {
            const at = view.boxes.get(e.id)!;
            const b = offset && selected.has(e.id) ? { ...at, x: at.x + offset.dx, y: at.y + offset.dy } : at;
            if (selected.has(e.id)) moved.push(b);
            if (!intersects(b, visible)) continue;
            if (e.kind === 'frame') {
              c.strokeStyle = 'rgba(43,33,24,0.7)';
              c.lineWidth = 4;
              c.strokeRect(b.x, b.y, b.w, b.h);
            } else if (e.kind === 'text') {
              c.fillStyle = 'rgba(43,33,24,0.55)';
              c.fillRect(b.x, b.y + b.h * 0.3, b.w, b.h * 0.4);
            } else {
              c.fillStyle = cardFill[e.color];
              c.fillRect(b.x, b.y, b.w, b.h);
              const heat = e.kind === 'step' ? costs.get(e.id) : undefined;
              if (heat?.heat != null) {
                // The heat view far out too: the whole map on a projector is where it is shown.
                c.fillStyle = heatFill(heat.heatBy, heat.heat);
                c.fillRect(b.x, b.y, b.w, b.h);
              }
              if (e.kind === 'step') {
                c.fillStyle = valueClassColour[e.valueClass];
                c.fillRect(b.x, b.y, b.w, 12);
                if (e.scenarioId !== null) {
                  // Only in the to-be: the dashed border far out too.
                  c.strokeStyle = toBeInk;
                  c.lineWidth = 6;
                  c.setLineDash([16, 10]);
                  c.strokeRect(b.x, b.y, b.w, b.h);
                  c.setLineDash([]);
                }
                let fx = b.x + 10;
                for (const f of stepFlags) {
                  if (!e[f]) continue;
                  c.fillStyle = flagStyle[f].fill;
                  c.fillRect(fx, b.y + b.h - 30, 30, 20);
                  fx += 36;
                }
                const cost = costs.get(e.id);
                if (cost?.waitMinutes != null && cost.wait) {
                  // The wait badge far out too: on a projector showing the whole map, the long queues are what must jump out.
                  const look = waitBadgeLook(cost.waitMinutes);
                  const h = look.height * 1.6;
                  c.fillStyle = look.fill;
                  c.fillRect(b.x + 8, b.y - h + 10, Math.min(b.w - 16, (cost.wait.length + 5) * look.fontSize + 16), h);
                  if (scale >= LOD_TEXT_SCALE) waits.push([`wait ${cost.wait}`, b.x + 16, b.y + 10 - h * 0.3, Math.round(look.fontSize * 1.45)]);
                }
                const badge = cost?.badge;
                if (badge) {
                  const w = Math.min(b.w - 20, 24 + badge.length * 12);
                  c.fillStyle = '#2b2118';
                  c.fillRect(b.x + b.w - w - 8, b.y + b.h - 32, w, 24);
                  if (scale >= LOD_TEXT_SCALE) badges.push([badge, b.x + b.w - 20, b.y + b.h - 14]);
                }
              }
              const t = e.kind === 'step' ? e.title : e.text;
              if (t && scale >= LOD_TEXT_SCALE) titles.push([t, b.x + 10, b.y + 34, b.w - 20]);
            }
          }
          c.strokeStyle = '#1f6feb';
          c.lineWidth = 3 / scale;
          for (const b of moved) c.strokeRect(b.x - 4, b.y - 4, b.w + 8, b.h + 8);
          // One line of each title, cut to about the card's width (no measuring: this runs every frame).
          c.fillStyle = '#2b2118';
          c.font = `bold 20px ${fontFamily}`;
          for (const [t, x, y, w] of titles) {
            const fits = Math.floor(w / 11);
            c.fillText(t.length > fits ? `${t.slice(0, fits - 1)}…` : t, x, y);
          }
          c.fillStyle = '#fff';
          for (const [t, x, y, size] of waits) {
            c.font = `bold ${size}px ${fontFamily}`;
            c.fillText(t, x, y);
          }
          c.font = `bold 20px ${fontFamily}`;
          c.fillStyle = '#fff6dd';
          c.textAlign = 'right';
          for (const [t, x, y] of badges) c.fillText(t, x, y);
          c.textAlign = 'start';
        }}
      />
    </Group>
  );
});
