import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { exportBoard, exportFormats, type ExportedBoard, type ExportFormat } from '../../shared/exchange/exportBoard.js';
import type { Paper } from '../../shared/exchange/poster.js';
import { svgToPng } from '../host/export/raster.js';
import { costWorkbook } from '../host/export/costWorkbook.js';
import { exportScenario } from '../../shared/exchange/svg.js';
import { MAX_SESSION_FILE_BYTES } from '../../shared/exchange/sessionFile.js';
import { sessionFromText } from '../host/store/importSession.js';
import type { AsyncStore } from '../host/store/asyncStore.js';
import { idSchema } from '../../shared/model/ids.js';
import { migrateDoc } from '../../shared/model/migrations.js';
import { ValidationError } from '../../shared/model/validation.js';
import type { Store } from '../host/store/store.js';
import { CliError, unreadable, usage } from './errors.js';

function checkedId(sessionId: string): void {
  if (!idSchema.safeParse(sessionId).success) throw usage(`'${sessionId}' is not a session id`);
}

/** A session's board as the store has it, lifted to the current schema in memory (nothing is written). */
export function loadBoard(store: Store, sessionId: string): Y.Doc {
  checkedId(sessionId);
  if (!store.sessions.get(sessionId)) throw new CliError(`no session ${sessionId}`);
  const doc = new Y.Doc();
  store.updates.loadInto(sessionId, doc);
  migrateDoc(doc);
  return doc;
}

/** The same from either engine's store (--data or --postgres). */
export async function sessionBoard(store: AsyncStore, sessionId: string): Promise<Y.Doc> {
  checkedId(sessionId);
  if (!(await store.sessions.get(sessionId))) throw new CliError(`no session ${sessionId}`);
  const doc = new Y.Doc();
  const { updates } = await store.updates.load(sessionId);
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  migrateDoc(doc);
  return doc;
}

/** Write a new file; an existing file is only replaced with --force, and never half-written. */
function writeOut(file: string, content: string | Uint8Array, force: boolean): void {
  if (!force && fs.existsSync(file)) throw new CliError(`${file} exists; pass --force to replace it`);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export interface ExportOptions {
  force: boolean;
  bom: boolean;
  scale: number;
  background: 'kraft' | 'transparent';
  paper: Paper;
  /** the images draw this scenario (name or id) instead of the as-is */
  scenario?: string;
}

export async function exportBoardFile(store: AsyncStore, sessionId: string, format: string, out: string, options: ExportOptions): Promise<void> {
  const formats = [...exportFormats, 'xlsx'];
  if (!formats.includes(format)) throw usage(`--format must be one of ${formats.join(', ')}; got '${format}'`);
  if (options.scenario !== undefined && !['svg', 'png', 'pdf'].includes(format)) throw usage(`--scenario is for svg, png and pdf (the ${format} export holds every scenario already)`);
  const doc = await sessionBoard(store, sessionId);
  try {
    exportScenario(doc, options.scenario);
  } catch (e) {
    throw usage(`--scenario: ${(e as Error).message}`);
  }
  // The cost workbook is written by the host's own code (exceljs, Node), as the host's route sends it.
  if (format === 'xlsx') return writeOut(out, await costWorkbook(doc), options.force);
  const title = String(doc.getMap('meta').get('title') ?? 'Brownpaper board');
  let file: ExportedBoard;
  try {
    file = await exportBoard(doc, { ...options, format: format as ExportFormat, title }, svgToPng);
  } catch (e) {
    throw new CliError(`${format}: ${(e as Error).message}`);
  }
  writeOut(out, file.bytes, options.force);
}

/** Import a session file as a new session; nothing is written unless the whole file is valid. */
export async function importBoard(store: AsyncStore, file: string) {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    throw unreadable(file, e);
  }
  if (size > MAX_SESSION_FILE_BYTES) throw new CliError(`${path.basename(file)}: larger than ${MAX_SESSION_FILE_BYTES / 2 ** 20} MiB`);
  let parsed;
  try {
    parsed = sessionFromText(fs.readFileSync(file, 'utf8'), path.basename(file));
  } catch (e) {
    if (e instanceof ValidationError) throw new CliError(`import ${e.message}`);
    throw e;
  }
  return store.sessions.createFromUpdate(parsed.input, parsed.update);
}
