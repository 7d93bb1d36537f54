import { Label, Tag, Text } from 'react-konva';
import { useBoard } from '../state/boardStore';
import { useUi } from '../state/uiStore';
import { wrapLines } from './textLayout';
import { cardTypes, fontFamily } from './theme';

/** The ink of what exists only in a to-be: its card's dashed border and this tag (the saving's green). */
export const toBeInk = '#1f7a3f';

/**
 * "to-be: <scenario>" hanging from the bottom edge of a step that exists only in that scenario,
 * so the room reads which change brings it; a name that already says "to-be" is not said twice.
 * As wide as the card, on up to two lines. Its own named node, so a test can find and measure it.
 */
export function ToBeTag({ scenarioId, width, height }: { scenarioId: string; width: number; height: number }) {
  const name = useBoard((s) => s.scenarios.find((x) => x.id === scenarioId)?.name ?? '');
  const type = useUi((s) => (s.bigScreen ? cardTypes.bigScreen : cardTypes.desk));
  const size = type.toBeTag;
  const pad = Math.round(size * 0.3);
  const said = /^to-?be\b/i.test(name) ? name : `to-be: ${name}`;
  const lines = wrapLines(said, `bold ${size}px ${fontFamily}`, width - 20 - 2 * pad, 2);
  return (
    <Label name="to-be-tag" x={10} y={height - 4} listening={false}>
      <Tag fill={toBeInk} cornerRadius={[0, 0, 6, 6]} />
      <Text text={lines.join('\n')} fontSize={size} lineHeight={1.2} fontStyle="bold" fontFamily={fontFamily} fill="#fff" padding={pad} />
    </Label>
  );
}
