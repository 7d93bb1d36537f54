import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Arrow, Circle, Group, Layer, Line, Rect, Transformer } from 'react-konva';
import { boxFromCorners, connectorPoints } from '../../shared/model/geometry';
import { isCard, kinds } from '../../shared/model/kinds';
import { currentView } from '../state/boardView';
import { dispatch } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import { usePresence } from '../state/presence';
import { PeerMarks } from './PeerMarks';
import { endedByCancel } from './cancelledPointer';
import { selectionStroke } from './theme';

/** Resize (and, for notes and text, rotate) the selected elements; one transformElements on release. */
function SelectionTransformer({ selection, enabled }: { selection: string[]; enabled: boolean }) {
  const ref = useRef<Konva.Transformer>(null);
  const view = currentView();
  const ids = enabled ? selection.filter((id) => view.boxes.has(id) && !view.elements[id].locked) : [];
  const rotatable = ids.length > 0 && ids.every((id) => kinds[view.elements[id].kind].rotates);
  const key = ids.join(',');
  useEffect(() => {
    const tr = ref.current;
    const stage = tr?.getStage();
    if (!tr || !stage) return;
    const want = new Set(key ? key.split(',') : []);
    const nodes = stage.find((n: Konva.Node) => n.hasName('element') && want.has(n.id()));
    // Runs after every render (culling can remount a selected node), but only redraws when the
    // attached nodes actually changed — not on every frame of a zoom.
    const current = tr.nodes();
    if (current.length === nodes.length && current.every((n, i) => n === nodes[i])) return;
    tr.nodes(nodes);
    tr.getLayer()?.batchDraw();
  });
  return (
    <Transformer
      ref={ref}
      rotateEnabled={rotatable}
      flipEnabled={false}
      ignoreStroke
      borderStroke={selectionStroke}
      anchorStroke={selectionStroke}
      anchorSize={12}
      boundBoxFunc={(oldBox, newBox) => (newBox.width < 40 || newBox.height < 30 ? oldBox : newBox)}
      onTransformEnd={() => {
        const tr = ref.current!;
        const v = currentView();
        if (endedByCancel(tr)) {
          // The touch was cancelled: every node goes back to what its record says.
          for (const n of tr.nodes()) {
            const box = v.boxes.get(n.id());
            if (box) n.setAttrs({ x: box.x, y: box.y, scaleX: 1, scaleY: 1, rotation: (v.elements[n.id()] as { rotation: number }).rotation });
          }
          tr.forceUpdate();
          return;
        }
        const items = tr.nodes().map((n) => {
          const e = v.elements[n.id()] as { w: number; h: number };
          const item = {
            id: n.id(),
            x: Math.round(n.x()),
            y: Math.round(n.y()),
            w: Math.max(40, Math.round(e.w * n.scaleX())),
            h: Math.max(30, Math.round(e.h * n.scaleY())),
            rotation: Math.round(n.rotation()),
          };
          n.scale({ x: 1, y: 1 });
          return item;
        });
        dispatch('transformElements', { items });
      }}
    />
  );
}

/**
 * The two round + handles beside one selected step or note: click one to make the next card
 * to the right (next stage) or below (next lane) — what Tab and Shift+Tab do while typing
 * (shared/operations/addNextCard.ts); drag one onto a card to join the two, or onto empty paper
 * to put the next card there. Sized for the screen, not the board.
 */
function NextStepHandles({ selection, scale }: { selection: string[]; scale: number }) {
  const view = currentView();
  const e = selection.length === 1 ? view.elements[selection[0]] : undefined;
  const b = e && view.boxes.get(e.id);
  if (!e || !b || !isCard(e) || e.locked) return null;
  const r = 12 / scale;
  const gap = 24 / scale;
  return (
    <>
      <NextStepHandle fromId={e.id} direction="right" x={b.x + b.w + gap} y={b.y + b.h / 2} r={r} />
      <NextStepHandle fromId={e.id} direction="down" x={b.x + b.w / 2} y={b.y + b.h + gap} r={r} />
    </>
  );
}

