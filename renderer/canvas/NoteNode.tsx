import { useMemo } from 'react';
import { Shape } from 'react-konva';
import type { Note } from '../../shared/model/note';
import { wrapLines } from './textLayout';
import { cardHit, paintCard } from './cardPaint';
import { cardFill, cardTypes, ink, noteFontFamily } from './theme';
import { useUi } from '../state/uiStore';

/** A sticky note: a square of colour with handwriting-like text, drawn by one shape from a layout made once per change. */
export function NoteNode({ note, editing }: { note: Note; editing: boolean }) {
  const size = useUi((s) => (s.bigScreen ? cardTypes.bigScreen : cardTypes.desk).note);
  const font = `${size}px ${noteFontFamily}`;
  const lineHeight = size * 1.25;
  const lines = useMemo(() => (editing ? [] : wrapLines(note.text, font, note.w - 24, Math.max(1, Math.floor((note.h - 24) / lineHeight)))), [note.text, note.w, note.h, editing, font, lineHeight]);
  return (
    <Shape
      width={note.w}
      height={note.h}
      sceneFunc={(ctx, shape) => {
        const c = ctx._context;
        const w = shape.width();
        const h = shape.height();
        paintCard(c, w, h, cardFill[note.color], 2, { dx: 3, dy: 5, alpha: 0.3 });
        c.font = font;
        c.fillStyle = ink;
        c.textBaseline = 'top';
        lines.forEach((line, i) => c.fillText(line, 12, 12 + i * lineHeight + 2));
      }}
      hitFunc={cardHit}
    />
  );
}
