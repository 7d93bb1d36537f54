import { useState } from 'react';
import { evidenceKinds, evidenceLabel, type Evidence } from '../../shared/model/range';
import { NumberField } from './NumberField';
import { FieldLines, useFieldDraft } from './fieldDraft';
import type { Figure, Ranged } from '../../shared/figureText/parseFigures';
import type { EvidenceValue } from '../../shared/figureText/figureValues';
export type { EvidenceValue };

/**
 * A figure that may be a range ("80,000–120,000"), with where it comes from under it: guess,
 * estimate or measured, and once that is said, a source ("CRM report Q3"). The figure with its
 * low and high is stored by one operation (onCommit); the evidence by another (onEvidence).
 */
export function FigureField<T extends Ranged>({
  label,
  value,
  figure,
  onCommit,
  evidence,
  onEvidence,
  unit,
  disabled,
  placeholder,
  hint,
}: {
  label: string;
  value: T | null;
  figure: Figure<T>;
  onCommit(v: T | null): string | null;
  evidence: EvidenceValue;
  onEvidence(e: EvidenceValue): string | null;
  unit?: string;
  disabled?: boolean;
  placeholder?: string;
  hint?: string;
}) {
  // A range says its likely figure (the midpoint unless typed as low / likely / high) under the field.
  const likely = value && value.low !== null && value.high !== null && value.low !== value.high ? `likely ${figure.format({ ...value, low: null, high: null })}` : undefined;
  return (
    <div className="figure">
      {/* The full keyboard on a phone even for a count or an amount: a number pad has no dash for "4–8". */}
      <NumberField
        label={label}
        value={value}
        figure={figure}
        onCommit={onCommit}
        unit={unit}
        disabled={disabled}
        placeholder={placeholder}
        hint={[likely, hint].filter(Boolean).join(' · ') || undefined}
        words
      />
      {(value !== null || evidence.evidence !== null || evidence.source !== '') && <EvidenceControl label={label} value={evidence} onChange={onEvidence} disabled={disabled} />}
    </div>
  );
}

function EvidenceControl({ label, value, onChange, disabled }: { label: string; value: EvidenceValue; onChange(e: EvidenceValue): string | null; disabled?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const source = useFieldDraft({ shown: value.source, store: (s) => (s.trim() === value.source ? null : onChange({ ...value, source: s.trim() })) });
  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="evidence">
      <select
        id={`${id}-evidence`}
        // Named "Evidence" on its own: a name holding the figure's ("Volume") would answer to the figure's label too.
        aria-label="Evidence"
        title={`Where the ${label.toLowerCase()} comes from`}
        className={value.evidence ? `evidence-${value.evidence}` : ''}
        value={value.evidence ?? ''}
        disabled={disabled}
        onChange={(e) => setError(onChange({ ...value, evidence: (e.target.value || null) as Evidence | null }))}
      >
        <option value="">how sure?</option>
        {evidenceKinds.map((k) => (
          <option key={k} value={k}>
            {evidenceLabel[k]}
          </option>
        ))}
      </select>
      {(value.evidence !== null || value.source !== '') && (
        <input id={`${id}-source`} aria-label="Source" title={`The ${label.toLowerCase()}’s source`} placeholder="e.g. CRM report Q3" maxLength={200} {...source.inputProps} disabled={disabled} />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <FieldLines id={`${id}-source`} error={source.error} note={source.note} />
    </div>
  );
}
