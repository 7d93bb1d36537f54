import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, fieldOf, insertElement, isCard, readBoard } from '../model/board.js';
import { shortText } from '../model/fields.js';
import { intersects, type Box } from '../model/geometry.js';
import { absoluteBox, type Band } from '../model/grid.js';
import { idSchema } from '../model/ids.js';
import { newLane } from '../model/lane.js';
import { keyAfter } from '../model/order.js';
import { evidenceField, highField, lowField, rangedFields, sourceField } from '../model/range.js';
import { insertScenario, overrideFields, overrideSchema, readScenarios, scenarioPriceSchema, scenariosMap } from '../model/scenario.js';
import { newStage } from '../model/stage.js';
import { newStep, stepFlags, stepSchema } from '../model/step.js';
import { ValidationError, formatIssues } from '../model/validation.js';
import { topOrder } from './addCard.js';
import { boardGrid } from './boardGrid.js';
import { rangeIssue } from './costs.js';
import { MAX_IMPORT_ROWS } from '../ledger/importTable.js';
import { defineOperation } from './types.js';
import { newElement, scenariosTouch, unlockedTouches } from './touches.js';
import { cellEdits, cellTouchIds, checkCells } from './cellWrites.js';

// A step list from a spreadsheet, made in one go: the lanes and stages it names (by name, the
// board's own reused), and each step in its lane × stage cell in row order. Planned in
// shared/ledger/importPlan.ts; checked again here in full, so nothing is half made.

/** What an imported step may carry: its words, class, flags and every figure with range and evidence. */
const importedKeys = [
  'title',
  'owner',
  'valueClass',
  ...stepFlags,
  'firstTimeRight',
  'costMode',
  'waitUnit',
  'processUnit',
  ...rangedFields.flatMap((f) => [f, lowField(f), highField(f), evidenceField(f), sourceField(f)]),
] as const;
const importedStepFields = stepSchema
  .pick(Object.fromEntries(importedKeys.map((k) => [k, true])) as { [K in (typeof importedKeys)[number]]: true })
  .partial()
  .strict();
type ImportedStep = z.infer<typeof importedStepFields>;

const overrideValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);

const importedRow = z.strictObject({
  /** the row in the file, for messages */
  row: z.number().int().min(1),
  /** the lane and stage by name; '' for none */
  lane: shortText,
  stage: shortText,
  /** or by id, which wins over the name: a paste that grows the ledger puts its new steps in its last row's lane and stage, whatever they are called */
  laneId: idSchema.nullable().optional(),
  stageId: idSchema.nullable().optional(),
  fields: z.record(z.string(), z.unknown()),
  overrides: z
    .array(z.strictObject({ scenarioId: idSchema, values: z.partialRecord(z.enum(overrideFields), overrideValue) }))
    .max(50)
    .optional(),
});
export type ImportedRow = z.input<typeof importedRow>;
/** A step list's rows, as importSteps and a paste that grows the ledger (editCells' newRows) take them. */
export const importedRows = z.array(importedRow).min(1).max(MAX_IMPORT_ROWS);

/** The scenarios a step list names that the board lacks (importScenarios.ts), made with its steps: ids made by the caller, which the rows' overrides name. */
const newScenarios = z
  .array(z.strictObject({ id: idSchema, name: shortText.min(1), price: scenarioPriceSchema.partial().strict() }))
  .max(50)
  .optional();

/** A new scenario whose id or name the board has already (any case): "scenario “Lean” is on this board already". */
function newScenarioProblem(doc: Y.Doc, scenarios: readonly { id: string; name: string }[]): string | null {
  const names = new Set(readScenarios(doc).map((s) => s.name.trim().toLowerCase()));
  for (const s of scenarios) {
    if (scenariosMap(doc).has(s.id) || names.has(s.name.trim().toLowerCase())) return `scenario “${s.name}” is on this board already`;
    names.add(s.name.trim().toLowerCase());
  }
  return null;
}

/** Cards in a cell: this far from its edges and from each other. */
const PAD = 20;

