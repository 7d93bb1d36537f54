import { useEffect, useRef, useState } from 'react';
import type { Grid } from '../../shared/model/grid';
import { useBoard } from '../board/boardStore';
import { dispatch } from '../operations/dispatch';
import { useUi } from '../ui/uiStore';
import { toScreen } from './camera';
import { cardFill, noteFontFamily } from './theme';
import { cellOffset } from './useBoardView';

/**
 * In-place editing of a note's text: a textarea over the card. The draft is local until it
 * is committed (blur, Escape or Ctrl/Cmd+Enter) as one operation — one undo step.
 */
export function TextEditor({ grid }: { grid: Grid }) {
  const editingId = useUi((s) => s.editingId);
  const viewport = useUi((s) => s.viewport);
  const element = useBoard((s) => (editingId ? s.elements[editingId] : undefined));
  const [draft, setDraft] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const editable = element && (element.kind === 'note' || element.kind === 'text') ? element : null;

  useEffect(() => {
    if (editable) {
      setDraft(editable.text);
      requestAnimationFrame(() => {
        ref.current?.focus();
        ref.current?.select();
      });
    }
    // Only when a new edit starts: a remote change mid-edit must not wipe the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editingId]);

  if (!editable) return null;
  const { ox, oy } = cellOffset(editable, grid);
  const pos = toScreen(viewport, ox + editable.x, oy + editable.y);
  const commit = () => {
    dispatch('setElementText', { id: editable.id, text: draft });
    useUi.setState({ editingId: null });
  };
  return (
    <textarea
      ref={ref}
      aria-label="Note text"
      className="text-editor"
      value={draft}
      maxLength={20_000}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          commit();
        }
      }}
      style={{
        left: pos.x,
        top: pos.y,
        width: editable.w * viewport.scale,
        height: editable.h * viewport.scale,
        fontSize: 18 * viewport.scale,
        padding: 12 * viewport.scale,
        fontFamily: noteFontFamily,
        background: editable.kind === 'note' ? cardFill[editable.color] : 'rgba(255,255,255,0.9)',
      }}
    />
  );
}
