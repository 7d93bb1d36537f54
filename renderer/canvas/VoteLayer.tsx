import { memo } from 'react';
import { Shape } from 'react-konva';
import type { Box } from '../../shared/model/geometry';
import type { VoteRound } from '../../shared/model/vote';
import { fontFamily } from './theme';
import { boardLook } from '../../shared/exchange/look';

interface Props {
  round: VoteRound | null;
  /** this person's dots (element ids, one per dot) */
  dots: string[];
  colour: string;
  boxes: Map<string, Box>;
}

/**
 * Dot voting on the cards, drawn in one pass: while a round is open the candidates are ringed
 * and this person's own dots sit on their top edge; once revealed, each card shows its count.
 */
export const VoteLayer = memo(function VoteLayer({ round, dots, colour, boxes }: Props) {
  if (!round || round.status === 'closed') return null;
  const mine = new Map<string, number>();
  for (const id of dots) mine.set(id, (mine.get(id) ?? 0) + 1);
  return (
    <Shape
      listening={false}
      sceneFunc={(ctx) => {
        const c = ctx._context;
        for (const id of round.elementIds) {
          const b = boxes.get(id);
          if (!b) continue;
          if (round.status === 'open') {
            c.setLineDash([10, 6]);
            c.strokeStyle = '#c77800';
            c.lineWidth = 3;
            c.strokeRect(b.x - 7, b.y - 7, b.w + 14, b.h + 14);
            c.setLineDash([]);
            const n = mine.get(id) ?? 0;
            for (let i = 0; i < n; i++) {
              c.beginPath();
              c.arc(b.x + b.w - 14 - i * 24, b.y - 7, 10, 0, Math.PI * 2);
              c.fillStyle = colour;
              c.fill();
              c.lineWidth = 2.5;
              c.strokeStyle = '#fff';
              c.stroke();
            }
          } else {
            const n = round.tally[id] ?? 0;
            if (n === 0) continue;
            const x = b.x + b.w - 4;
            const y = b.y + 4;
            c.beginPath();
            c.arc(x, y, 20, 0, Math.PI * 2);
            c.fillStyle = boardLook.voteBadge;
            c.fill();
            c.lineWidth = 3;
            c.strokeStyle = '#fff';
            c.stroke();
            c.fillStyle = '#fff';
            c.font = `bold 20px ${fontFamily}`;
            c.textAlign = 'center';
            c.textBaseline = 'middle';
            c.fillText(String(n), x, y + 1);
            c.textAlign = 'start';
            c.textBaseline = 'alphabetic';
          }
        }
      }}
    />
  );
});
