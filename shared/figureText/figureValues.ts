import { evidenceField, highField, lowField, sourceField, type Evidence, type PricedField, type RangedField } from '../model/range.js';
import type { Ranged } from './parseFigures.js';

/**
 * A figure as the details panel edits it, read from a step or a scenario's override (the same
 * keys: `volume`, `volumeLow`, `volumeHigh`, `volumeEvidence`, `volumeSource`), and the fields
 * that store what was typed. The likely figure and both ends are written together, so a range
 * typed over another never leaves the old ends behind.
 */
type Fields = Record<string, unknown>;
/** Where a figure comes from, as people edit it: a kind of evidence and a short source. */
export interface EvidenceValue {
  evidence: Evidence | null;
  source: string;
}
/** A step's figure or a scenario's price: the helpers read and write both the same way. */
type Figure = RangedField | PricedField;

const num = (v: unknown) => (typeof v === 'number' ? v : null);

export function rangedOf(record: object, f: Figure): Ranged | null {
  const r = record as Fields;
  const likely = num(r[f]);
  return likely === null ? null : { likely, low: num(r[lowField(f)]), high: num(r[highField(f)]) };
}

export function evidenceOf(record: object, f: Figure): EvidenceValue {
  const r = record as Fields;
  const e = r[evidenceField(f)];
  const s = r[sourceField(f)];
  return { evidence: typeof e === 'string' ? (e as Evidence) : null, source: typeof s === 'string' ? s : '' };
}

/** The fields that store a typed figure: one figure clears the ends; empty clears all three. */
export function rangePatch(f: Figure, v: Ranged | null): Record<string, number | null> {
  return { [f]: v?.likely ?? null, [lowField(f)]: v?.low ?? null, [highField(f)]: v?.high ?? null };
}