/** Pressing a handle starts an arrow from the card; gestures.ts ends it (a click makes the next card). */
function NextStepHandle({ fromId, direction, x, y, r }: { fromId: string; direction: 'right' | 'down'; x: number; y: number; r: number }) {
  const arm = r * 0.5;
  const setCursor = (ev: { target: Konva.Node }, cursor: string) => {
    const container = ev.target.getStage()?.container();
    if (container) container.style.cursor = cursor;
  };
  return (
    <Group
      x={x}
      y={y}
      name="next-card"
      onMouseDown={(ev) => {
        ev.cancelBubble = true;
        if (ev.evt.button !== 0) return;
        setCursor(ev, '');
        useUi.setState({ draft: { kind: 'connector', fromId, x, y, overId: null, handle: { direction, x0: x, y0: y } } });
      }}
      // A finger goes through pointer events only (canvas/fingers.ts), the mouse as before.
      onPointerDown={(ev) => {
        if (ev.evt.pointerType !== 'touch') return;
        ev.cancelBubble = true;
        useUi.setState({ draft: { kind: 'connector', fromId, x, y, overId: null, handle: { direction, x0: x, y0: y } } });
      }}
      onMouseEnter={(ev) => setCursor(ev, 'pointer')}
      onMouseLeave={(ev) => setCursor(ev, '')}
    >
      <Circle radius={r} fill="#fffaf0" stroke={selectionStroke} strokeWidth={r / 6} />
      <Line points={[-arm, 0, arm, 0]} stroke={selectionStroke} strokeWidth={r / 5} lineCap="round" listening={false} />
      <Line points={[0, -arm, 0, arm]} stroke={selectionStroke} strokeWidth={r / 5} lineCap="round" listening={false} />
    </Group>
  );
}

/**
 * What a gesture in progress looks like (marquee, frame outline, connector rubber band, snap
 * guides), the selection's handles, and other people's pointers. A transparent canvas over the
 * board costs a blend of the whole window every frame, so this one is hidden when it has
 * nothing to show (alone, nothing selected).
 */
export function OverlayLayer({ selection, transformable }: { selection: string[]; transformable: boolean }) {
  const draft = useUi((s) => s.draft);
  const guides = useUi((s) => s.guides);
  const peersPresent = usePresence((s) => Object.keys(s.peers).length > 0);
  // While cards are dragged, the + handles would stay where the card was.
  const dragging = useUi((s) => s.dragging);
  // The scale only matters while something is drawn here; otherwise a zoom would re-render this layer every frame.
  // The + handles of a single selection follow it in steps of 10 %.
  const handles = transformable && selection.length === 1;
  const scale = useUi((s) => (s.draft || s.guides.x !== null || s.guides.y !== null ? s.viewport.scale : handles ? Math.pow(1.1, Math.round(Math.log(s.viewport.scale) / Math.log(1.1))) : 1));
  const view = currentView();
  let drawn = null;
  if (draft?.kind === 'marquee' || draft?.kind === 'frame') {
    const b = boxFromCorners(draft.x0, draft.y0, draft.x1, draft.y1);
    drawn = (
      <Rect
        {...{ x: b.x, y: b.y, width: b.w, height: b.h }}
        stroke={selectionStroke}
        strokeWidth={2 / scale}
        dash={[8 / scale, 6 / scale]}
        fill={draft.kind === 'marquee' ? 'rgba(31,111,235,0.08)' : 'rgba(255,250,240,0.2)'}
      />
    );
  } else if (draft?.kind === 'connector') {
    const from = view.boxes.get(draft.fromId);
    const to = draft.overId ? view.boxes.get(draft.overId) : { x: draft.x, y: draft.y, w: 1, h: 1 };
    if (from && to)
      drawn = <Arrow points={connectorPoints(from, to, 'straight')} stroke={selectionStroke} fill={selectionStroke} strokeWidth={3} dash={[10, 6]} pointerLength={14} pointerWidth={14} />;
  }
  const far = 1e6;
  return (
    <Layer listening={transformable} visible={peersPresent || selection.length > 0 || draft !== null || guides.x !== null || guides.y !== null}>
      {drawn}
      {guides.x !== null && <Line points={[guides.x, -far, guides.x, far]} stroke="#e0349a" strokeWidth={1.5 / scale} listening={false} />}
      {guides.y !== null && <Line points={[-far, guides.y, far, guides.y]} stroke="#e0349a" strokeWidth={1.5 / scale} listening={false} />}
      <SelectionTransformer selection={selection} enabled={transformable} />
      {handles && !draft && !dragging && <NextStepHandles selection={selection} scale={scale} />}
      <PeerMarks />
    </Layer>
  );
}