/** A problem with one row: "row 7: Volume: …". */
export function importedRowProblem(r: ImportedRow, scenarioIds: ReadonlySet<string>): string | null {
  const where = `row ${r.row}`;
  const fields = importedStepFields.safeParse(r.fields);
  if (!fields.success) return formatIssues(where, fields.error, 1);
  const f = fields.data as Record<string, unknown>;
  const issue = rangeIssue(f, (k) => f[k] ?? null, where);
  if (issue) return issue;
  for (const o of r.overrides ?? []) {
    if (!scenarioIds.has(o.scenarioId)) return `${where}: no scenario ${o.scenarioId} on this board`;
    const given = Object.fromEntries(Object.entries(o.values).filter(([, v]) => v !== null));
    const check = overrideSchema.safeParse(given);
    if (!check.success) return formatIssues(where, check.error, 1);
    const read = (k: string) => (k in given ? given[k] : f[k]) ?? null;
    const oi = rangeIssue(given, read, where);
    if (oi) return oi;
  }
  return null;
}

/** A lane or stage named by id that the board does not have as one: "row 3: no lane … on this board". */
export function bandIdProblem(doc: Y.Doc, r: ImportedRow): string | null {
  const kindOf = (id: string) => elementsMap(doc).get(id)?.get('kind');
  if (r.laneId && kindOf(r.laneId) !== 'lane') return `row ${r.row}: no lane ${r.laneId} on this board`;
  if (r.stageId && kindOf(r.stageId) !== 'stage') return `row ${r.row}: no stage ${r.stageId} on this board`;
  return null;
}

/** The board's band of that name, any case; undefined when there is none. */
const byName = (bands: readonly Band[], name: string) => bands.find((b) => b.name.trim().toLowerCase() === name.trim().toLowerCase());

/** The lanes and stages the rows name that the board does not have yet, in the order rows name them. */
function bandsToCreate(doc: Y.Doc, rows: readonly { lane: string; stage: string }[]): { lanes: string[]; stages: string[] } {
  const grid = boardGrid(doc);
  const missing = (bands: Band[], names: string[]) => {
    const out: string[] = [];
    for (const n of names) if (n.trim() && !byName(bands, n) && !out.some((o) => o.toLowerCase() === n.trim().toLowerCase())) out.push(n.trim());
    return out;
  };
  return {
    lanes: missing(
      grid.lanes,
      rows.map((r) => r.lane),
    ),
    stages: missing(
      grid.stages,
      rows.map((r) => r.stage),
    ),
  };
}

/**
 * Import a step list: every row checked first (fields by the step's schema, each figure as a
 * range, scenario overrides by theirs) and refused whole with the first problem, naming its row;
 * then, in one transaction, the missing lanes and stages after the board's own, and the steps
 * in their cells in row order (and the scenarios the list names that the board lacks, which its
 * rows' overrides may name), each cell filled left to right and down past the cards already
 * in it (its lane grows to hold them). Returns the new ids.
 */
