import * as Y from 'yjs';
import type { z } from 'zod';
import { boardMetaSchema, defaultsOf, fieldOf, kinds, type ElementKind } from '../../../shared/model/board.js';
import { facilitationFieldSchemas } from '../../../shared/model/facilitation.js';
import { idSchema } from '../../../shared/model/ids.js';
import { overrideFields, overrideSchema, scenarioPriceFields, scenarioPriceSchema, scenarioSchema, type ScenarioPriceField } from '../../../shared/model/scenario.js';
import { highField, lowField, rangedFields, type RangedField } from '../../../shared/model/range.js';
import { deletedItems } from './deletedItems.js';

// Record validity, enforced on the host for every incoming update before it is stored or
// relayed: a modified client cannot store a negative volume, a 10 MB title or an unknown kind
// for everyone else to trip over. The document is maps of plain fields (board.ts), so each value
// an update writes can be checked against its field's schema on its own, without applying the
// update anywhere first:
// - top level: only the maps the board has (meta, elements, scenarios, votes, facilitation);
// - `elements` / `scenarios` entries are records (a Y.Map) under a valid id; a record the update
//   creates is checked whole by its kind's strict schema, a field it leaves out read as its
//   kind's default (records are sparse: board.ts);
// - a field written into an existing record must be a field of its kind, with a valid value,
//   and `kind` never changes; a field without a default is never deleted on its own (one with
//   a default may be: it then reads as the default);
// - meta and facilitation fields by their schemas; nothing nests deeper than a record;
// - a to-be step's scenarioId names a scenario the board has (or this update creates).
// `votes` is the host's (policy.ts refuses any write to it).

type Where =
  { in: 'top'; name: string; key: string | null } | { in: 'record'; map: 'elements' | 'scenarios'; id: string; created: boolean; key: string | null } | { in: 'gone' } | { in: 'unknown'; why: string };

const topLevel = new Set(['meta', 'elements', 'scenarios', 'votes', 'privateRounds', 'facilitation']);
const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/** The one value a map entry holds, if it is a plain value. */
function plainValue(s: Y.Item): { ok: true; value: unknown } | { ok: false } {
  return s.content instanceof Y.ContentAny && s.content.arr.length === 1 ? { ok: true, value: s.content.arr[0] } : { ok: false };
}
const isMapContent = (s: Y.Item) => s.content instanceof Y.ContentType && s.content.type instanceof Y.Map;

/**
 * What a time field takes, in the workshop's words, in place of the schema's own message: the
 * reason reaches the host's log and the refused client's close frame (123 bytes), so it is short.
 * Keyed by field name; a scenario's override of the field reads the same.
 */
const timeFieldRule: Record<string, string> = {
  waitMinutes: 'a wait is minutes from 0 up to 10 years, at most 2 decimals',
  processMinutes: 'a process time is minutes from 0 up to 10 years, at most 2 decimals',
  waitUnit: 'the unit is minutes, hours, days or weeks',
  processUnit: 'the unit is minutes, hours, days or weeks',
  firstTimeRight: 'first time right is a share above 0 and at most 1 (80 % = 0.8)',
};

const ruleFor = (field: string | undefined) => (field !== undefined && Object.hasOwn(timeFieldRule, field) ? timeFieldRule[field] : null);

function fieldIssue(schema: z.ZodType, value: unknown, where: string, field?: string): string | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0];
  // Short strings are shown as sent (an unknown unit), long ones by their length only.
  const shown = typeof value === 'string' && value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value)?.slice(0, 40);
  return `${where}: ${ruleFor(field) ?? issue.message} (got ${shown})`;
}

