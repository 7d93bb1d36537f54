import * as Y from 'yjs';
import { z } from 'zod';
import { elementSchema, isElementKind, kinds, type BoardElement } from './kinds.js';
import { shortText } from './fields.js';
import { formatIssues } from './validation.js';
import { currencySchema, periodSchema } from './money.js';

/**
 * The board document. One Y.Doc per session, laid out as top-level maps:
 *
 *   meta          Y.Map   schemaVersion, title, template, createdAt, currency, period, locale,
 *                         discountRate
 *   elements      Y.Map   id → Y.Map of one record's fields (every kind below, by `kind`)
 *   scenarios     Y.Map   id → Y.Map: name, order, and flat override keys "<stepId>/<field>"
 *                         (see scenario.ts)
 *   votes         Y.Map   reserved: dot-voting rounds (workshop issue)
 *   facilitation  Y.Map   the timer (facilitation.ts); later the grid lock and the presenter
 *
 * Each record is a nested Y.Map of primitive fields rather than one JSON value, so two
 * people editing different fields of the same card both keep their edit. A record is sparse:
 * a field at its kind's default is not stored (absent means the default), so opening a board
 * integrates the fields people gave, not every field of every card (a step has 63).
 */
export const SCHEMA_VERSION = Math.max(
  /** the last board version that changed more than records (6: sparse records; see migrations.ts) */
  6,
  // A kind's record migration names the board version that brings it: adding a field to a kind
  // (its schema, defaults and a migration) raises the board version by itself.
  ...Object.values(kinds).flatMap((k) => k.migrations.map((m) => m.boardVersion)),
);

// The kinds, the element schema and types live in kinds.ts (one registry); re-exported here so
// the board's readers and writers have one import.
export { elementSchema, isCanvasElement, isCard, kinds, type BoardElement, type CanvasElement, type Card, type ElementKind } from './kinds.js';

export const templateIds = ['blank', 'value-chain', 'service-blueprint', 'customer-journey', 'sample-info-request'] as const;
export const templateIdSchema = z.enum(templateIds);
export type TemplateId = z.infer<typeof templateIdSchema>;

/** a yearly discount rate as a share: 0 … 100 %, up to 2 decimals of a percent */
export const discountRateSchema = z
  .number()
  .min(0, 'a discount rate is 0 % or more')
  .max(1, 'a discount rate is at most 100 %')
  .refine((r) => Math.abs(r * 1e4 - Math.round(r * 1e4)) < 1e-6, 'expected at most 2 decimals of a percent');

export const boardMetaSchema = z.strictObject({
  schemaVersion: z.number().int().min(1),
  title: shortText,
  template: templateIdSchema,
  createdAt: z.number().int().nonnegative(),
  currency: currencySchema,
  period: periodSchema,
  /** BCP 47 tag for number formatting, e.g. en-US, de-DE */
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a locale like en-US'),
  /** the business case's yearly discount rate for present values, a share (8 % = 0.08), 0 … 1 */
  discountRate: discountRateSchema,
});
export type BoardMeta = z.infer<typeof boardMetaSchema>;

/** The board settings a new board starts with, and what a board without them (older files) is read as. */
export const boardDefaults: Readonly<Pick<BoardMeta, 'currency' | 'period' | 'locale' | 'discountRate'>> = { currency: 'USD', period: 'year', locale: 'en-US', discountRate: 0.08 };

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function elementsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('elements');
}

/**
 * The defaults of a kind: what a field its record does not store reads as. They are part of the
 * stored format: changing one is a board version whose migration writes the old default into
 * the records that lack the field.
 */
export function defaultsOf(kind: unknown): Readonly<Record<string, unknown>> {
  return isElementKind(kind) ? kinds[kind].defaults : {};
}

const isDefault = (defaults: Readonly<Record<string, unknown>>, key: string, value: unknown) => Object.hasOwn(defaults, key) && defaults[key] === value;

/** One field of a stored record: its value, or its kind's default when the record does not store it. */
export function fieldOf(ymap: Y.Map<unknown>, key: string): unknown {
  if (ymap.has(key)) return ymap.get(key);
  const defaults = defaultsOf(ymap.get('kind'));
  return Object.hasOwn(defaults, key) ? defaults[key] : undefined;
}

