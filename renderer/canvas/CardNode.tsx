import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { CanvasElement } from '../../shared/model/board';
import { cardFill, fontFamily, ink, inkSoft, noteFontFamily, selectionStroke } from './theme';

export interface CardNodeProps {
  element: CanvasElement;
  /** board position of the card's cell origin */
  ox: number;
  oy: number;
  selected: boolean;
  draggable: boolean;
  editing: boolean;
  onSelect(id: string, additive: boolean): void;
  onEdit(id: string): void;
  /** returns false when the move was refused */
  onMoved(id: string, x: number, y: number): boolean;
}

/** Draws one card from its record and reports gestures; it writes nothing itself. */
export const CardNode = memo(function CardNode(p: CardNodeProps) {
  const e = p.element;
  const isNote = e.kind === 'note';
  const text = e.kind === 'step' ? e.title : e.text;
  const fill = e.kind === 'text' ? 'transparent' : cardFill[e.color];
  return (
    <Group
      id={e.id}
      name="card"
      x={p.ox + e.x}
      y={p.oy + e.y}
      rotation={e.rotation}
      draggable={p.draggable}
      onMouseDown={(ev) => {
        ev.cancelBubble = true;
        p.onSelect(e.id, ev.evt.shiftKey);
      }}
      onTap={() => p.onSelect(e.id, false)}
      onDblClick={(ev) => {
        ev.cancelBubble = true;
        p.onEdit(e.id);
      }}
      onDblTap={() => p.onEdit(e.id)}
      onDragEnd={(ev) => {
        // Refused (locked meanwhile, read-only): put the node back where the record says.
        if (!p.onMoved(e.id, ev.target.x(), ev.target.y())) ev.target.position({ x: p.ox + e.x, y: p.oy + e.y });
      }}
    >
      <Rect
        width={e.w}
        height={e.h}
        fill={fill}
        cornerRadius={isNote ? 2 : 8}
        shadowColor="#3a2a1a"
        shadowOpacity={e.kind === 'text' ? 0 : 0.28}
        shadowBlur={isNote ? 8 : 6}
        shadowOffsetY={isNote ? 4 : 2}
        stroke={p.selected ? selectionStroke : e.kind === 'step' ? 'rgba(60,40,20,0.35)' : undefined}
        strokeWidth={p.selected ? 3 : 1}
      />
      {e.kind === 'step' && <Rect width={e.w} height={8} fill={valueClassColour[e.valueClass]} cornerRadius={[8, 8, 0, 0]} />}
      {!p.editing && (
        <Text
          x={12}
          y={e.kind === 'step' ? 18 : 12}
          width={e.w - 24}
          height={e.h - (e.kind === 'step' ? 30 : 24)}
          text={text || (e.kind === 'step' ? 'Untitled step' : '')}
          fill={text ? ink : inkSoft}
          fontSize={e.kind === 'text' ? e.fontSize : 18}
          fontStyle={e.kind === 'step' ? 'bold' : 'normal'}
          fontFamily={isNote ? noteFontFamily : fontFamily}
          lineHeight={1.25}
          wrap="word"
          ellipsis
          listening={false}
        />
      )}
    </Group>
  );
});

const valueClassColour = {
  unclassified: '#b9ab98',
  'value-adding': '#2e9e4f',
  necessary: '#e0a526',
  waste: '#d64545',
} as const;
