import { z } from 'zod';
import { shortText } from './fields.js';

/**
 * Ranges and evidence (the business-case issue). A figure of a step or of a scenario's
 * override may be a range: low, likely, high. The likely figure is the field itself
 * (`volume`), so a single figure stays a single figure and every total of single figures
 * stays exact; the range's ends are fields of their own (`volumeLow`, `volumeHigh`), so two
 * people editing the low and the high of one figure at once both keep their edit.
 * A figure is a range when both ends are given; otherwise it is its likely figure alone.
 *
 * Each figure can also carry where it comes from: `volumeEvidence` (guess, estimate,
 * measured; null when nobody said) and `volumeSource` ("CRM report Q3").
 */
export const rangedFields = ['volume', 'unitCents', 'minutes', 'rateCents', 'fixedCents', 'waitMinutes', 'processMinutes'] as const;
export type RangedField = (typeof rangedFields)[number];

/** Each figure's name as the details panel labels it: in messages, questions and refusals. */
export const rangedFieldLabel: Record<RangedField, string> = {
  volume: 'Volume',
  unitCents: 'Unit cost',
  minutes: 'Minutes',
  rateCents: 'Hourly rate',
  fixedCents: 'Fixed cost',
  waitMinutes: 'Wait before',
  processMinutes: 'Process time',
};
/** The figures of a scenario's price that may be ranges too: what the change costs once, and per period. */
export const pricedFields = ['investmentCents', 'runningCents'] as const;
export type PricedField = (typeof pricedFields)[number];

export const evidenceKinds = ['guess', 'estimate', 'measured'] as const;
const evidenceSchema = z.enum(evidenceKinds);
export type Evidence = z.infer<typeof evidenceSchema>;
export const evidenceLabel: Record<Evidence, string> = { guess: 'Guess', estimate: 'Estimate', measured: 'Measured' };

export type LowField<F extends string> = `${F}Low`;
export type HighField<F extends string> = `${F}High`;
export type EvidenceField<F extends string> = `${F}Evidence`;
export type SourceField<F extends string> = `${F}Source`;

export const lowField = <F extends string>(f: F): LowField<F> => `${f}Low`;
export const highField = <F extends string>(f: F): HighField<F> => `${f}High`;
export const evidenceField = <F extends string>(f: F): EvidenceField<F> => `${f}Evidence`;
export const sourceField = <F extends string>(f: F): SourceField<F> => `${f}Source`;

/** low ≤ likely ≤ high, or one figure. */
export interface FigureRange {
  low: number;
  likely: number;
  high: number;
}

export const isRange = (r: FigureRange) => r.low !== r.likely || r.likely !== r.high;

/**
 * The schema of the fields a ranged figure brings with it, from the figure's own schema:
 * `<f>Low`, `<f>High` (same rule as the figure, null when not a range), `<f>Evidence`, `<f>Source`.
 */
export function rangeShape<F extends string, S extends z.ZodType>(field: F, schema: S) {
  return {
    [lowField(field)]: schema.nullable(),
    [highField(field)]: schema.nullable(),
    [evidenceField(field)]: evidenceSchema.nullable(),
    [sourceField(field)]: shortText,
  } as { [K in LowField<F> | HighField<F>]: z.ZodNullable<S> } & { [K in EvidenceField<F>]: z.ZodNullable<typeof evidenceSchema> } & { [K in SourceField<F>]: typeof shortText };
}

/** The same fields where each may be left out: a scenario's override of the figure (absent: not overridden). */
export function optionalRangeShape<F extends string, S extends z.ZodType>(field: F, schema: S) {
  return {
    [lowField(field)]: schema.optional(),
    [highField(field)]: schema.optional(),
    [evidenceField(field)]: evidenceSchema.optional(),
    [sourceField(field)]: shortText.optional(),
  } as { [K in LowField<F> | HighField<F>]: z.ZodOptional<S> } & { [K in EvidenceField<F>]: z.ZodOptional<typeof evidenceSchema> } & { [K in SourceField<F>]: z.ZodOptional<typeof shortText> };
}

/** The values a record without ranges or evidence has for a figure's range fields. */
export function rangeDefaults<F extends string>(field: F) {
  return { [lowField(field)]: null, [highField(field)]: null, [evidenceField(field)]: null, [sourceField(field)]: '' } as { [K in LowField<F> | HighField<F> | EvidenceField<F>]: null } & {
    [K in SourceField<F>]: '';
  };
}

/**
 * A figure read from a record's fields: null when the likely figure is not given; a range when
 * both ends are given (sorted, so a low above its high that two concurrent edits left behind
 * still reads as a range rather than breaking a total); else the one figure.
 */
export function readRange(likely: number | null | undefined, low: number | null | undefined, high: number | null | undefined): FigureRange | null {
  if (likely === null || likely === undefined) return null;
  if (low === null || low === undefined || high === null || high === undefined) return { low: likely, likely, high: likely };
  const [a, b, c] = [low, likely, high].sort((x, y) => x - y);
  return { low: a, likely: b, high: c };
}

/** Why three figures are not a range, in words for the field; null when they are. */
export function rangeProblem(low: number, likely: number, high: number): string | null {
  if (low > high) return 'the low is above the high';
  if (likely < low) return 'the likely figure is below the low';
  if (likely > high) return 'the likely figure is above the high';
  return null;
}
