import { memo } from 'react';
import { Group, Layer, Line, Rect, Text } from 'react-konva';
import type { Grid } from '../../shared/model/grid';
import { fontFamily, ink, laneHeaderWidth, stageHeaderHeight } from './theme';

/** Lanes (rows) and stages (columns) with their headers. Not interactive yet: listening off. */
export const GridLayer = memo(function GridLayer({ grid }: { grid: Grid }) {
  const width = grid.stages.reduce((s, b) => s + b.size, 0) || 1600;
  const height = grid.lanes.reduce((s, b) => s + b.size, 0) || 900;
  if (grid.lanes.length === 0 && grid.stages.length === 0) return null;
  return (
    <Layer listening={false}>
      {grid.lanes.map((lane, i) => (
        <Group key={lane.id} y={lane.start}>
          <Rect x={0} width={width} height={lane.size} fill={i % 2 ? 'rgba(255,255,255,0.07)' : 'rgba(0,0,0,0.035)'} />
          <Rect x={-laneHeaderWidth} width={laneHeaderWidth - 8} height={lane.size - 6} y={3} fill="rgba(255,250,240,0.85)" cornerRadius={6} />
          <Text x={-laneHeaderWidth + 12} y={12} width={laneHeaderWidth - 32} height={lane.size - 24} text={lane.name} fontSize={20} lineHeight={1.2} fontStyle="bold" fontFamily={fontFamily} fill={ink} wrap="word" ellipsis />
          <Line points={[-laneHeaderWidth, lane.size, width, lane.size]} stroke="rgba(60,40,20,0.35)" strokeWidth={2} dash={[10, 8]} />
        </Group>
      ))}
      {grid.stages.map((stage) => (
        <Group key={stage.id} x={stage.start}>
          <Rect y={-stageHeaderHeight} width={stage.size - 8} x={4} height={stageHeaderHeight - 8} fill="rgba(255,250,240,0.85)" cornerRadius={6} />
          <Text x={16} y={-stageHeaderHeight + 12} width={stage.size - 32} text={stage.name} fontSize={20} fontStyle="bold" fontFamily={fontFamily} fill={ink} ellipsis wrap="none" />
          <Line points={[stage.size, -stageHeaderHeight, stage.size, height]} stroke="rgba(60,40,20,0.25)" strokeWidth={2} />
        </Group>
      ))}
    </Layer>
  );
});
