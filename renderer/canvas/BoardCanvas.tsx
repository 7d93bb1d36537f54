import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Layer, Stage } from 'react-konva';
import { canWrite } from '../../shared/session';
import { useBoardView } from '../board/boardView';
import { useUi } from '../ui/uiStore';
import { panBy, visibleBox, zoomAt } from './camera';
import { CardLayer, LodLayer } from './CardLayer';
import { ConnectorLayer } from './ConnectorLayer';
import { onDoubleClick, onPointerDown, onPointerMove, onPointerUp } from './gestures';
import { GridLayer } from './GridLayer';
import { OverlayLayer } from './OverlayLayer';
import { TextEditor } from './TextEditor';
import { LOD_SCALE } from './theme';
import { zoomToFit } from './zoom';

/** Keeps uiStore.canvasSize equal to the element's size. */
function useCanvasSize(ref: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => useUi.setState({ canvasSize: { width: el.clientWidth, height: el.clientHeight } });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, [ref]);
  return useUi((s) => s.canvasSize);
}

/** Frame the whole board once, when the first sync brings it in. */
function useFitOnFirstSync() {
  const synced = useUi((s) => s.synced);
  const ready = useUi((s) => s.canvasSize.width > 0);
  const fitted = useRef(false);
  useEffect(() => {
    if (synced && ready && !fitted.current) {
      fitted.current = true;
      zoomToFit();
    }
  }, [synced, ready]);
}

function onWheel(ev: Konva.KonvaEventObject<WheelEvent>) {
  ev.evt.preventDefault();
  const { viewport, canvasSize } = useUi.getState();
  const p = ev.target.getStage()?.getPointerPosition() ?? { x: canvasSize.width / 2, y: canvasSize.height / 2 };
  // Trackpad pinch arrives as ctrl+wheel; a plain wheel or two-finger scroll pans.
  if (ev.evt.ctrlKey || ev.evt.metaKey) useUi.setState({ viewport: zoomAt(viewport, Math.exp(-ev.evt.deltaY * 0.01), p.x, p.y) });
  else useUi.setState({ viewport: panBy(viewport, -ev.evt.deltaX, -ev.evt.deltaY) });
}

/** The board: renders from the stores in layers; pointer gestures become operations (gestures.ts). */
export function BoardCanvas() {
  const wrap = useRef<HTMLDivElement>(null);
  const { width, height } = useCanvasSize(wrap);
  useFitOnFirstSync();
  const view = useBoardView();
  const viewport = useUi((s) => s.viewport);
  const selection = useUi((s) => s.selection);
  const editingId = useUi((s) => s.editingId);
  const tool = useUi((s) => s.tool);
  const spaceHeld = useUi((s) => s.spaceHeld);
  const writable = useUi((s) => (s.role ? canWrite(s.role) : false));
  // Culling box: the screen plus a margin, so a card sliding in is already drawn.
  const visible = visibleBox(viewport, width, height, 200);
  const lod = viewport.scale < LOD_SCALE;
  const canDrag = writable && tool === 'select' && !spaceHeld;
  const cursor = spaceHeld || tool === 'hand' ? 'grab' : tool === 'select' ? 'default' : 'crosshair';

  return (
    <div className="canvas" ref={wrap} data-testid="board-canvas" style={{ cursor }}>
      <Stage
        width={width}
        height={height}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        onWheel={onWheel}
        onMouseDown={onPointerDown}
        onMouseMove={onPointerMove}
        onMouseUp={onPointerUp}
        onDblClick={onDoubleClick}
        onContextMenu={(ev) => ev.evt.preventDefault()}
      >
        {/* One layer for the board: every layer is a full-size canvas to clear and composite each frame. */}
        <Layer>
          <GridLayer grid={view.grid} visible={visible} lines={view.lines} elements={view.elements} selection={selection} editingId={editingId} writable={writable} />
          {lod ? (
            <LodLayer view={view} visible={visible} />
          ) : (
            <>
              <CardLayer items={view.frames} boxes={view.boxes} visible={visible} selection={selection} editingId={editingId} canDrag={canDrag} />
              <ConnectorLayer connectors={view.connectors} boxes={view.boxes} visible={visible} selection={selection} editingId={editingId} />
              <CardLayer items={view.cards} boxes={view.boxes} visible={visible} selection={selection} editingId={editingId} canDrag={canDrag} />
            </>
          )}
        </Layer>
        <OverlayLayer selection={selection} transformable={canDrag && !lod} />
      </Stage>
      <TextEditor />
    </div>
  );
}
