import { memo } from 'react';
import { Group, Rect } from 'react-konva';
import type { CanvasElement } from '../../shared/model/board';
import type { Box } from '../../shared/model/geometry';
import { FrameNode } from './FrameNode';
import { NoteNode } from './NoteNode';
import { StepNode } from './StepNode';
import { TextNode } from './TextNode';
import { selectionStroke } from './theme';
import { onElementDragEnd, onElementDragMove, onElementDragStart } from './dragElements';

export interface ElementNodeProps {
  element: CanvasElement;
  box: Box;
  selected: boolean;
  draggable: boolean;
  editing: boolean;
}

/**
 * One canvas element as a Konva group named by its id: the gesture code finds it by id,
 * the drawing is the kind's own node. It re-renders only when its own props change.
 */
export const ElementNode = memo(function ElementNode({ element: e, box, selected, draggable, editing }: ElementNodeProps) {
  return (
    <Group
      id={e.id}
      name="element"
      x={box.x}
      y={box.y}
      rotation={e.rotation}
      draggable={draggable}
      onDragStart={onElementDragStart}
      onDragMove={onElementDragMove}
      onDragEnd={onElementDragEnd}
    >
      {e.kind === 'step' && <StepNode step={e} editing={editing} />}
      {e.kind === 'note' && <NoteNode note={e} editing={editing} />}
      {e.kind === 'text' && <TextNode text={e} editing={editing} />}
      {e.kind === 'frame' && <FrameNode frame={e} editing={editing} />}
      {selected && <Rect x={-4} y={-4} width={e.w + 8} height={e.h + 8} stroke={selectionStroke} strokeWidth={3} cornerRadius={10} listening={false} />}
      {e.locked && <Rect x={e.w - 18} y={-8} width={16} height={16} fill="#5b4636" cornerRadius={3} listening={false} />}
    </Group>
  );
});
