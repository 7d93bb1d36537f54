import { Rect, Text } from 'react-konva';
import type { Text as TextRecord } from '../../shared/model/text';
import { fontFamily, ink, inkSoft } from './theme';

/** Free text on the paper. The transparent rect makes the whole box grabbable. */
export function TextNode({ text, editing }: { text: TextRecord; editing: boolean }) {
  return (
    <>
      <Rect width={text.w} height={text.h} fill="rgba(255,255,255,0.01)" />
      {!editing && (
        <Text
          width={text.w}
          height={text.h}
          text={text.text || 'Text'}
          fill={text.text ? ink : inkSoft}
          fontSize={text.fontSize}
          fontStyle="bold"
          fontFamily={fontFamily}
          wrap="word"
          ellipsis
          listening={false}
        />
      )}
    </>
  );
}
