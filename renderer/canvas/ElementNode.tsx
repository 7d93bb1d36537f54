import { memo } from 'react';
import { Group, Rect } from 'react-konva';
import type { CanvasElement } from '../../shared/model/board';
import type { Box } from '../../shared/model/geometry';
import { FrameNode } from './FrameNode';
import { NoteNode } from './NoteNode';
import { StepNode } from './StepNode';
import { WaitBadge } from './WaitBadge';
import { outOfCardBox } from './outOfCardBox';
import { ToBeTag } from './ToBeTag';
import { TextNode } from './TextNode';
import { selectionStroke } from './theme';
import { onElementDragEnd, onElementDragMove, onElementDragStart } from './dragElements';

/** What the money layer adds to a step card. Primitive fields, so memo compares cheaply. */
export interface CardCost {
  /** "$600K/yr", or null when the step has no cost data */
  badge: string | null;
  /** share of the board's total (cost) or of the longest wait (wait), 0…1, when a heat view is on; else null */
  heat: number | null;
  heatBy: 'cost' | 'wait' | null;
  /** the shown scenario removes this step */
  removed: boolean;
  /** the wait before the step, minutes (the badge's size), and as typed ("3 days"); null when not given */
  waitMinutes: number | null;
  wait: string | null;
  /** the process time as typed ("2 h"); null when not given */
  process: string | null;
}

export interface ElementNodeProps {
  element: CanvasElement;
  box: Box;
  selected: boolean;
  draggable: boolean;
  editing: boolean;
  cost?: CardCost;
}

/**
 * One canvas element as a Konva group named by its id: the gesture code finds it by id,
 * the drawing is the kind's own node. It re-renders only when its own props change.
 */
export const ElementNode = memo(function ElementNode({ element: e, box, selected, draggable, editing, cost }: ElementNodeProps) {
  return (
    <Group id={e.id} name="element" x={box.x} y={box.y} rotation={e.rotation} draggable={draggable} onDragStart={onElementDragStart} onDragMove={onElementDragMove} onDragEnd={onElementDragEnd}>
      {e.kind === 'step' && (
        <StepNode step={e} editing={editing} badge={cost?.badge ?? null} process={cost?.process ?? null} heat={cost?.heat ?? null} heatBy={cost?.heatBy ?? null} removed={cost?.removed ?? false} />
      )}
      {e.kind === 'step' && cost?.wait && cost.waitMinutes !== null && <WaitBadge text={cost.wait} minutes={cost.waitMinutes} />}
      {e.kind === 'step' && e.scenarioId !== null && <ToBeTag scenarioId={e.scenarioId} width={e.w} height={e.h} />}
      {e.kind === 'note' && <NoteNode note={e} editing={editing} />}
      {e.kind === 'text' && <TextNode text={e} editing={editing} />}
      {e.kind === 'frame' && <FrameNode frame={e} editing={editing} />}
      {selected && <Rect ref={outOfCardBox} x={-4} y={-4} width={e.w + 8} height={e.h + 8} stroke={selectionStroke} strokeWidth={3} cornerRadius={10} listening={false} />}
      {e.locked && <Rect x={e.w - 18} y={-8} width={16} height={16} fill="#5b4636" cornerRadius={3} listening={false} />}
    </Group>
  );
}, sameProps);

function sameProps(a: ElementNodeProps, b: ElementNodeProps): boolean {
  return (
    a.element === b.element &&
    a.box.x === b.box.x &&
    a.box.y === b.box.y &&
    a.selected === b.selected &&
    a.draggable === b.draggable &&
    a.editing === b.editing &&
    a.cost?.badge === b.cost?.badge &&
    a.cost?.heat === b.cost?.heat &&
    a.cost?.heatBy === b.cost?.heatBy &&
    a.cost?.wait === b.cost?.wait &&
    a.cost?.waitMinutes === b.cost?.waitMinutes &&
    a.cost?.process === b.cost?.process &&
    a.cost?.removed === b.cost?.removed
  );
}
