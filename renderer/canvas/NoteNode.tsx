import { Rect, Text } from 'react-konva';
import type { Note } from '../../shared/model/note';
import { cardFill, ink, noteFontFamily } from './theme';

/** A sticky note: a square of colour with handwriting-like text. */
export function NoteNode({ note, editing }: { note: Note; editing: boolean }) {
  return (
    <>
      <Rect width={note.w} height={note.h} fill={cardFill[note.color]} cornerRadius={2} shadowColor="#3a2a1a" shadowOpacity={0.3} shadowBlur={8} shadowOffsetY={4} />
      {!editing && (
        <Text x={12} y={12} width={note.w - 24} height={note.h - 24} text={note.text} fill={ink} fontSize={18} fontFamily={noteFontFamily} lineHeight={1.25} wrap="word" ellipsis listening={false} />
      )}
    </>
  );
}
