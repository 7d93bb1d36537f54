import type * as Y from 'yjs';
import { z } from 'zod';
import { shortText } from './fields.js';
import { readHostRecords, writeHostRecord } from './hostRecords.js';
import { idSchema } from './ids.js';
import { rangedFields, type RangedField } from './range.js';

/**
 * Estimates from the floor: the facilitator asks the room for one figure of a step ("How many
 * minutes does 'Check application' take you?"), everyone answers on their own device, and the
 * reveal shows the spread and writes it into the step. An estimate is in the doc's `estimates`
 * map (id → Y.Map of the fields below) so everyone sees the question and how many have
 * answered; the answers themselves are not in the doc: the host keeps them
 * (electron/host/estimates) until the reveal, then writes the spread here — never who said
 * what. Only the host writes this map; the policy refuses any client's update that touches it.
 */

const estimateStatusSchema = z.enum(['open', 'revealed', 'cancelled']);

/** The spread of the answers, in the field's stored unit (minor units, minutes, occurrences). */
const spreadSchema = z.strictObject({
  n: z.number().int().min(1),
  min: z.number().nonnegative(),
  median: z.number().nonnegative(),
  max: z.number().nonnegative(),
  /** answers per bin, equal widths from min to max (one bin when all agree) */
  bins: z.array(z.number().int().nonnegative()).min(1).max(20),
});
export type Spread = z.infer<typeof spreadSchema>;

const estimateSchema = z.strictObject({
  id: idSchema,
  stepId: idSchema,
  field: z.enum(rangedFields),
  /** a to-be's override of the figure; null: the step's own (as-is) figure */
  scenarioId: idSchema.nullable(),
  /** the question as the room reads it */
  question: shortText.min(1),
  status: estimateStatusSchema,
  askedAt: z.number().int().nonnegative(),
  revealedAt: z.number().int().nonnegative().nullable(),
  /** how many people have answered so far (counts only: the answers stay on the host) */
  answered: z.number().int().nonnegative(),
  /** how many people here could answer (facilitators and participants), as the host last counted them */
  people: z.number().int().nonnegative(),
  /** after the reveal: the spread; null before it, or when nobody answered */
  result: spreadSchema.nullable(),
});
export type Estimate = z.infer<typeof estimateSchema>;

export function estimatesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('estimates');
}

/** Every estimate, oldest first. */
export function readEstimates(doc: Y.Doc): Estimate[] {
  return readHostRecords(estimatesMap(doc), estimateSchema, (e) => e.askedAt);
}

/** The estimate being answered, if any: the newest that is open. */
export function openEstimate(all: readonly Estimate[]): Estimate | null {
  for (let i = all.length - 1; i >= 0; i--) if (all[i].status === 'open') return all[i];
  return null;
}

/** The estimate on screen: the newest one, unless it was cancelled. */
export function latestEstimate(all: readonly Estimate[]): Estimate | null {
  const last = all[all.length - 1];
  return last && last.status !== 'cancelled' ? last : null;
}

/** Write an estimate (inside a transaction; the host's). Only changed fields are written. */
export function writeEstimate(doc: Y.Doc, estimate: Estimate): void {
  writeHostRecord(estimatesMap(doc), estimate);
}

/** The question a figure asks by default, in the room's words. */
export function questionFor(field: RangedField, stepTitle: string, period: 'month' | 'year' = 'year'): string {
  const step = `‘${stepTitle.trim() || 'this step'}’`;
  const q: Record<RangedField, string> = {
    volume: `How many times a ${period} does ${step} happen?`,
    unitCents: `What does one ${step} cost?`,
    minutes: `How many minutes does ${step} take you?`,
    rateCents: `What is the hourly rate of the people doing ${step}?`,
    fixedCents: `What is the fixed cost of ${step} per ${period}?`,
    waitMinutes: `How long does the work wait before ${step}?`,
    processMinutes: `How long does ${step} take from start to end?`,
  };
  return q[field].slice(0, 200);
}

/** "estimated by 1 person", "estimated by 14 people": the source written with the figure. */
export function estimatedBy(n: number): string {
  return `estimated by ${n} ${n === 1 ? 'person' : 'people'}`;
}

/** What the facilitator sends to ask (POST …/estimates). */
export const askEstimateSchema = z.strictObject({
  stepId: idSchema,
  field: z.enum(rangedFields),
  scenarioId: idSchema.nullable().default(null),
  question: shortText.trim().min(1, 'a question is needed'),
});
export type AskEstimate = z.input<typeof askEstimateSchema>;
export type AskedEstimate = z.output<typeof askEstimateSchema>;

/** An answer as the person typed it ("45 min", "1,5 h", "30k"): the host reads it in the board's format. */
export const answerEstimateSchema = z.strictObject({ estimateId: idSchema, text: z.string().max(100) });

/** Which estimate to reveal or cancel. */
export const estimateIdSchema = z.strictObject({ estimateId: idSchema });

/** The host's answer to a person: their own answer to the open estimate (null: none yet). */
export const myEstimateAnswerSchema = z.strictObject({ estimateId: idSchema.nullable(), value: z.number().nullable() });
export type MyEstimateAnswer = z.infer<typeof myEstimateAnswerSchema>;
