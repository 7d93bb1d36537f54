import type { Figure } from '../../shared/figureText/parseFigures';
import { FieldLines, useFieldDraft } from './fieldDraft';

/**
 * A figure's input, in the board's number format: only a valid value reaches the document. It
 * is typed and finished as every panel field is (useFieldDraft): Enter or leaving commits,
 * Escape puts the stored figure back, a refused text is said at the field.
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
  const parsed = (text: string) => figure.parse(text);
  const { text, error, left, note, inputProps } = useFieldDraft({
    shown,
    figure: true,
    store: (t) => {
      const r = parsed(t);
      return r.ok ? onCommit(r.value) : r.error;
    },
    check: (t) => {
      const r = parsed(t);
      return r.ok ? null : r.error;
    },
  });

  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={`field ${error && !left ? 'invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="with-unit">
        <input
          id={id}
          inputMode={words ? 'text' : 'decimal'}
          autoComplete="off"
          {...inputProps}
          value={text}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={!!error && !left}
          aria-describedby={error ? `${id}-error` : undefined}
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
          onFocus={(e) => {
            inputProps.onFocus();
            e.currentTarget.select();
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </div>
      <FieldLines id={id} hint={hint} error={error} note={note} />
    </div>
  );
}
