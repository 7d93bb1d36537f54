import { Rect, Text } from 'react-konva';
import type { Frame } from '../../shared/model/frame';
import { fontFamily, ink } from './theme';

/** A named frame: an outlined region behind the cards, its name above its top-left corner. */
export function FrameNode({ frame, editing }: { frame: Frame; editing: boolean }) {
  return (
    <>
      <Rect width={frame.w} height={frame.h} fill="rgba(255,250,240,0.16)" stroke="rgba(43,33,24,0.7)" strokeWidth={3} dash={[16, 8]} cornerRadius={10} />
      {!editing && <Text y={-30} width={frame.w} text={frame.name || 'Frame'} fontSize={22} fontStyle="bold" fill={ink} fontFamily={fontFamily} wrap="none" ellipsis />}
    </>
  );
}