function kindShape(kind: unknown): Record<string, z.ZodType> | null {
  if (typeof kind !== 'string' || !(kind in kinds)) return null;
  return (kinds[kind as ElementKind].schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
}

/**
 * The shared sync benchmark (../shared/bench/sync) writes numbers into a top-level map of its own,
 * `bench-<time>-<round>`; a host started for it (`brownpaper host --bench`) accepts those maps.
 */
const benchMapName = /^bench-\d+-\d+$/;

/** Returns null when every value the update writes is valid where it lands, else the first problem. */
export function invalidUpdate(doc: Y.Doc, update: Uint8Array, { benchMaps = false } = {}): string | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const local = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) local.set(idKey(s.id), s);
  const elements = doc.getMap('elements');
  const scenarios = doc.getMap('scenarios');

  /** Which record (or top-level map) the type held by this item is. */
  const holderOf = (item: Y.Item, created: boolean): Where => {
    if (!isMapContent(item) && !(item.content instanceof Y.ContentDeleted)) return { in: 'unknown', why: 'a value that is not a map holds content' };
    const parent = item.parent;
    const parentName = typeof parent === 'string' ? parent : parent === (elements as unknown) ? 'elements' : parent === (scenarios as unknown) ? 'scenarios' : null;
    if ((parentName === 'elements' || parentName === 'scenarios') && item.parentSub) return { in: 'record', map: parentName, id: item.parentSub, created, key: null };
    // A record written over an old one at its id (redo of a duplicate or an added card) is encoded
    // next to that old record, with no parent: its place is its neighbour's.
    if (parent === null && created) {
      const w = where(item);
      if (w.in === 'top' && (w.name === 'elements' || w.name === 'scenarios') && w.key) return { in: 'record', map: w.name, id: w.key, created, key: null };
    }
    if (item.deleted && !created) return { in: 'gone' };
    return { in: 'unknown', why: 'content nested deeper than a record' };
  };
  const itemInDoc = (id: Y.ID): Y.Item | Y.GC | null => {
    try {
      const s = Y.getItem(doc.store, id) as unknown;
      return s instanceof Y.Item || s instanceof Y.GC ? s : null;
    } catch {
      return null;
    }
  };
  const where = (s: Y.Item, depth = 0): Where => {
    if (depth > 64) return { in: 'unknown', why: 'a chain of neighbours too long to follow' };
    if (typeof s.parent === 'string') return { in: 'top', name: s.parent, key: s.parentSub };
    if (s.parent instanceof Y.ID) {
      const mine = local.get(idKey(s.parent));
      if (mine) {
        const h = holderOf(mine, true);
        return h.in === 'record' ? { ...h, key: s.parentSub } : h;
      }
      const held = itemInDoc(s.parent);
      if (held instanceof Y.GC) return { in: 'gone' };
      if (!held) return { in: 'unknown', why: 'it refers to parts of the board the host does not have' };
      const h = holderOf(held, false);
      return h.in === 'record' ? { ...h, key: s.parentSub } : h;
    }
    // No parent in the encoding: the item was written next to a neighbour and shares its place
    // (every overwrite of a map field is written that way).
    const near = (s.origin && (local.get(idKey(s.origin)) ?? itemInDoc(s.origin))) || (s.rightOrigin && (local.get(idKey(s.rightOrigin)) ?? itemInDoc(s.rightOrigin)));
    if (!near) return { in: 'unknown', why: 'it refers to parts of the board the host does not have' };
    if (near instanceof Y.GC) return { in: 'gone' };
    if (local.get(idKey(near.id)) === near) return where(near, depth + 1);
    const parent = near.parent as Y.AbstractType<unknown> | null;
    if (!parent) return { in: 'gone' };
    if (!parent._item) {
      // a top-level type: find its name
      for (const [name, type] of doc.share) if (type === parent) return { in: 'top', name, key: near.parentSub };
      return { in: 'unknown', why: 'a top-level part the board does not have' };
    }
    const h = holderOf(parent._item, false);
    return h.in === 'record' ? { ...h, key: near.parentSub } : h;
  };

  /** Fields each created record gets in this update. */
  const createdFields = new Map<string, Record<string, unknown>>();
  const written = new Set<string>();
  /** The values this update writes into each record, to check its ranges whole (rangeIssue). */
  const writtenValues = new Map<string, Record<string, unknown>>();
  /** The scenarios that steps written by this update say they exist only in (to-be steps). */
  const toBeOf: { step: string; scenario: string }[] = [];
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) continue;
    const w = where(s);
    if (w.in === 'gone') continue;
    if (w.in === 'unknown') return `refused: ${w.why}`;
    if (w.key === null) return 'refused: the board is maps of named fields; this writes a list';
    if (w.in === 'top') {
      if (benchMaps && benchMapName.test(w.name) && plainValue(s).ok) continue;
      if (!topLevel.has(w.name)) return `refused: the board has no part named "${w.name.slice(0, 40)}"`;
      if (w.name === 'elements' || w.name === 'scenarios') {
        if (!isMapContent(s)) return `${w.name} ${w.key.slice(0, 40)}: a record must be a map of fields`;
        if (!idSchema.safeParse(w.key).success) return `${w.name}: "${w.key.slice(0, 40)}" is not an id`;
        createdFields.set(`${w.name}/${w.key}`, {});
        continue;
      }
      if (w.name === 'votes' || w.name === 'privateRounds') continue; // policy.ts: nobody but the host writes these
      const v = plainValue(s);
      if (!v.ok) return `${w.name}.${w.key}: must be a plain value`;
      const schema = w.name === 'meta' ? (boardMetaSchema.shape as Record<string, z.ZodType>)[w.key] : facilitationFieldSchemas[w.key];
      if (!schema) return `${w.name}: no field "${w.key.slice(0, 40)}"`;
      const issue = fieldIssue(schema, v.value, `${w.name}.${w.key}`);
      if (issue) return issue;
      written.add(`${w.name}//${w.key}`);
      continue;
    }
    const v = plainValue(s);
    if (!v.ok) return `${w.map === 'elements' ? 'element' : 'scenario'} ${w.id}.${w.key}: fields hold plain values, not nested content`;
    written.add(`${w.map}/${w.id}/${w.key}`);
    const values = writtenValues.get(`${w.map}/${w.id}`) ?? {};
    writtenValues.set(`${w.map}/${w.id}`, Object.assign(values, { [w.key]: v.value }));
    if (w.created) {
      const fields = createdFields.get(`${w.map}/${w.id}`);
      if (fields) fields[w.key] = v.value;
      continue;
    }
    const record = (w.map === 'elements' ? elements : scenarios).get(w.id);
    if (!(record instanceof Y.Map)) continue; // a record deleted meanwhile: the write lands nowhere
    const issue = w.map === 'elements' ? elementFieldIssue(record, w.id, w.key, v.value) : scenarioFieldIssue(w.id, w.key, v.value);
    if (issue) return issue;
    if (w.map === 'elements' && w.key === 'scenarioId' && typeof v.value === 'string') toBeOf.push({ step: w.id, scenario: v.value });
  }
  for (const [path, fields] of createdFields) {
    const [map, id] = path.split('/');
    const issue = map === 'elements' ? newElementIssue(id, fields) : newScenarioIssue(id, fields);
    if (issue) return issue;
    if (map === 'elements' && typeof fields.scenarioId === 'string') toBeOf.push({ step: id, scenario: fields.scenarioId });
  }
  // A to-be step names a scenario on the board, or one this update brings (an undone deletion brings both back).
  for (const { step, scenario } of toBeOf) {
    if (!(scenarios.get(scenario) instanceof Y.Map) && !createdFields.has(`scenarios/${scenario}`)) return `step ${step}.scenarioId: no scenario ${scenario} on this board`;
  }
  for (const [path, values] of writtenValues) {
    const [map, id] = path.split('/');
    const record = (map === 'elements' ? elements : scenarios).get(id);
    const current = (key: string) => (record instanceof Y.Map ? (map === 'elements' ? fieldOf(record, key) : record.get(key)) : undefined);
    const issue = map === 'elements' ? stepRangeIssue(id, values, current) : overrideRangeIssues(id, values, current);
    if (issue) return issue;
  }
  // A field without a default deleted without a new value: the record would no longer be valid.
  // A record deleted whole by this update takes its fields with it: that is no field removed.
  const deleted = [...deletedItems(doc, ds)];
  const gone = new Set(deleted);
  for (const s of deleted) {
    if (s.deleted || !s.parentSub) continue;
    const parent = s.parent as Y.AbstractType<unknown>;
    const holder = parent._item;
    if (!holder) {
      if (parent === doc.share.get('meta') && !written.has(`meta//${s.parentSub}`)) return `meta.${s.parentSub}: cannot be removed`;
      continue;
    }
    if (holder.parent === (elements as unknown) && holder.parentSub && !holder.deleted && !gone.has(holder)) {
      const kind = (parent as Y.Map<unknown>).get('kind');
      const field = kindShape(kind)?.[s.parentSub];
      const readsAsDefault = Object.hasOwn(defaultsOf(kind), s.parentSub);
      if (field && !readsAsDefault && !field.safeParse(undefined).success && !written.has(`elements/${holder.parentSub}/${s.parentSub}`))
        return `element ${holder.parentSub}.${s.parentSub}: cannot be removed`;
    }
  }
  return null;
}

