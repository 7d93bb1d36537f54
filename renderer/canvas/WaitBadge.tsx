import { Label, Tag, Text } from 'react-konva';
import { waitBadgeLook } from '../../shared/exchange/look';
import { fontFamily } from './theme';
import { outOfCardBox } from './outOfCardBox';

/**
 * The wait before a step, as a badge on the card's top edge that grows and warms with the
 * wait (look.ts waitBadgeLook, log scale): the long queues jump out from across the room.
 * Its own node, named, so a test can measure what the room sees.
 */
export function WaitBadge({ text, minutes }: { text: string; minutes: number }) {
  const look = waitBadgeLook(minutes);
  const size = look.fontSize;
  const pad = Math.round(size * 0.3);
  // It stands on the card's top edge, above it: read as "before this step", and it covers none of the title;
  // it is no part of the card's box, so the resize handles stay on the card's own edges.
  return (
    <Label ref={outOfCardBox} name="wait-badge" x={10} y={8 - size - 2 * pad} listening={false}>
      <Tag fill={look.fill} cornerRadius={Math.round(size * 0.45)} stroke="#fff6dd" strokeWidth={2} />
      <Text text={`wait ${text}`} fontSize={size} fontStyle="bold" fontFamily={fontFamily} fill="#fff" padding={pad} />
    </Label>
  );
}
