import { z } from 'zod';
import { canvasFields, cellFields, colorSchema, longText, shortText } from './fields.js';
import { defineKind } from './kind.js';
import { durationUnits, MAX_DURATION_MINUTES } from './duration.js';
import { minorUnits } from './money.js';
import { idSchema } from './ids.js';
import { rangeDefaults, rangeShape } from './range.js';

// The process step: the main card of a map. Every flag is its own field, so two people
// toggling different flags of one step both win. Cost fields arrive with the cost model.
export const valueClassSchema = z.enum(['unclassified', 'value-adding', 'necessary', 'waste']);
export type ValueClass = z.infer<typeof valueClassSchema>;
/** Value classes as people read them: on the board, in the dashboard and in the cost table. */
export const valueClassLabel: Record<ValueClass, string> = {
  unclassified: 'Unclassified',
  'value-adding': 'Value-adding',
  necessary: 'Necessary',
  waste: 'Waste',
};
export const stepFlags = ['painPoint', 'failPoint', 'waitPoint', 'momentOfTruth'] as const;

/** Emotion for journeys: −2 very negative … +2 very positive; null when not rated. */
const emotionSchema = z.number().int().min(-2).max(2).nullable();

/** occurrences per period (the session's period); a scenario's override follows the same rule */
export const volumeSchema = z.number().int().min(0).max(1e12);
/** minutes of work per occurrence, up to 2 decimals; a scenario's override follows the same rule */
export const minutesSchema = z
  .number()
  .min(0)
  .max(1e6)
  .refine((m) => Math.abs(m * 100 - Math.round(m * 100)) < 1e-6, 'expected at most 2 decimals');

/** a calendar duration in minutes (duration.ts), up to 2 decimals; a scenario's override follows the same rule */
export const durationMinutesSchema = z
  .number()
  .min(0)
  .max(MAX_DURATION_MINUTES)
  .refine((m) => Math.abs(m * 100 - Math.round(m * 100)) < 1e-6, 'expected at most 2 decimals');
const durationUnitSchema = z.enum(durationUnits);
/** the share of occurrences done completely and accurately (0 < share ≤ 1, up to 4 decimals: 92.25 %) */
export const firstTimeRightSchema = z
  .number()
  .gt(0)
  .max(1)
  .refine((f) => Math.abs(f * 1e4 - Math.round(f * 1e4)) < 1e-6, 'expected at most 2 decimals of a percent');

export const stepSchema = z.strictObject({
  ...canvasFields,
  ...cellFields,
  kind: z.literal('step'),
  title: shortText,
  notes: longText,
  color: colorSchema,
  owner: shortText,
  valueClass: valueClassSchema,
  painPoint: z.boolean(),
  failPoint: z.boolean(),
  waitPoint: z.boolean(),
  momentOfTruth: z.boolean(),
  emotion: emotionSchema,
  /** what the step takes in and hands on, and the systems and data it needs (the seeds' grids) */
  inputs: shortText,
  outputs: shortText,
  systems: shortText,
  // Cost per period (see cost.ts). Every figure is its own field, null when not given.
  volume: volumeSchema.nullable(),
  costMode: z.enum(['unit', 'time']),
  unitCents: minorUnits.nullable(),
  minutes: minutesSchema.nullable(),
  /** hourly rate in minor units */
  rateCents: minorUnits.nullable(),
  fixedCents: minorUnits.nullable(),
  // Time (see leadTime.ts): each its own field, null when not given, never counted as zero.
  /** calendar time the work waits before the step: the queue, the post, "we get back to you" */
  waitMinutes: durationMinutesSchema.nullable(),
  /** the unit the wait was typed in, to show it back that way */
  waitUnit: durationUnitSchema,
  /** elapsed time the step takes once started */
  processMinutes: durationMinutesSchema.nullable(),
  processUnit: durationUnitSchema,
  /** share done right the first time; the rest comes back as rework */
  firstTimeRight: firstTimeRightSchema.nullable(),
  // Ranges and evidence (range.ts): each figure above may be a low–likely–high range, the
  // figure itself being the likely one, and says where it comes from.
  ...rangeShape('volume', volumeSchema),
  ...rangeShape('unitCents', minorUnits),
  ...rangeShape('minutes', minutesSchema),
  ...rangeShape('rateCents', minorUnits),
  ...rangeShape('fixedCents', minorUnits),
  ...rangeShape('waitMinutes', durationMinutesSchema),
  ...rangeShape('processMinutes', durationMinutesSchema),
  /** a to-be step: exists only in this scenario (drawn and counted when it is picked); null for the as-is map's steps */
  scenarioId: idSchema.nullable(),
});
export type Step = z.infer<typeof stepSchema>;

const stepDefaults: Omit<Step, 'id' | 'kind' | 'x' | 'y' | 'order'> = {
  w: 220,
  h: 120,
  rotation: 0,
  locked: false,
  title: '',
  notes: '',
  color: 'white',
  owner: '',
  valueClass: 'unclassified',
  laneId: null,
  stageId: null,
  painPoint: false,
  failPoint: false,
  waitPoint: false,
  momentOfTruth: false,
  emotion: null,
  inputs: '',
  outputs: '',
  systems: '',
  volume: null,
  costMode: 'unit',
  unitCents: null,
  minutes: null,
  rateCents: null,
  fixedCents: null,
  waitMinutes: null,
  waitUnit: 'days',
  processMinutes: null,
  processUnit: 'hours',
  firstTimeRight: null,
  ...stepRangeDefaults(),
  scenarioId: null,
};

function stepRangeDefaults() {
  return {
    ...rangeDefaults('volume'),
    ...rangeDefaults('unitCents'),
    ...rangeDefaults('minutes'),
    ...rangeDefaults('rateCents'),
    ...rangeDefaults('fixedCents'),
    ...rangeDefaults('waitMinutes'),
    ...rangeDefaults('processMinutes'),
  };
}

export const stepKind = defineKind({
  kind: 'step',
  schema: stepSchema,
  label: 'Step',
  textField: 'title',
  grid: false,
  rotates: false,
  defaults: stepDefaults,
  migrations: [
    {
      id: 'step/1',
      name: 'step flags and the journey emotion',
      boardVersion: 2,
      up: (r) => ({ painPoint: false, failPoint: false, waitPoint: false, momentOfTruth: false, emotion: null, ...r }),
    },
    {
      id: 'step/2',
      name: 'cost per period; inputs, outputs, systems',
      boardVersion: 3,
      up: (r) => ({ inputs: '', outputs: '', systems: '', volume: null, costMode: 'unit', unitCents: null, minutes: null, rateCents: null, fixedCents: null, ...r }),
    },
    {
      id: 'step/3',
      name: 'time: wait before, process time, first time right',
      boardVersion: 4,
      up: (r) => ({ waitMinutes: null, waitUnit: 'days', processMinutes: null, processUnit: 'hours', firstTimeRight: null, ...r }),
    },
    {
      id: 'step/4',
      name: 'the business case: ranges and evidence of every figure; to-be steps of one scenario',
      boardVersion: 5,
      up: (r) => ({ ...stepRangeDefaults(), scenarioId: null, ...r }),
    },
  ],
});

export const newStep = stepKind.create;
