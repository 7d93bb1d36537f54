import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { showToast, withdrawToast } from '../state/uiStore';
import { startTyping, stopTyping } from '../state/typing';

/** A stored text quoted in a message: a long note is cut, not pasted whole into one line. */
function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > 40 ? `${line.slice(0, 39)}…` : line}”`;
}

/** An operation's refusal, as the message shown at its field (without the step's or scenario's id the operation names first); null when it ran. */
export function refusalOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^(step|scenario) \S+( step \S+)?(\.|: )/, '');
  }
}

/**
 * What the panel's fields belong to (the step's title in the step details): a field gone with a
 * refused text says it in a toast, and the panel may by then show another step, so the toast
 * names whose field it was.
 */
export const FieldsOf = createContext<string | undefined>(undefined);

/**
 * The toast a field left as it went (a refused text), taken back once the person's next edit in
 * a panel is stored or refused at its field: it would contradict the field, or sit beside its line.
 */
let leftInToast: string | null = null;
function toastFromGoneField(message: string, tone?: 'done'): void {
  leftInToast = message;
  showToast(message, tone);
}
function outOfDate(): void {
  if (leftInToast !== null) withdrawToast(leftInToast);
  leftInToast = null;
}

type Saved = { refused: string } | { refused: null; overtaken: string | null };

/**
 * How every text and figure field of the panels (the step details, the dashboard's scenario
 * names) is typed in and finished. What is typed is the field's own while the person is in it;
 * the store stays the truth:
 * - Enter (one line) or leaving the field stores it; Escape puts the stored value back and ends
 *   the edit. Whatever takes the field away finishes it first (finishTyping), and a field
 *   removed while typed in stores its text as it goes: React sends no blur to what it removes.
 * - A colleague's change arriving while the person types does not replace their text: when they
 *   finish, theirs is written (the later edit) and a quiet line says what it replaced.
 * - A refused text stays, with its message, while the person is in the field (the message
 *   follows their typing until it is fixed); once they leave, the field shows the stored value
 *   again and the message says the text was not taken — totals never silently disagree with it.
 */
export function useFieldDraft({
  shown,
  store,
  check,
  multiline,
  figure,
}: {
  /** the stored value, as the field shows it */
  shown: string;
  /** stores the text; returns the refusal to show at the field, or null */
  store(text: string): string | null;
  /** the refusal a text would get, so a message follows the typing once it shows */
  check?(text: string): string | null;
  multiline?: boolean;
  /** a figure: said as it is in messages ("it stays 8,000"), where a text is quoted */
  figure?: boolean;
}) {
  const say = figure ? (v: string) => v : quoted;
  const owner = useContext(FieldsOf);
  const ofOwner = (message: string) => (owner === undefined ? message : `${owner.trim() === '' ? 'The untitled step' : quoted(owner)} — ${message}`);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  /** the message is about a text that was left and not taken: the field itself holds the stored value */
  const [left, setLeft] = useState(false);
  /** the quiet line: someone else changed the stored value while this person typed */
  const [note, setNote] = useState<string | null>(null);
  /** what the field showed when the person began typing; null while no text of theirs is pending */
  const began = useRef<string | null>(null);
  /** Escape was pressed: the blur that follows must not store the text it cancelled */
  const cancelled = useRef(false);
  const now = useRef({ text, shown, store, error, left, ofOwner });
  now.current = { text, shown, store, error, left, ofOwner };

  // The field follows the store, except over a text the person is typing (a layout effect: the
  // stored value replaces the typed one in the same frame, with no flash of the old one).
  useLayoutEffect(() => {
    if (began.current !== null && now.current.text !== began.current) return;
    began.current = null;
    setText(shown);
    setError(null);
  }, [shown]);

  const save = (): Saved => {
    const { text, shown, store } = now.current;
    if (text === shown) {
      began.current = null;
      return { refused: null, overtaken: null };
    }
    const refused = store(text);
    outOfDate();
    if (refused) return { refused };
    const before = began.current;
    began.current = null;
    // Shows the stored form ("1200" stored reads "1.200"); a changed value comes after it, in the layout effect.
    setText(shown);
    const overtaken = before === null || before === shown ? null : `${shown === '' ? 'Someone else emptied this' : `Someone else changed this to ${say(shown)}`} while you typed; yours replaced it.`;
    return { refused: null, overtaken };
  };
  /** Store and stay in the field (Enter, or the panel about to go): false when refused, the text kept with its message. */
  const commit = (): boolean => {
    const saved = save();
    setLeft(false);
    setError(saved.refused);
    if (saved.refused === null) setNote(saved.overtaken);
    return saved.refused === null;
  };
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  const field = useMemo(() => ({ finish: () => latestCommit.current() }), []);

  const leave = () => {
    stopTyping(field);
    if (cancelled.current) {
      cancelled.current = false;
      return;
    }
    const saved = save();
    if (saved.refused === null) {
      setError(null);
      setLeft(false);
      setNote(saved.overtaken);
      return;
    }
    const { shown } = now.current;
    began.current = null;
    setText(shown);
    setLeft(true);
    setError(`${saved.refused} Not taken: it stays ${shown === '' ? 'empty' : say(shown)}.`);
  };
  const cancel = (input: HTMLElement) => {
    cancelled.current = true;
    began.current = null;
    setText(now.current.shown);
    setError(null);
    setLeft(false);
    setNote(null);
    input.blur();
  };
  const type = (next: string) => {
    if (began.current === null) began.current = now.current.shown;
    setText(next);
    setLeft(false);
    setNote(null);
    if (error) setError(next === now.current.shown ? null : (check?.(next) ?? null));
  };

  // Removed while typed in (the step deselected by a tap on the board, another card picked, the
  // step deleted): the text is stored on the way out; a refusal, with the field gone, is said in
  // a toast. A layout cleanup runs before the board's own teardown unbinds dispatch.
  useLayoutEffect(
    () => () => {
      stopTyping(field);
      const { text, shown, error, left, ofOwner } = now.current;
      if (cancelled.current) return;
      if (began.current !== null && text !== shown) {
        const saved = save();
        if (saved.refused !== null) toastFromGoneField(ofOwner(`${saved.refused} Not taken.`));
        else if (saved.overtaken) toastFromGoneField(ofOwner(saved.overtaken), 'done');
      } else if (error && left) toastFromGoneField(ofOwner(error));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the field goes; it reads the latest through `now`
    [],
  );

  return {
    text,
    error,
    left,
    note,
    inputProps: {
      value: text,
      onChange: (e: { target: { value: string } }) => type(e.target.value),
      onFocus: () => startTyping(field),
      onBlur: leave,
      onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
        if (e.nativeEvent.isComposing) return;
        if (e.key === 'Enter' && !multiline) commit();
        else if (e.key === 'Escape') cancel(e.currentTarget);
      },
    },
  };
}

/** The lines under a field: its hint, or its message, and the quiet line of a colleague's change it replaced. */
export function FieldLines({ id, hint, error, note }: { id: string; hint?: string; error: string | null; note: string | null }) {
  return (
    <>
      {hint && !error && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {note && (
        <p className="field-note" role="status">
          {note}
        </p>
      )}
    </>
  );
}
