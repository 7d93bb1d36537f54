import { z } from 'zod';
import { connectorKind } from './connector.js';
import { frameKind } from './frame.js';
import { laneKind } from './lane.js';
import { lineKind } from './line.js';
import { noteKind } from './note.js';
import { stageKind } from './stage.js';
import { stepKind } from './step.js';
import { textKind } from './text.js';
import type { NewFields } from './kind.js';

/**
 * Every kind of record the board holds, one entry each (`defineKind` in the kind's own file:
 * schema, defaults, label, traits, record migrations). The element schema, the element types,
 * `newElement` and the traits the rest of the app asks about are all read from this table, so
 * adding a kind is one entry here (and, if it is drawn, one component in the canvas's table).
 */
export const kinds = {
  step: stepKind,
  note: noteKind,
  text: textKind,
  lane: laneKind,
  stage: stageKind,
  connector: connectorKind,
  line: lineKind,
  frame: frameKind,
} as const;

type Kinds = typeof kinds;
export type ElementKind = keyof Kinds;
/** The record of one kind: `ElementOf<'step'>` is a Step. */
export type ElementOf<K extends ElementKind> = z.infer<Kinds[K]['schema']>;
export type BoardElement = { [K in ElementKind]: ElementOf<K> }[ElementKind];
/** Elements with a box of their own on the canvas (they have x, y, w, h). */
export type CanvasElement = Extract<BoardElement, { w: number }>;
/** Cards: the elements that belong to a lane/stage cell. */
export type Card = Extract<BoardElement, { laneId: string | null }>;

const schemas = Object.values(kinds).map((k) => k.schema);
export const elementSchema = z.discriminatedUnion('kind', schemas as [(typeof schemas)[number], ...(typeof schemas)[number][]]);

export function isElementKind(kind: unknown): kind is ElementKind {
  return typeof kind === 'string' && Object.hasOwn(kinds, kind);
}

/** A new record of `kind` from the kind's defaults and the given fields (a fresh id unless given). */
export function newElement<K extends ElementKind>(kind: K, fields: NewFields<Kinds[K]['schema'], Kinds[K]['defaults']>): ElementOf<K> {
  return (kinds[kind].create as (f: typeof fields) => ElementOf<K>)(fields);
}

export function isCanvasElement(e: BoardElement): e is CanvasElement {
  return kinds[e.kind].box;
}

export function isCard(e: BoardElement): e is Card {
  return kinds[e.kind].card;
}

/** The kinds that make up the template grid (lanes, stages, lines), which the facilitator can lock. */
export const gridKinds: ReadonlySet<ElementKind> = new Set((Object.keys(kinds) as ElementKind[]).filter((k) => kinds[k].grid));

/** The field the text editor writes for a kind, and its schema (how long the text may be); null when the kind shows no text. */
export function textFieldOf(kind: ElementKind): { field: string; max: z.ZodString } | null {
  const field = kinds[kind].textField;
  return field === null ? null : { field, max: (kinds[kind].schema.shape as unknown as Record<string, z.ZodString>)[field] };
}

/** True if a record of `kind` has every one of `fields`. */
export function kindHas(kind: ElementKind, fields: Iterable<string>): boolean {
  for (const f of fields) if (!kinds[kind].fields.has(f)) return false;
  return true;
}
