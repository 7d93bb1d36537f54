import type Konva from 'konva';
import { useCallback, useEffect, useRef } from 'react';
import { Layer, Stage } from 'react-konva';
import { canWrite } from '../../shared/session';
import { dispatch } from '../operations/dispatch';
import { useUi } from '../ui/uiStore';
import { panBy, toBoard, zoomAt } from './camera';
import { CardNode } from './CardNode';
import { GridLayer } from './GridLayer';
import { cellOffset, useBoardView } from './useBoardView';
import { TextEditor } from './TextEditor';
import { zoomToFit } from './zoomToFit';

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

/** Add a sticky note centred on a screen point and start editing it. */
function addNoteAt(stage: Konva.Stage) {
  const p = stage.getPointerPosition();
  if (!p) return;
  const b = toBoard(useUi.getState().viewport, p.x, p.y);
  const id = dispatch('addNote', { x: Math.round(b.x - 90), y: Math.round(b.y - 70) });
  if (id) useUi.setState({ selection: [id], editingId: id, tool: 'select' });
}

/** The board: renders from the stores, turns pointer gestures into operations. */
export function BoardCanvas() {
  const wrap = useRef<HTMLDivElement>(null);
  const { width, height } = useCanvasSize(wrap);
  useFitOnFirstSync();
  const { grid, cards } = useBoardView();
  const viewport = useUi((s) => s.viewport);
  const selection = useUi((s) => s.selection);
  const editingId = useUi((s) => s.editingId);
  const tool = useUi((s) => s.tool);
  const writable = useUi((s) => (s.role ? canWrite(s.role) : false));

  const onSelect = useCallback((id: string, additive: boolean) => {
    const sel = useUi.getState().selection;
    if (additive) useUi.setState({ selection: sel.includes(id) ? sel.filter((s) => s !== id) : [...sel, id] });
    else if (!sel.includes(id)) useUi.setState({ selection: [id] });
  }, []);
  const onEdit = useCallback((id: string) => {
    if (useUi.getState().role !== 'viewer') useUi.setState({ editingId: id, selection: [id] });
  }, []);
  const onMoved = useCallback((id: string, x: number, y: number) => {
    return (dispatch('moveElements', { moves: [{ id, x: Math.round(x), y: Math.round(y) }] }) ?? 0) > 0;
  }, []);

  const onWheel = (ev: Konva.KonvaEventObject<WheelEvent>) => {
    ev.evt.preventDefault();
    const v = useUi.getState().viewport;
    const stage = ev.target.getStage();
    const p = stage?.getPointerPosition() ?? { x: width / 2, y: height / 2 };
    // Trackpad pinch arrives as ctrl+wheel; a plain wheel or two-finger scroll pans.
    if (ev.evt.ctrlKey || ev.evt.metaKey) useUi.setState({ viewport: zoomAt(v, Math.exp(-ev.evt.deltaY * 0.01), p.x, p.y) });
    else useUi.setState({ viewport: panBy(v, -ev.evt.deltaX, -ev.evt.deltaY) });
  };

  return (
    <div className={`canvas tool-${tool}`} ref={wrap} data-testid="board-canvas">
      <Stage
        width={width}
        height={height}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        draggable={tool === 'select'}
        dragButtons={[0, 1]}
        onWheel={onWheel}
        onDragMove={(ev) => {
          if (ev.target === ev.target.getStage()) useUi.setState({ viewport: { ...viewport, x: ev.target.x(), y: ev.target.y() } });
        }}
        onMouseDown={(ev) => {
          if (ev.target === ev.target.getStage() && tool === 'select') useUi.setState({ selection: [], editingId: null });
        }}
        onClick={(ev) => {
          const stage = ev.target.getStage();
          if (stage && ev.target === stage && tool === 'note') addNoteAt(stage);
        }}
        onDblClick={(ev) => {
          const stage = ev.target.getStage();
          if (stage && ev.target === stage && writable) addNoteAt(stage);
        }}
      >
        <GridLayer grid={grid} />
        <Layer>
          {cards.map((e) => {
            const { ox, oy } = cellOffset(e, grid);
            return (
              <CardNode
                key={e.id}
                element={e}
                ox={ox}
                oy={oy}
                selected={selection.includes(e.id)}
                editing={editingId === e.id}
                draggable={writable && !e.locked && tool === 'select'}
                onSelect={onSelect}
                onEdit={onEdit}
                onMoved={onMoved}
              />
            );
          })}
        </Layer>
      </Stage>
      <TextEditor grid={grid} />
    </div>
  );
}
