import { useEffect, useState } from 'react';

/**
 * A number input that keeps what the person typed until it parses. `parse` turns text into
 * the stored value (or undefined: invalid, with `error` saying why); null means "cleared".
 * Only a valid value is committed — the document never holds an invalid figure.
 */
export function NumberField({ label, value, format, parse, onCommit, unit, disabled }: {
  label: string;
  value: number | null;
  format(v: number): string;
  parse(text: string): { ok: true; value: number | null } | { ok: false; error: string };
  onCommit(v: number | null): string | null;
  unit?: string;
  disabled?: boolean;
}) {
  const shown = value === null ? '' : format(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);
  const commit = () => {
    if (text === shown) return setError(null);
    const r = parse(text);
    if (!r.ok) return setError(r.error);
    const refused = onCommit(r.value);
    setError(refused);
  };
  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={`field ${error ? 'invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="with-unit">
        <input id={id} inputMode="decimal" value={text} disabled={disabled} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
        {unit && <span className="unit">{unit}</span>}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
