import { evidenceField, highField, lowField, readRange, sourceField, type Evidence, type FigureRange, type RangedField } from './range.js';
import type { Scenario } from './scenario.js';
import type { Step } from './step.js';

/**
 * One figure of a step as the business case reads it: the range (a single figure is a range of
 * one point) and where it comes from, with a scenario's override applied. An override that
 * sets the figure itself brings its own range ends (or none): a to-be volume is a new estimate,
 * and the as-is range says nothing about it. An override of the ends alone narrows or widens
 * the as-is figure's range.
 */
export interface Figure {
  range: FigureRange;
  evidence: Evidence | null;
  source: string;
  /** true when the scenario's override gives this figure */
  overridden: boolean;
}

export function figureOf(step: Step, field: RangedField, scenario?: Scenario): Figure | null {
  const o = scenario?.overrides[step.id] as Record<string, unknown> | undefined;
  const own = step as unknown as Record<string, number | null | string>;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const setsLikely = o !== undefined && num(o[field]) !== null;
  const pick = (key: string) => (o && o[key] !== undefined ? o[key] : setsLikely ? undefined : own[key]);
  const range = readRange(setsLikely ? num(o[field]) : num(own[field]), num(pick(lowField(field))), num(pick(highField(field))));
  if (!range) return null;
  const evidence = pick(evidenceField(field));
  const source = pick(sourceField(field));
  const overridden = o !== undefined && [field, lowField(field), highField(field)].some((k) => o[k] !== undefined);
  return { range, evidence: typeof evidence === 'string' ? (evidence as Evidence) : null, source: typeof source === 'string' ? source : '', overridden };
}
