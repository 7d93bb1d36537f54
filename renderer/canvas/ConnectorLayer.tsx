import { memo } from 'react';
import { Arrow, Group, Label, Tag, Text } from 'react-konva';
import type { Connector } from '../../shared/model/connector';
import { connectorPoints, intersects, unionBox, type Box } from '../../shared/model/geometry';
import { fontFamily, ink, selectionStroke } from './theme';

interface Props {
  connectors: Connector[];
  boxes: Map<string, Box>;
  visible: Box;
  selection: string[];
  editingId: string | null;
}

/** Arrows bound to their ends by id: geometry comes from the ends' boxes, so they follow. */
export const ConnectorLayer = memo(function ConnectorLayer({ connectors, boxes, visible, selection, editingId }: Props) {
  return (
    <Group>
      {connectors.map((c) => {
        const a = boxes.get(c.fromId);
        const b = boxes.get(c.toId);
        if (!a || !b || !intersects(unionBox([a, b])!, visible)) return null;
        return <ConnectorNode key={c.id} connector={c} from={a} to={b} selected={selection.includes(c.id)} editing={editingId === c.id} />;
      })}
    </Group>
  );
});

/**
 * One arrow, memoised on its record and its ends' boxes (which keep their identity until the
 * board changes), so a new culled region or selection re-renders only the arrows it concerns.
 */
const ConnectorNode = memo(function ConnectorNode({ connector: c, from, to, selected, editing }: { connector: Connector; from: Box; to: Box; selected: boolean; editing: boolean }) {
  const points = connectorPoints(from, to, c.route);
  const mid = points.length === 4 ? { x: (points[0] + points[2]) / 2, y: (points[1] + points[3]) / 2 } : { x: points[2], y: (points[3] + points[5]) / 2 };
  return (
    <Group id={c.id} name="connector">
      <Arrow
        points={points}
        stroke={selected ? selectionStroke : ink}
        fill={selected ? selectionStroke : ink}
        strokeWidth={selected ? 4 : 3}
        pointerLength={14}
        pointerWidth={14}
        hitStrokeWidth={16}
        lineJoin="round"
      />
      {c.label && !editing && (
        <Label x={mid.x} y={mid.y} listening={false}>
          <Tag fill="rgba(255,250,240,0.92)" cornerRadius={4} pointerDirection="none" />
          <Text text={c.label} padding={5} fontSize={15} fontFamily={fontFamily} fill={ink} />
        </Label>
      )}
    </Group>
  );
});