function elementFieldIssue(record: Y.Map<unknown>, id: string, key: string, value: unknown): string | null {
  const kind = record.get('kind');
  if (key === 'kind') return value === kind ? null : `element ${id}: its kind cannot change`;
  const shape = kindShape(kind);
  if (!shape) return null; // a record that was already invalid stays the migration's business
  if (key === 'id' || !shape[key]) return `${String(kind)} ${id}: no field "${key.slice(0, 40)}"`;
  return fieldIssue(shape[key], value, `${String(kind)} ${id}.${key}`, kind === 'step' ? key : undefined);
}

function newElementIssue(id: string, fields: Record<string, unknown>): string | null {
  const shape = kindShape(fields.kind);
  if (!shape) return `element ${id}: unknown kind ${JSON.stringify(fields.kind)?.slice(0, 40)}`;
  const r = kinds[fields.kind as ElementKind].schema.safeParse({ ...defaultsOf(fields.kind), ...fields, id });
  if (r.success) return null;
  const issue = r.error.issues[0];
  const field = issue.path.length ? String(issue.path[0]) : undefined;
  return `${String(fields.kind)} ${id}.${issue.path.join('.')}: ${(fields.kind === 'step' && ruleFor(field)) || issue.message}`;
}

function scenarioFieldIssue(id: string, key: string, value: unknown): string | null {
  if (key === 'name' || key === 'order') return fieldIssue(scenarioSchema.shape[key], value, `scenario ${id}.${key}`);
  if ((scenarioPriceFields as string[]).includes(key)) return fieldIssue(scenarioPriceSchema.shape[key as ScenarioPriceField], value, `scenario ${id}.${key}`);
  const slash = key.indexOf('/');
  const stepId = key.slice(0, slash);
  const field = key.slice(slash + 1) as (typeof overrideFields)[number];
  if (slash < 0 || !idSchema.safeParse(stepId).success || !overrideFields.includes(field)) return `scenario ${id}: no field "${key.slice(0, 40)}"`;
  return fieldIssue(overrideSchema.shape[field], value, `scenario ${id}.${key}`, field);
}