/** The plain record stored at one element map (its kind's defaults under what it stores), validated. Returns an error line instead of throwing. */
export function readElement(id: string, ymap: Y.Map<unknown>): { ok: true; value: BoardElement } | { ok: false; error: string } {
  const raw = ymap.toJSON() as Record<string, unknown>;
  const r = elementSchema.safeParse({ ...defaultsOf(raw.kind), ...raw, id });
  if (r.success) return { ok: true, value: r.data as BoardElement };
  return { ok: false, error: formatIssues(`${String(raw.kind ?? 'element')} ${id}`, r.error) };
}

/**
 * The check of some fields of a record of one kind: the kind's own schema for those fields alone,
 * in its order (so the first bad field named is the one the whole record's check names). Every
 * field is checked on its own, never against another, so a valid record with only these fields
 * changed is valid exactly when they are. Made once per kind and set of fields (a paste of 500
 * rows × 5 columns asks for one or two). Null for an unknown kind or a field it does not have.
 */
export function fieldsCheck(kind: string, fields: readonly string[]): z.ZodType | null {
  const key = `${kind}:${[...fields].sort().join(',')}`;
  if (!fieldChecks.has(key)) {
    const schema = Object.hasOwn(kinds, kind) ? kinds[kind as keyof typeof kinds].schema : null;
    const shape = schema ? (schema.shape as Record<string, z.ZodType>) : null;
    fieldChecks.set(
      key,
      shape && fields.every((f) => Object.hasOwn(shape, f)) ? z.strictObject(Object.fromEntries(Object.keys(shape).flatMap((f) => (fields.includes(f) ? [[f, shape[f]]] : [])))) : null,
    );
  }
  return fieldChecks.get(key)!;
}
const fieldChecks = new Map<string, z.ZodType | null>();

/**
 * A record read again after some of its fields changed (`changed`, from the doc's event): the
 * record read before with those fields read and checked (fieldsCheck), rather than all 60-odd of
 * a step — a paste of 500 figures read 500 whole steps again. The same answer as readElement,
 * which it falls back to for anything else: a new kind, a field gone or nested, a bad value (for
 * the whole record's words).
 */
export function rereadElement(id: string, ymap: Y.Map<unknown>, before: BoardElement, changed: ReadonlySet<string>): ReturnType<typeof readElement> {
  const check = changed.has('kind') || changed.has('id') ? null : fieldsCheck(before.kind, [...changed]);
  if (!check) return readElement(id, ymap);
  const fields: Record<string, unknown> = {};
  for (const k of changed) {
    const v = ymap.get(k);
    if (v === undefined || v instanceof Y.AbstractType) return readElement(id, ymap);
    fields[k] = v;
  }
  const r = check.safeParse(fields);
  return r.success ? { ok: true, value: { ...before, ...(r.data as object) } as BoardElement } : readElement(id, ymap);
}

/** Write a whole new record (call inside a transaction): its kind and the fields not at their default. */
export function insertElement(doc: Y.Doc, record: BoardElement): void {
  const ymap = new Y.Map<unknown>();
  const defaults = defaultsOf(record.kind);
  for (const [k, v] of Object.entries(record)) if (k !== 'id' && !isDefault(defaults, k, v)) ymap.set(k, v);
  elementsMap(doc).set(record.id, ymap);
}

/** Write the fields of `next` that differ from `before` (inside a transaction); true if any did. */
export function writeChanged(ymap: Y.Map<unknown>, before: object, next: Record<string, unknown>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(next)) {
    if ((before as Record<string, unknown>)[k] !== v) {
      ymap.set(k, v);
      changed = true;
    }
  }
  return changed;
}

export function readMeta(doc: Y.Doc): BoardMeta | null {
  const r = boardMetaSchema.safeParse(metaMap(doc).toJSON());
  return r.success ? r.data : null;
}

/** Every valid record of the board, keyed by id; invalid ones are reported, not returned. */
export function readBoard(doc: Y.Doc): { elements: Map<string, BoardElement>; problems: string[] } {
  const elements = new Map<string, BoardElement>();
  const problems: string[] = [];
  elementsMap(doc).forEach((ymap, id) => {
    const r = readElement(id, ymap);
    if (r.ok) elements.set(id, r.value);
    else problems.push(r.error);
  });
  return { elements, problems };
}
