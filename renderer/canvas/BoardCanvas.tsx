import { keepSelectionInSight } from './selectionInSight';
import Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Shape, Stage } from 'react-konva';
import { BoardStatus } from './BoardStatus';
import { may } from '../../shared/permissions';
import { useBoardView } from '../state/boardView';
import { keepSelectionOnMap } from '../state/pickedScenario';
import { useBoard } from '../state/boardStore';
import { useUi, type Viewport } from '../state/uiStore';
import { cullKey, parseCullKey } from './cull';
import { CardLayer, LodLayer } from './CardLayer';
import { ConnectorLayer } from './ConnectorLayer';
import { notePress, onContextMenu, onDoubleClick, onPointerDown, onPointerMove, onPointerUp } from './gestures';
import { forgetFinger, onBoardDoubleClick, onBoardPointerDown, onBoardPointerMove, onBoardPointerUp } from './fingers';
import { ContextMenu } from './ContextMenu';
import { listenForCancelledPointers } from './cancelledPointer';
import { GridLayer } from './GridLayer';
import { LadderLayer } from './LadderLayer';
import { drawPaper, PaperLayer } from './paperLayer';
import { OverlayLayer } from './OverlayLayer';
import { TextEditor } from './TextEditor';
import { useCardCosts } from './useCardCosts';
import { useCostView } from '../state/costView';
import { openingView } from './zoom';
import { wheelCamera } from './wheel';
import { VoteLayer } from './VoteLayer';
import { useActiveRound, useMyVotes } from '../state/votingStore';
import { peerColours, usePresence } from '../state/presence';
import { PrivateLayer } from './PrivateLayer';
import { useStageSize } from './stageSize';
// Konva's texts measure their font once, not on every make and draw (textMetrics.ts).
import './textMetrics';
import { PrivateCardEditor } from './PrivateCardEditor';
import { privateAreaNow, useMyPrivateCards, usePrivateRound } from '../state/privateCards';

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

/**
 * The camera goes straight onto the Konva stage and is drawn at once, outside React: a pan
 * or zoom is drawn in the frame it happens in, and React re-renders only when the culled
 * set of nodes has to change.
 */
function useCameraOnStage(ref: React.RefObject<Konva.Stage | null>): () => void {
  const flush = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    // The hit graph (what the pointer is over) is redrawn once the camera rests, not every
    // frame — or at once when the pointer is pressed before that (flushHit).
    let hitTimer: ReturnType<typeof setTimeout> | undefined;
    let hitDirty = false;
    const drawHit = () => {
      clearTimeout(hitTimer);
      if (!hitDirty) return;
      hitDirty = false;
      ref.current?.getLayers().forEach((l) => l.drawHit());
    };
    flush.current = drawHit;
    const apply = (v: Viewport) => {
      const stage = ref.current;
      if (!stage) return;
      // Set the camera without Konva's automatic batchDraw (that would draw again next frame), then draw now.
      const auto = Konva.autoDrawEnabled;
      Konva.autoDrawEnabled = false;
      stage.position({ x: v.x, y: v.y });
      stage.scale({ x: v.scale, y: v.scale });
      Konva.autoDrawEnabled = auto;
      stage.getLayers().forEach((l) => l.drawScene());
      hitDirty = true;
      clearTimeout(hitTimer);
      hitTimer = setTimeout(drawHit, 80);
    };
    apply(useUi.getState().viewport);
    const unsubscribe = useUi.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport) apply(s.viewport);
    });
    return () => {
      unsubscribe();
      clearTimeout(hitTimer);
    };
  }, [ref]);
  return useCallback(() => flush.current(), []);
}

/** Frame the whole board once, when the first sync brings it in. */
function useFitOnFirstSync() {
  const synced = useUi((s) => s.synced);
  const ready = useUi((s) => s.canvasSize.width > 0);
  const fitted = useRef(false);
  useEffect(() => {
    if (synced && ready && !fitted.current) {
      fitted.current = true;
      openingView();
    }
  }, [synced, ready]);
}

function onWheel(ev: Konva.KonvaEventObject<WheelEvent>) {
  ev.evt.preventDefault();
  const { viewport, canvasSize, wheel } = useUi.getState();
  const p = ev.target.getStage()?.getPointerPosition() ?? { x: canvasSize.width / 2, y: canvasSize.height / 2 };
  // Any manual move breaks away from following someone.
  useUi.setState({ following: null, viewport: wheelCamera(viewport, ev.evt, wheel, p.x, p.y) });
}

/**
 * Touches on the board are ours alone: without this the browser would, after a tap, send the
 * mouse events it makes for old pages, and their mousedown would take the focus from an editor
 * the tap just opened (pointer events carry every gesture, fingers.ts).
 */
function useOwnTouches(ref: React.RefObject<Konva.Stage | null>) {
  useEffect(() => {
    const content = ref.current?.content;
    if (!content) return;
    const own = (e: TouchEvent) => {
      if (e.cancelable) e.preventDefault();
    };
    content.addEventListener('touchstart', own, { passive: false });
    window.addEventListener('pointercancel', forgetFinger, true);
    return () => {
      content.removeEventListener('touchstart', own);
      window.removeEventListener('pointercancel', forgetFinger, true);
    };
  }, [ref]);
}

