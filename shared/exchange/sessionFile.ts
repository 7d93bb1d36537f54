import * as Y from 'yjs';
import { z } from 'zod';
import { boardDefaults, boardMetaSchema, elementSchema, insertElement, isCanvasElement, isCard, kinds, metaMap, readBoard, readMeta, SCHEMA_VERSION, type BoardElement } from '../model/board.js';
import { isElementKind } from '../model/kinds.js';
import { migrateRecord } from '../model/kind.js';
import { docMigrations, migrateDoc, recordVersionAt } from '../model/migrations.js';
import { importOrigin } from '../model/origins.js';
import { insertScenario, readScenarios, scenarioSchema, unpriced } from '../model/scenario.js';
import { ValidationError, formatIssues } from '../model/validation.js';
import { readRounds, voteRoundSchema, writeRound } from '../model/vote.js';

/**
 * The session file (JSON): the whole board — elements, lanes, stages, connectors, costs,
 * scenarios, dot-voting results, settings — versioned, with a published JSON Schema (docs/session.schema.json).
 *
 * Regenerated on every export: `exportedAt`. On import the session gets a new id and the
 * store's own timestamps; element and scenario ids are kept, so export → import → export gives
 * the same bytes apart from `exportedAt`.
 */
const SESSION_FILE_FORMAT = 'brownpaper-session';
const SESSION_FILE_VERSION = 4;
/** Versions this app reads: 1 had no votes; before 4, scenarios had no price. */
const READABLE_VERSIONS = [1, 2, 3, 4];
/** Refuse files past this size before parsing them. */
export const MAX_SESSION_FILE_BYTES = 64 * 1024 * 1024;
const MAX_ELEMENTS = 100_000;

const sessionFileSchema = z.strictObject({
  format: z.literal(SESSION_FILE_FORMAT),
  version: z.literal(SESSION_FILE_VERSION),
  exportedAt: z.string().datetime(),
  /** the document's schema version the records are in */
  schemaVersion: z.number().int().min(1).max(SCHEMA_VERSION),
  board: boardMetaSchema.omit({ schemaVersion: true }),
  elements: z.array(elementSchema).max(MAX_ELEMENTS),
  scenarios: z.array(scenarioSchema).max(1000),
  /** dot-voting rounds with their counts (who voted for what is never in the file) */
  votes: z.array(voteRoundSchema).max(1000),
});
export type SessionFile = z.infer<typeof sessionFileSchema>;

const kindRank: Record<string, number> = { lane: 0, stage: 1, line: 2, frame: 3, step: 4, note: 5, text: 6, connector: 7 };

/** The file for a board (deterministic: elements by kind then id, keys in schema order). */
export function exportSession(doc: Y.Doc, exportedAt = new Date()): SessionFile {
  const meta = readMeta(doc);
  if (!meta) throw new Error('the board has no valid meta');
  const { schemaVersion, ...board } = meta;
  const elements = [...readBoard(doc).elements.values()].sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const file = {
    format: SESSION_FILE_FORMAT,
    version: SESSION_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    schemaVersion,
    board,
    elements,
    scenarios: readScenarios(doc),
    votes: readRounds(doc),
  } as const;
  // Re-parse: the output is exactly what an import accepts, keys in schema order.
  return sessionFileSchema.parse(file);
}

