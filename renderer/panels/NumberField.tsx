import { useEffect, useRef, useState } from 'react';
import type { Figure } from '../../shared/figureText/parseFigures';

/**
 * A figure's input, in the board's number format. Enter or leaving the field commits; only a
 * valid value reaches the document. A refused text stays in the field with its message while
 * the person is still there (the message follows their typing until it is fixed); once they
 * leave, the field shows the stored figure again and the message says that the text was not
 * taken — the totals never silently disagree with what the field shows. Escape cancels: the
 * stored figure comes back and nothing is written.
 */
export function NumberField<T = number>({
  label,
  value,
  figure,
  onCommit,
  unit,
  disabled,
  placeholder,
  hint,
  words,
}: {
  label: string;
  value: T | null;
  figure: Figure<T>;
  /** stores the value; returns the operation's refusal, or null */
  onCommit(v: T | null): string | null;
  unit?: string;
  disabled?: boolean;
  placeholder?: string;
  /** a line under the field, e.g. the as-is figure beside a scenario's */
  hint?: string;
  /** the figure is typed with words ("3 days"): a phone offers its full keyboard, not the number pad */
  words?: boolean;
}) {
  const shown = value === null ? '' : figure.format(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  /** the message is about a text that was left and not taken: the field itself holds the stored figure */
  const [left, setLeft] = useState(false);
  /** Escape was pressed: the blur that follows must not store the text it cancelled */
  const cancelled = useRef(false);
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);

  /** Try to store what is typed: the message if refused, null when stored (or unchanged). */
  const store = (): string | null => {
    if (text === shown) return null;
    const r = figure.parse(text);
    if (!r.ok) return r.error;
    const refused = onCommit(r.value);
    if (!refused) setText(r.value === null ? '' : figure.format(r.value));
    return refused;
  };
  const commit = () => {
    setLeft(false);
    setError(store());
  };
  const leave = () => {
    if (cancelled.current) {
      cancelled.current = false;
      return;
    }
    const refused = store();
    if (!refused) return setError(null);
    setText(shown);
    setLeft(true);
    setError(`${refused} Not taken: it stays ${shown === '' ? 'empty' : shown}.`);
  };
  const cancel = (input: HTMLInputElement) => {
    cancelled.current = true;
    setText(shown);
    setError(null);
    setLeft(false);
    input.blur();
  };
  const type = (next: string) => {
    setText(next);
    setLeft(false);
    // A message shown while they are in the field follows their typing, and goes once it is fixed.
    if (error) {
      const r = next === shown ? null : figure.parse(next);
      setError(r && !r.ok ? r.error : null);
    }
  };

  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={`field ${error && !left ? 'invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="with-unit">
        <input
          id={id}
          inputMode={words ? 'text' : 'decimal'}
          autoComplete="off"
          value={text}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={!!error && !left}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => type(e.target.value)}
          // Entered by a tap, a click or Tab, the whole figure is selected, as the ledger's figure
          // cells do: what is typed next replaces it. Left at the end, "2 weeks" typed into a
          // field saying "0 min" read "0 min2 weeks". A press places the caret by default, so
          // the press that enters the field focuses it itself; once in, a tap places the caret.
          onMouseDown={(e) => {
            const input = e.currentTarget;
            if (e.button !== 0 || document.activeElement === input) return;
            e.preventDefault();
            input.focus();
            input.select();
          }}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={leave}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            else if (e.key === 'Escape') cancel(e.currentTarget);
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </div>
      {hint && !error && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
