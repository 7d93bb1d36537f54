import { useMemo } from 'react';
import { Shape } from 'react-konva';
import type { Note } from '../../shared/model/note';
import { wrapLines } from './textLayout';
import { cardFill, ink, noteFontFamily } from './theme';

const font = `18px ${noteFontFamily}`;
const lineHeight = 18 * 1.25;

/** A sticky note: a square of colour with handwriting-like text, drawn by one shape from a layout made once per change. */
export function NoteNode({ note, editing }: { note: Note; editing: boolean }) {
  const lines = useMemo(
    () => (editing ? [] : wrapLines(note.text, font, note.w - 24, Math.max(1, Math.floor((note.h - 24) / lineHeight)))),
    [note.text, note.w, note.h, editing],
  );
  return (
    <Shape
      width={note.w}
      height={note.h}
      sceneFunc={(ctx, shape) => {
        const c = ctx._context;
        const w = shape.width();
        const h = shape.height();
        c.fillStyle = 'rgba(58,42,26,0.3)';
        c.beginPath();
        c.roundRect(3, 5, w, h, 2);
        c.fill();
        c.fillStyle = cardFill[note.color];
        c.beginPath();
        c.roundRect(0, 0, w, h, 2);
        c.fill();
        c.font = font;
        c.fillStyle = ink;
        c.textBaseline = 'top';
        lines.forEach((line, i) => c.fillText(line, 12, 12 + i * lineHeight + 2));
      }}
      hitFunc={(ctx, shape) => {
        ctx.beginPath();
        ctx.rect(0, 0, shape.width(), shape.height());
        ctx.fillStrokeShape(shape);
      }}
    />
  );
}