function newScenarioIssue(id: string, fields: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(fields)) {
    const issue = scenarioFieldIssue(id, key, value);
    if (issue) return issue;
  }
  if (!('name' in fields) || !('order' in fields)) return `scenario ${id}: needs a name and an order`;
  return null;
}

/**
 * A low above its high, as the record would hold it after the update: the update's written
 * fields merged with the record's current ones. Two people editing the low and the high of one
 * figure at once both keep their edits, unless together they would cross.
 */
function lowAboveHigh(values: Record<string, unknown>, current: (key: string) => unknown): RangedField | null {
  const after = (k: string) => (k in values ? values[k] : current(k));
  for (const f of rangedFields) {
    if (!(lowField(f) in values) && !(highField(f) in values)) continue;
    const [low, high] = [after(lowField(f)), after(highField(f))];
    if (typeof low === 'number' && typeof high === 'number' && low > high) return f;
  }
  return null;
}

function stepRangeIssue(id: string, values: Record<string, unknown>, current: (key: string) => unknown): string | null {
  const kind = 'kind' in values ? values.kind : current('kind');
  if (kind !== 'step') return null;
  const f = lowAboveHigh(values, current);
  return f && `step ${id}.${f}: its low is above its high`;
}

function overrideRangeIssues(id: string, values: Record<string, unknown>, current: (key: string) => unknown): string | null {
  const byStep = new Map<string, Record<string, unknown>>();
  for (const [key, v] of Object.entries(values)) {
    const slash = key.indexOf('/');
    if (slash < 0) continue;
    const fields = byStep.get(key.slice(0, slash)) ?? {};
    byStep.set(key.slice(0, slash), Object.assign(fields, { [key.slice(slash + 1)]: v }));
  }
  for (const [stepId, fields] of byStep) {
    const f = lowAboveHigh(fields, (k) => current(`${stepId}/${k}`));
    if (f) return `scenario ${id}.${stepId}/${f}: its low is above its high`;
  }
  return null;
}
