import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { longText } from '../../shared/model/fields';
import type { PrivateCard } from '../../shared/model/privateRound';
import { privateCardAction, useMyPrivateCards } from '../state/privateCards';
import { useUi } from '../state/uiStore';
import { toScreen } from './camera';
import { useEditEnding } from './editEnding';
import { cardFill, noteFontFamily } from './theme';

/**
 * Typing into one's own private card. It ends as the board's text editor does (editEnding.ts):
 * a press anywhere outside it, blur, Escape or Ctrl+Enter, or the editing moving on; what was
 * typed is sent to the host once, only if it changed. A card left empty is taken away, as a
 * note made by a stray click should be. The text goes to the host only: never into the doc.
 */
export function PrivateCardEditor() {
  const editing = useMyPrivateCards((s) => s.editing);
  const card = useMyPrivateCards((s) => s.cards.find((c) => c.id === s.editing));
  if (!editing || !card) return null;
  return <EditorBox key={card.id} card={card} />;
}

function EditorBox({ card }: { card: PrivateCard }) {
  const viewport = useUi((s) => s.viewport);
  // What was typed while the host made the card is the start of its text, the caret after it.
  const [draft, setDraft] = useState(() => card.text + useMyPrivateCards.getState().typedAhead);
  const typed = useRef(draft);
  const written = useRef(card.text);
  const deleted = useRef(false);
  const save = useCallback(() => {
    const text = typed.current;
    if (deleted.current) return;
    if (text.trim() === '') {
      deleted.current = true;
      void privateCardAction({ action: 'delete', id: card.id });
      return;
    }
    if (text === written.current) return;
    written.current = text;
    void privateCardAction({ action: 'edit', id: card.id, text });
  }, [card.id]);
  // While typing, the host gets the text half a second after the last key: a reveal that comes
  // mid-sentence takes what was typed, instead of an editor left writing to a round that is over.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keep = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      const text = typed.current;
      if (deleted.current || text.trim() === '' || text === written.current) return;
      written.current = text;
      void privateCardAction({ action: 'edit', id: card.id, text });
    }, 500);
  }, [card.id]);
  useEffect(() => () => clearTimeout(pending.current), []);
  const finish = useCallback(() => {
    save();
    if (useMyPrivateCards.getState().editing === card.id) useMyPrivateCards.setState({ editing: null });
  }, [save, card.id]);
  const ref = useEditEnding(save, finish);
  useLayoutEffect(() => {
    if (!useMyPrivateCards.getState().typedAhead) return;
    useMyPrivateCards.setState({ typedAhead: '' });
    ref.current?.setSelectionRange(draft.length, draft.length);
    keep();
    // Once, when the editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const pos = toScreen(viewport, card.x, card.y);
  return (
    <textarea
      ref={ref}
      aria-label="Private note text"
      className="text-editor private-editor"
      value={draft}
      maxLength={longText.maxLength ?? undefined}
      placeholder="Only you see this until the reveal"
      onChange={(e) => {
        typed.current = e.target.value;
        setDraft(e.target.value);
        keep();
      }}
      onBlur={finish}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          finish();
        }
      }}
      style={{
        left: pos.x,
        top: pos.y,
        width: card.w * viewport.scale,
        height: card.h * viewport.scale,
        fontSize: 18 * viewport.scale,
        padding: 12 * viewport.scale,
        fontFamily: noteFontFamily,
        background: cardFill[card.color],
      }}
    />
  );
}
