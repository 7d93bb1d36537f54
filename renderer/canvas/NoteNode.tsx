import { Rect, Text } from 'react-konva';
import type { Note } from '../../shared/model/note';
import { cardFill, ink, noteFontFamily } from './theme';

/** A sticky note: a square of colour with handwriting-like text. */
export function NoteNode({ note, editing }: { note: Note; editing: boolean }) {
  return (
    <>
      <Rect x={3} y={5} width={note.w} height={note.h} fill="rgba(58,42,26,0.3)" cornerRadius={2} listening={false} />
      <Rect width={note.w} height={note.h} fill={cardFill[note.color]} cornerRadius={2} />
      {!editing && (
        <Text x={12} y={12} width={note.w - 24} height={note.h - 24} text={note.text} fill={ink} fontSize={18} fontFamily={noteFontFamily} lineHeight={1.25} wrap="word" ellipsis listening={false} />
      )}
    </>
  );
}