export const importSteps = defineOperation({
  name: 'importSteps',
  label: 'import',
  args: z
    .strictObject({
      rows: z.array(importedRow).max(MAX_IMPORT_ROWS),
      scenarios: newScenarios,
      /** the file's figures for steps the board has already (the same lane, stage and title): ledger cells' edits, checked and written as editCells writes them */
      updates: cellEdits.optional(),
    })
    .refine((a) => a.rows.length > 0 || (a.updates?.length ?? 0) > 0, 'no step to import and none to update'),
  touches(doc: Y.Doc, { rows, scenarios = [], updates = [] }) {
    const updating = [...unlockedTouches(doc, cellTouchIds(updates)), ...(updates.some((c) => c.edit.op === 'setOverride') ? scenariosTouch : [])];
    if (!rows.length) return updating;
    const { lanes, stages } = bandsToCreate(doc, rows);
    const grid = boardGrid(doc);
    // Existing lanes the cards land in may grow to hold them.
    const lanesUsed = rows.map((r) => r.laneId ?? byName(grid.lanes, r.lane)?.id).filter((id): id is string => !!id);
    return [
      newElement('step'),
      ...(lanes.length ? [newElement('lane')] : []),
      ...(stages.length ? [newElement('stage')] : []),
      ...unlockedTouches(doc, lanesUsed),
      ...(scenarios.length || rows.some((r) => r.overrides?.length) ? scenariosTouch : []),
      ...updating,
    ];
  },
  run(doc: Y.Doc, { rows, scenarios: toMake = [], updates: given = [] }, ctx): { steps: string[]; lanes: string[]; stages: string[]; scenarios: string[]; updated: number } {
    const scenarioProblem = newScenarioProblem(doc, toMake);
    if (scenarioProblem) throw new ValidationError(scenarioProblem);
    // A locked step keeps all its figures, its scenarios' too (the ledger's own cells leave only its
    // card's fields alone): an import never half-updates it, even from a plan made before it was locked.
    const updates = given.filter((c) => elementsMap(doc).get(cellStepId(c.edit))?.get('locked') !== true);
    // The steps the board has already, their figures from the file: checked with the ledger's rules before anything is written.
    const updating = checkCells(doc, updates, ctx.records);
    const updated = new Set(updates.map((c) => cellStepId(c.edit))).size;
    const scenarioIds = new Set<string>(toMake.map((s) => s.id));
    scenariosMap(doc).forEach((_, id) => scenarioIds.add(id));
    for (const r of rows) {
      const problem = importedRowProblem(r, scenarioIds) ?? bandIdProblem(doc, r);
      if (problem) throw new ValidationError(problem);
    }
    const { lanes: laneNames, stages: stageNames } = bandsToCreate(doc, rows);
    const before = boardGrid(doc);
    const newLanes = laneNames.map((name) => newLane({ name, order: '' }));
    chainOrders(doc, before.lanes, newLanes);
    const newStages = stageNames.map((name) => newStage({ name, order: '' }));
    chainOrders(doc, before.stages, newStages);
    const proto = newStep({ x: 0, y: 0, order: '', title: '' });
    // The grid after the new bands, with their sizes as made: lanes and stages by name.
    const lanes: Band[] = [...before.lanes];
    for (const l of newLanes) lanes.push({ id: l.id, name: l.name, start: end(lanes), size: l.size });
    const stages: Band[] = [...before.stages];
    for (const s of newStages) stages.push({ id: s.id, name: s.name, start: end(stages), size: s.size });
    const { elements } = readBoard(doc);
    // Cards move with their lane when a lane grows, so a new card only has to miss the cards of its
    // own lane (and any lying loose on the paper): the ones in the lanes below are never in its way.
    const cards = [...elements.values()].filter(isCard);
    const occupied: { box: Box; laneId: string | null; stageId: string | null }[] = cards.map((e) => ({
      box: absoluteBox(e, before),
      laneId: 'laneId' in e ? e.laneId : null,
      stageId: 'stageId' in e ? e.stageId : null,
    }));
    // A row without a lane (or stage) goes to the first one when the board has any, else off the grid.
    const laneOf = (name: string, id?: string | null) => (id !== undefined ? (lanes.find((l) => l.id === id) ?? null) : name.trim() ? byName(lanes, name)! : (lanes[0] ?? null));
    const stageOf = (name: string, id?: string | null) => (id !== undefined ? (stages.find((l) => l.id === id) ?? null) : name.trim() ? byName(stages, name)! : (stages[0] ?? null));
    const columnsIn = (stage: Band | null) => Math.max(1, Math.floor(((stage?.size ?? 5 * (proto.w + PAD)) - PAD) / (proto.w + PAD)));
    const filled = new Map<string, number>();
    const laneHeight = new Map<string, number>();
    let order = topOrder(doc);
    const made: { id: string; record: ReturnType<typeof newStep> }[] = [];
    for (const r of rows) {
      const lane = laneOf(r.lane, r.laneId);
      const stage = stageOf(r.stage, r.stageId);
      const cell = `${lane?.id ?? ''}|${stage?.id ?? ''}`;
      const columns = columnsIn(stage);
      // In a cell that holds cards already, the new ones line up with them, in the first free spot
      // beside or under them, as a person would put a sticky; in an empty cell, from its corner.
      const inCell = occupied.filter((o) => lane && stage && o.laneId === lane.id && o.stageId === stage.id).map((o) => o.box);
      const x0 = inCell.length ? Math.min(...inCell.map((b) => b.x)) - PAD : (stage?.start ?? 0);
      const y0 = inCell.length ? Math.min(...inCell.map((b) => b.y)) - PAD : (lane?.start ?? (before.lanes.length ? end(lanes) + PAD : 0));
      const inTheWay = occupied.filter((o) => o.laneId === null || o.laneId === (lane?.id ?? null)).map((o) => o.box);
      let i = filled.get(cell) ?? 0;
      let spot: Box;
      for (;;) {
        spot = { x: x0 + PAD + (i % columns) * (proto.w + PAD), y: y0 + PAD + Math.floor(i / columns) * (proto.h + PAD), w: proto.w, h: proto.h };
        i++;
        if (!inTheWay.some((b) => intersects(b, spot))) break;
      }
      filled.set(cell, i);
      occupied.push({ box: spot, laneId: lane?.id ?? null, stageId: stage?.id ?? null });
      if (lane) laneHeight.set(lane.id, Math.max(laneHeight.get(lane.id) ?? 0, spot.y + spot.h + PAD - lane.start));
      const step = newStep({
        ...(r.fields as ImportedStep),
        title: String(r.fields.title ?? '').trim(),
        order,
        x: spot.x - (stage?.start ?? 0),
        y: spot.y - (lane?.start ?? 0),
        laneId: lane?.id ?? null,
        stageId: stage?.id ?? null,
      });
      order = keyAfter([order]);
      made.push({ id: step.id, record: step });
    }
    for (const l of newLanes) l.size = Math.max(l.size, laneHeight.get(l.id) ?? 0);
    doc.transact(() => {
      let scenarioOrder = readScenarios(doc).map((s) => s.order);
      for (const s of toMake) {
        const order = keyAfter(scenarioOrder);
        insertScenario(doc, s.name.trim(), order, {}, s.id, s.price);
        scenarioOrder = [...scenarioOrder, order];
      }
      for (const b of [...newLanes, ...newStages]) insertElement(doc, b);
      const elementsY = elementsMap(doc);
      for (const l of before.lanes) {
        const need = laneHeight.get(l.id);
        const m = elementsY.get(l.id);
        if (need && m && fieldOf(m, 'locked') !== true && need > l.size) m.set('size', need);
      }
      for (const { record } of made) insertElement(doc, record);
      updating.write();
      const scenarios = scenariosMap(doc);
      rows.forEach((r, at) => {
        for (const o of r.overrides ?? []) for (const [f, v] of Object.entries(o.values)) if (v !== null) scenarios.get(o.scenarioId)!.set(`${made[at].id}/${f}`, v);
      });
    }, ctx.origin);
    return { steps: made.map((m) => m.id), lanes: newLanes.map((l) => l.id), stages: newStages.map((s) => s.id), scenarios: toMake.map((s) => s.id), updated: updating.count ? updated : 0 };
  },
});

/** The step a ledger cell's edit changes. */
const cellStepId = (edit: z.infer<typeof cellEdits>[number]['edit']) => (edit.op === 'updateElements' ? edit.args.ids[0] : edit.op === 'setOverride' ? edit.args.stepId : edit.args.id);

const end = (bands: readonly Band[]) => (bands.length ? bands[bands.length - 1].start + bands[bands.length - 1].size : 0);

function orderOf(doc: Y.Doc, id: string): string {
  return elementsMap(doc).get(id)!.get('order') as string;
}

/** Give new bands order keys one after another, after the board's own bands of that kind. */
function chainOrders(doc: Y.Doc, existing: readonly Band[], added: { order: string }[]): void {
  let last = existing.length ? orderOf(doc, existing[existing.length - 1].id) : null;
  for (const b of added) {
    b.order = last === null ? keyAfter([]) : keyAfter([last]);
    last = b.order;
  }
}
