import { focusBoard } from './boardFocus';
import { useCallback, useRef, useState } from 'react';
import type { BoardElement } from '../../shared/model/board';
import { connectorPoints, type Box } from '../../shared/model/geometry';
import { lineY } from '../../shared/model/grid';
import { isCard, textFieldOf } from '../../shared/model/kinds';
import { currentView, type BoardView } from '../state/boardView';
import { useBoard } from '../state/boardStore';
import { dispatch } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import { toScreen } from './camera';
import { continueFrom } from './nextCard';
import { useEditEnding } from './editEnding';
import { cardFill, fontFamily, laneHeaderWidth, noteFontFamily, stageHeaderHeight } from './theme';

/** Where the editor sits for an element, in board coordinates, and how its text looks. */
function editorPlace(e: BoardElement, view: BoardView): { box: Box; font: string; size: number; bg: string } | null {
  const plain = { font: fontFamily, size: 18, bg: 'rgba(255,253,247,0.97)' };
  switch (e.kind) {
    case 'note':
      return { box: view.boxes.get(e.id)!, font: noteFontFamily, size: 18, bg: cardFill[e.color] };
    case 'step':
      return { box: view.boxes.get(e.id)!, ...plain, bg: cardFill[e.color] };
    case 'text':
      return { box: view.boxes.get(e.id)!, ...plain, size: e.fontSize };
    case 'frame': {
      const b = view.boxes.get(e.id)!;
      return { box: { x: b.x, y: b.y - 40, w: Math.max(240, b.w / 2), h: 38 }, ...plain, size: 22 };
    }
    case 'lane': {
      const band = view.grid.laneById.get(e.id);
      return band ? { box: { x: -laneHeaderWidth, y: band.start + 3, w: laneHeaderWidth - 8, h: Math.min(band.size - 6, 120) }, ...plain, size: 20 } : null;
    }
    case 'stage': {
      const band = view.grid.stageById.get(e.id);
      return band ? { box: { x: band.start + 4, y: -stageHeaderHeight, w: band.size - 8, h: stageHeaderHeight - 8 }, ...plain, size: 20 } : null;
    }
    case 'line': {
      const y = lineY(e, view.grid);
      return { box: { x: 0, y: y - 20, w: 320, h: 40 }, ...plain };
    }
    case 'connector': {
      const a = view.boxes.get(e.fromId);
      const b = view.boxes.get(e.toId);
      if (!a || !b) return null;
      const p = connectorPoints(a, b, e.route);
      const mx = (p[0] + p[p.length - 2]) / 2;
      const my = (p[1] + p[p.length - 1]) / 2;
      return { box: { x: mx - 110, y: my - 20, w: 220, h: 40 }, ...plain, size: 15 };
    }
  }
}

/** The band after (or before) a lane or stage to name next; past the last one, a new band. */
function nextBand(kind: 'lane' | 'stage', id: string, step: 1 | -1): string | null {
  const bands = kind === 'lane' ? currentView().grid.lanes : currentView().grid.stages;
  const i = bands.findIndex((b) => b.id === id);
  if (i + step >= 0 && i + step < bands.length) return bands[i + step].id;
  if (step < 0) return null;
  return dispatch('addBand', { kind, name: kind === 'lane' ? 'New lane' : 'New stage' }) ?? null;
}

/**
 * In-place editing of whatever text an element shows (double-click, or Enter on a
 * selection). The draft is local until the editor closes, however it closes: Enter or Escape,
 * a press anywhere outside it (paper, another card, a header, the toolbar), the window losing
 * focus, a tool or Tab moving on — or anything else that ends the edit (editingId changing).
 * What was typed is then written once, as one operation (one undo step), and only if it changed.
 */
export function TextEditor() {
  const editingId = useUi((s) => s.editingId);
  const element = useBoard((s) => (editingId ? s.elements[editingId] : undefined));
  if (!element || !textFieldOf(element.kind) || element.locked) return null;
  // Keyed by id: a new edit starts from the record's text; a remote change mid-edit does not wipe the draft.
  return <EditorBox key={element.id} element={element} />;
}

function EditorBox({ element }: { element: BoardElement }) {
  const viewport = useUi((s) => s.viewport);
  const spec = textFieldOf(element.kind)!;
  const id = element.id;
  const [draft, setDraft] = useState(() => String((element as unknown as Record<string, unknown>)[spec.field] ?? ''));
  // What was typed and what was last written, read by the save on unmount (useEditEnding), which outlives this render.
  const typed = useRef(draft);
  const written = useRef(draft);
  const save = useCallback(() => {
    if (typed.current === written.current) return;
    written.current = typed.current;
    dispatch('setElementText', { id, text: typed.current });
  }, [id]);
  /** Close this editor (keeping what was typed), unless editing has already moved on to another element. */
  const finish = useCallback(() => {
    save();
    if (useUi.getState().editingId === id) useUi.setState({ editingId: null });
  }, [save, id]);
  const ref = useEditEnding(save, finish);
  const place = editorPlace(element, currentView());
  if (!place) return null;
  const singleLine = spec.max.maxLength !== null && spec.max.maxLength <= 200;
  const pos = toScreen(viewport, place.box.x, place.box.y);
  return (
    <textarea
      ref={ref}
      aria-label={element.kind === 'step' ? 'Step title' : element.kind === 'note' ? 'Note text' : 'Text'}
      className="text-editor"
      value={draft}
      maxLength={spec.max.maxLength ?? undefined}
      onChange={(e) => {
        typed.current = e.target.value;
        setDraft(e.target.value);
      }}
      onBlur={finish}
      onKeyDown={(e) => {
        if (e.key === 'Tab' && isCard(element)) {
          // Tab: this card is done, type the next one to its right (Shift: below).
          e.preventDefault();
          save();
          if (!continueFrom(element.id, e.shiftKey ? 'down' : 'right')) useUi.setState({ editingId: null });
          return;
        }
        if (e.key === 'Tab' && (element.kind === 'lane' || element.kind === 'stage')) {
          // Tab: name the next stage (or lane) — past the last one, a new one; Shift+Tab goes back.
          e.preventDefault();
          save();
          const next = nextBand(element.kind, element.id, e.shiftKey ? -1 : 1);
          useUi.setState({ selection: next ? [next] : [], editingId: next });
          return;
        }
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey || (singleLine && !e.shiftKey)))) {
          e.preventDefault();
          finish();
          // The keyboard goes on from this card (Tab to the next), not from the top of the page.
          focusBoard();
        }
      }}
      style={{
        left: pos.x,
        top: pos.y,
        width: place.box.w * viewport.scale,
        height: place.box.h * viewport.scale,
        fontSize: place.size * viewport.scale,
        padding: (isCard(element) ? 12 : 4) * viewport.scale,
        fontFamily: place.font,
        fontWeight: element.kind === 'step' || element.kind === 'text' || element.kind === 'lane' || element.kind === 'stage' ? 700 : 400,
        background: place.bg,
      }}
    />
  );
}