export function sessionFileText(file: SessionFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/** Ids referenced by other records must exist in the file. Returns the first problem with its JSON path. */
function checkReferences(file: SessionFile): string | null {
  const byId = new Map<string, BoardElement>();
  for (const [i, e] of file.elements.entries()) {
    if (byId.has(e.id)) return `elements[${i}].id: duplicate id ${e.id}`;
    byId.set(e.id, e);
  }
  const is = (id: string | null, kind: string) => id === null || byId.get(id)?.kind === kind;
  for (const [i, e] of file.elements.entries()) {
    if (isCard(e) && !is(e.laneId, 'lane')) return `elements[${i}].laneId: no lane ${e.laneId}`;
    if (isCard(e) && !is(e.stageId, 'stage')) return `elements[${i}].stageId: no stage ${e.stageId}`;
    if (e.kind === 'line' && !is(e.afterLaneId, 'lane')) return `elements[${i}].afterLaneId: no lane ${e.afterLaneId}`;
    if (e.kind === 'connector') {
      for (const end of ['fromId', 'toId'] as const) {
        const other = byId.get(e[end]);
        if (!other || !isCanvasElement(other)) return `elements[${i}].${end}: no card ${e[end]}`;
      }
    }
  }
  const scenarioIds = new Set<string>();
  for (const [i, s] of file.scenarios.entries()) {
    if (scenarioIds.has(s.id)) return `scenarios[${i}].id: duplicate id ${s.id}`;
    scenarioIds.add(s.id);
    for (const stepId of Object.keys(s.overrides)) if (byId.get(stepId)?.kind !== 'step') return `scenarios[${i}].overrides.${stepId}: no step ${stepId}`;
  }
  for (const [i, e] of file.elements.entries()) if (e.kind === 'step' && e.scenarioId !== null && !scenarioIds.has(e.scenarioId)) return `elements[${i}].scenarioId: no scenario ${e.scenarioId}`;
  // Rounds may name cards deleted since the vote (their tally is history), so only ids are checked.
  const roundIds = new Set<string>();
  for (const [i, r] of file.votes.entries()) {
    if (roundIds.has(r.id)) return `votes[${i}].id: duplicate id ${r.id}`;
    roundIds.add(r.id);
  }
  return null;
}

/**
 * A file written at an older board schemaVersion: lift each record (and the board settings)
 * to the current version before validating, so old files still import. Untrusted input: it
 * only copies own enumerable fields into fresh objects, and leaves validation to the schema.
 */
function liftToCurrent(file: Record<string, unknown>): Record<string, unknown> {
  // Version 1 had no votes; version 2's steps had no times (their records are lifted below, by schemaVersion).
  const head: Record<string, unknown> = { ...file, version: SESSION_FILE_VERSION, ...(file.version === 1 ? { votes: [] } : {}) };
  const from = head.schemaVersion;
  const known = docMigrations.some((m) => m.version === from);
  if (typeof from !== 'number' || from === SCHEMA_VERSION || !known || !Array.isArray(head.elements)) return head;
  const elements = head.elements.map((e: unknown) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return e;
    const kind = (e as { kind?: unknown }).kind;
    if (!isElementKind(kind)) return e;
    return migrateRecord(kinds[kind], { ...(e as Record<string, unknown>) }, recordVersionAt(kind, from));
  });
  const board = typeof head.board === 'object' && head.board !== null ? { ...boardDefaults, ...(head.board as object) } : head.board;
  // Before version 4 a scenario had no price: it reads as not priced.
  const scenarios = Array.isArray(head.scenarios)
    ? head.scenarios.map((s: unknown) => (typeof s === 'object' && s !== null && !Array.isArray(s) && !('price' in s) ? { ...(s as object), price: unpriced } : s))
    : head.scenarios;
  return { ...head, schemaVersion: SCHEMA_VERSION, board, elements, scenarios };
}

/**
 * Read a session file from text: size, JSON, schema and references are checked before
 * anything is built; the first problem is thrown as a ValidationError naming where (JSON path).
 */
export function parseSessionFile(text: string, name = 'file'): SessionFile {
  if (text.length > MAX_SESSION_FILE_BYTES) throw new ValidationError(`${name}: larger than ${MAX_SESSION_FILE_BYTES / 2 ** 20} MiB`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`${name}: not JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError(`${name}: expected a JSON object`);
  const head = raw as Record<string, unknown>;
  if (head.format !== SESSION_FILE_FORMAT) throw new ValidationError(`${name}.format: expected "${SESSION_FILE_FORMAT}", got ${JSON.stringify(head.format)?.slice(0, 60)}`);
  if (!READABLE_VERSIONS.includes(head.version as number))
    throw new ValidationError(`${name}.version: this app reads versions ${READABLE_VERSIONS[0]} to ${READABLE_VERSIONS.at(-1)}, got ${JSON.stringify(head.version)?.slice(0, 20)}`);
  const r = sessionFileSchema.safeParse(liftToCurrent(head));
  if (!r.success) throw new ValidationError(formatIssues(name, r.error));
  const problem = checkReferences(r.data);
  if (problem) throw new ValidationError(`${name}.${problem}`);
  return r.data;
}

/** Build a new board doc from a checked file (records lifted to the current schema on the way). */
export function buildDocFromFile(file: SessionFile): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', file.schemaVersion);
    for (const [k, v] of Object.entries(file.board)) meta.set(k, v);
    for (const e of file.elements) insertElement(doc, e);
    for (const s of file.scenarios) insertScenario(doc, s.name, s.order, s.overrides, s.id, s.price);
    // An open round's ballots stay secret on the host that ran it: here it arrives closed.
    for (const r of file.votes) writeRound(doc, r.status === 'open' ? { ...r, status: 'closed' } : r);
  }, importOrigin);
  migrateDoc(doc);
  return doc;
}

/** The JSON Schema (draft 2020-12) of the session file, published as docs/session.schema.json. */
export function sessionFileJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://brownpaper.invalid/session.schema.json',
    title: 'Brownpaper session file',
    description:
      'A whole Brownpaper session: board settings, every element (lanes, stages, lines, frames, steps with costs, notes, text, connectors) the to-be scenarios and the dot-voting rounds with their counts. exportedAt is regenerated on each export.',
    ...(z.toJSONSchema(sessionFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
  };
}