/** The board: renders from the stores in layers; pointer gestures become operations (gestures.ts). */
export function BoardCanvas() {
  const wrap = useRef<HTMLDivElement>(null);
  const { width, height } = useCanvasSize(wrap);
  useFitOnFirstSync();
  const view = useBoardView();
  const costs = useCardCosts();
  const costView = useCostView();
  const scenarios = useBoard((s) => s.scenarios);
  const stageRef = useRef<Konva.Stage>(null);
  useStageSize(stageRef, width, height);
  const flushHit = useCameraOnStage(stageRef);
  useEffect(listenForCancelledPointers, []);
  useEffect(keepSelectionOnMap, []);
  useEffect(keepSelectionInSight, []);
  useOwnTouches(stageRef);
  const selection = useUi((s) => s.selection);
  const editingId = useUi((s) => s.editingId);
  const tool = useUi((s) => s.tool);
  const moving = useUi((s) => (s.draft?.kind === 'move' ? s.draft : null));
  const spaceHeld = useUi((s) => s.spaceHeld);
  const role = useUi((s) => s.role);
  // The big screen shows the map, not the means to edit it: no + Stage / + Lane, + handles or resize handles.
  const writable = useUi((s) => may(s.role, 'changeBoard') && !s.bigScreen);
  const gridLockedForMe = useBoard((s) => s.gridLocked) && !may(role, 'changeLockedGrid');
  // Culling region: kept while it still holds the screen (cull.ts), so not every frame.
  const kept = useRef<string | null>(null);
  const key = useUi((s) => cullKey(kept.current, s.viewport, width, height));
  kept.current = key;
  const { box: visible, lod } = useMemo(() => parseCullKey(key), [key]);
  const round = useActiveRound();
  const myDots = useMyVotes((s) => s.dots);
  const self = usePresence((s) => s.self);
  const privateRound = usePrivateRound();
  const myPrivate = useMyPrivateCards();
  // While a vote is open a click on a card places a dot, so cards do not move for voters.
  const voting = round?.status === 'open';
  const canDrag = writable && tool === 'select' && !spaceHeld && !voting;
  const cursor = spaceHeld || tool === 'hand' ? 'grab' : tool === 'select' ? 'default' : 'crosshair';
  // A press on the board leaves any field outside it (the name prompt, a panel's field), as a
  // press on paper does anywhere: the gestures keep the browser from doing it, and the next key
  // would otherwise still type into that field instead of reaching the board.
  // The board then takes the focus itself (no ring after a click): the next key is the board's,
  // not a press of the last button clicked (Enter edits the card just clicked, not the tool again).
  const leaveFields = () => {
    const a = document.activeElement;
    if (a instanceof HTMLElement && a.matches('input, textarea, select') && !wrap.current?.contains(a)) a.blur();
    if (!wrap.current?.contains(document.activeElement)) wrap.current?.focus({ preventScroll: true });
  };

  return (
    <div
      className="canvas"
      ref={wrap}
      data-testid="board-canvas"
      // The board as one region a keyboard reaches: Tab then goes from card to card (keyboardCommands.ts).
      data-board-region=""
      tabIndex={0}
      role="application"
      aria-roledescription="board"
      aria-label="Board"
      aria-describedby="board-keys"
      style={{ cursor }}
      onMouseDownCapture={flushHit}
      onPointerDownCapture={(e) => {
        notePress(e.nativeEvent);
        leaveFields();
        flushHit();
      }}
      onTouchStartCapture={flushHit}
      onMouseMoveCapture={flushHit}
    >
      <Stage
        // Sized by useStageSize, not by props: once per real change (stageSize.ts).
        ref={stageRef}
        onWheel={onWheel}
        onMouseDown={onPointerDown}
        onMouseMove={onPointerMove}
        onMouseUp={onPointerUp}
        onDblClick={onDoubleClick}
        onPointerDown={onBoardPointerDown}
        onPointerMove={onBoardPointerMove}
        onPointerUp={onBoardPointerUp}
        onPointerDblClick={onBoardDoubleClick}
        onContextMenu={onContextMenu}
      >
        {/* One layer for the board: every layer is a full-size canvas to clear and composite each frame.
            It is opaque and paints the paper itself (paperLayer.ts). */}
        <PaperLayer>
          <Shape listening={false} sceneFunc={drawPaper} />
          <GridLayer
            grid={view.grid}
            laneTotals={costs.lanes}
            stageTotals={costs.stages}
            stageLeads={costs.stageLeads}
            visible={visible}
            lines={view.lines}
            elements={view.elements}
            selection={selection}
            editingId={editingId}
            writable={writable && !gridLockedForMe}
          />
          <LadderLayer grid={view.grid} elements={view.elements} costs={costView} scenarios={scenarios} visible={visible} />
          {lod ? (
            <LodLayer view={view} costs={costs.cards} visible={visible} selection={selection} offset={moving} />
          ) : (
            <>
              <CardLayer items={view.frames} boxes={view.boxes} visible={visible} selection={selection} editingId={editingId} canDrag={canDrag} />
              <ConnectorLayer connectors={view.connectors} boxes={view.boxes} visible={visible} selection={selection} editingId={editingId} />
              <CardLayer items={view.cards} costs={costs.cards} boxes={view.boxes} visible={visible} selection={selection} editingId={editingId} canDrag={canDrag} />
            </>
          )}
          <VoteLayer round={round} dots={myDots} colour={peerColours[(self ?? 0) % peerColours.length]} boxes={view.boxes} />
          <PrivateLayer
            round={privateRound}
            area={privateRound ? privateAreaNow(privateRound) : null}
            grid={view.grid}
            mine={myPrivate.cards}
            editing={myPrivate.editing}
            canDrag={writable && !spaceHeld}
          />
        </PaperLayer>
        <OverlayLayer selection={selection} transformable={canDrag && !lod} />
      </Stage>
      <TextEditor />
      <PrivateCardEditor />
      <ContextMenu />
      <BoardStatus />
    </div>
  );
}
