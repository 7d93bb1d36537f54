import { useEffect, useRef, useState, type FormEvent } from 'react';
import { focusBoard } from '../../canvas/boardFocus';
import { changeName, nameAsked, nameToAsk, useMyName } from '../../state/presence';

/**
 * The first time someone opens a board in this browser: what should the others call them?
 * A small card in a corner, not a modal — it takes no focus and no clicks from the board, so
 * work can start at once. Enter, or clicking anywhere else after typing, keeps the name; Skip
 * (or Escape) keeps the guest name. Either way it is not asked again.
 */
export function NamePrompt() {
  const [open, setOpen] = useState(nameToAsk);
  const [typed, setTyped] = useState('');
  const guest = useMyName((s) => s.name);
  const form = useRef<HTMLFormElement>(null);
  const typedNow = useRef('');
  typedNow.current = typed;

  const finish = (keep: boolean) => {
    if (keep && typedNow.current.trim()) changeName(typedNow.current);
    nameAsked();
    // The keyboard goes on to the board, not to the page's top: the card going with the focus in
    // it left the focus nowhere, and a screen reader said nothing after Enter.
    if (form.current?.contains(document.activeElement)) focusBoard();
    setOpen(false);
  };

  // Clicking the board (whose canvas may keep the focus where it was) counts as clicking away.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (typedNow.current.trim() && !form.current?.contains(e.target as Node)) finish(true);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  if (!open) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    finish(true);
  };
  return (
    <form ref={form} className="name-prompt" aria-label="Introduce yourself" onSubmit={submit}>
      <label>
        What should the others call you?
        <input
          value={typed}
          maxLength={60}
          autoComplete="name"
          placeholder="Name on your pointer"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && finish(false)}
          onBlur={(e) => !form.current?.contains(e.relatedTarget as Node | null) && typed.trim() && finish(true)}
        />
      </label>
      <span className="name-prompt-actions">
        <small>Until then: {guest}</small>
        <button type="button" className="text-button" onClick={() => finish(false)}>
          Skip
        </button>
        <button type="submit" className="primary" disabled={!typed.trim()}>
          OK
        </button>
      </span>
    </form>
  );
}
