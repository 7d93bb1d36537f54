import type Konva from 'konva';
import { memo, useMemo } from 'react';
import { Group, Rect, Shape, Text } from 'react-konva';
import type { Box } from '../../shared/model/geometry';
import { gridSize, type Grid } from '../../shared/model/grid';
import type { PrivateCard, PrivateRound } from '../../shared/model/privateRound';
import { privateCardAction, useMyPrivateCards } from '../state/privateCards';
import { cardHit, paintCard } from './cardPaint';
import { cardFill, fontFamily, ink, noteFontFamily } from './theme';
import { wrapLines } from './textLayout';

/** The private round's colour: its area, one's own cards' edge and tag, the banner. */
const privateInk = '#6a3fa0';

interface Props {
  round: PrivateRound | null;
  /** the round's area now (null: the whole board; 'gone': its frame or lane was removed) */
  area: Box | null | 'gone';
  grid: Grid;
  mine: PrivateCard[];
  editing: string | null;
  canDrag: boolean;
}

/**
 * The private round on the canvas: its area outlined, everyone else's cards as blank
 * placeholders (when the round shows them) and this person's own cards, drawn from the host's
 * answer (not the doc), marked as seen by no one else. Own cards drag, and edit on a double
 * click or a double tap; a press on one never reaches the board's gestures.
 */
export const PrivateLayer = memo(function PrivateLayer({ round, area, grid, mine, editing, canDrag }: Props) {
  const own = useMemo(() => new Set(mine.map((c) => c.id)), [mine]);
  if (!round) return null;
  const outline = area && area !== 'gone' ? (area.w > 1e6 ? { x: -20, y: area.y, w: Math.max(gridSize(grid).w, 1200) + 40, h: area.h } : area) : null;
  return (
    <Group>
      {outline && (
        <Rect
          name="private-area"
          x={outline.x - 6}
          y={outline.y - 6}
          width={outline.w + 12}
          height={outline.h + 12}
          stroke={privateInk}
          strokeWidth={4}
          dash={[18, 10]}
          cornerRadius={6}
          listening={false}
        />
      )}
      {round.placeholders
        .filter((p) => !own.has(p.id))
        .map((p) => (
          <Rect key={p.id} name="private-placeholder" x={p.x} y={p.y} width={p.w} height={p.h} fill="#efe7da" stroke="#9c8b76" strokeWidth={2} dash={[8, 6]} cornerRadius={2} listening={false} />
        ))}
      {mine.map((c) => (
        <OwnCard key={c.id} card={c} editing={editing === c.id} canDrag={canDrag} />
      ))}
    </Group>
  );
});

const stop = (e: Konva.KonvaEventObject<Event>) => {
  e.cancelBubble = true;
};

function OwnCard({ card, editing, canDrag }: { card: PrivateCard; editing: boolean; canDrag: boolean }) {
  const font = `18px ${noteFontFamily}`;
  const lines = useMemo(() => (editing ? [] : wrapLines(card.text, font, card.w - 24, Math.floor((card.h - 24) / 22.5))), [card.text, card.w, card.h, editing, font]);
  const edit = (e: Konva.KonvaEventObject<Event>) => {
    e.cancelBubble = true;
    useMyPrivateCards.setState({ editing: card.id });
  };
  return (
    <Group
      name="private-card"
      id={`private-${card.id}`}
      x={card.x}
      y={card.y}
      draggable={canDrag && !editing}
      onMouseDown={stop}
      onPointerDown={(e) => e.evt.pointerType === 'touch' && stop(e)}
      onDblClick={edit}
      onDblTap={edit}
      onDragEnd={(e) => {
        const node = e.target;
        void privateCardAction({ action: 'move', id: card.id, x: Math.round(node.x()), y: Math.round(node.y()) }).then(() => {
          // Where the host has it: moved, or back where it was when refused (out of the area).
          const now = useMyPrivateCards.getState().cards.find((c) => c.id === card.id);
          if (now) node.position({ x: now.x, y: now.y });
        });
      }}
    >
      <Shape
        width={card.w}
        height={card.h}
        sceneFunc={(ctx, shape) => {
          const c = ctx._context;
          paintCard(c, shape.width(), shape.height(), cardFill[card.color], 2, { dx: 3, dy: 5, alpha: 0.3 });
          c.setLineDash([10, 6]);
          c.strokeStyle = privateInk;
          c.lineWidth = 3;
          c.strokeRect(1.5, 1.5, shape.width() - 3, shape.height() - 3);
          c.setLineDash([]);
        }}
        hitFunc={cardHit}
      />
      <Text name="private-card-text" text={lines.join('\n')} x={12} y={14} width={card.w - 24} fontFamily={noteFontFamily} fontSize={18} lineHeight={1.25} fill={ink} listening={false} />
      <Group name="private-card-tag" y={-26} listening={false}>
        <Rect width={128} height={22} fill={privateInk} cornerRadius={11} />
        <Text text="Only you see this" x={12} y={4} fontSize={13} fontFamily={fontFamily} fill="#fff" />
      </Group>
    </Group>
  );
}
