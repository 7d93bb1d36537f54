import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { importTableInto, readSummary, type MatchedRows } from '../../shared/ledger/importPlan.js';
import { templateIdSchema, templateIds, type TemplateId } from '../../shared/model/board.js';
import { commonLocales, isKnownLocale } from '../../shared/model/locales.js';
import { importOrigin, templateOrigin } from '../../shared/model/origins.js';
import { ValidationError } from '../../shared/model/validation.js';
import { initBoard } from '../../shared/operations/initBoard.js';
import { newSessionSchema, type Session } from '../../shared/session.js';
import { MAX_STEP_LIST_BYTES, StepListError, readStepTable } from '../host/import/readStepTable.js';
import type { StepTable } from '../../shared/ledger/importTable.js';
import type { Store } from '../host/store/store.js';
import { StoreError } from '../host/store/database.js';
import { openStore } from '../host/store/store.js';
import { currencyCode, parse, required } from './args.js';
import { CliError, storeError, unreadable, usage } from './errors.js';
import { loadBoard } from './exchangeCommands.js';

interface ImportStepsOptions {
  file: string;
  /** into this session… */
  sessionId?: string;
  /** …or into a new one */
  create?: { title: string; template: string };
  sheet?: string;
  skipBadRows: boolean;
  /** the rows whose step the session has already (same lane, stage and title): skipped, their figures updated from the file, or added again */
  matched: MatchedRows;
  /** the file's number format (--locale); without it, the one its figures read in */
  locale?: string;
  /** a new session's currency (--currency); without it, the one the locale's country counts in */
  currency?: string;
}

/**
 * What an import says besides the session: the format its numbers were read in, the steps made,
 * those skipped as already on the board, which rows were read and what was left ("read rows 2–9
 * (row 4 blank, skipped); rows 11–30 are more tables (…) and were not imported"), the bad rows
 * skipped (--skip-bad-rows), the scenarios the file named that were made, and a workbook's sheets not read.
 */
interface ImportedSteps {
  locale: string;
  currency: string;
  imported: number;
  skipped: number;
  /** steps the session had already whose figures the file changed (--matched update) */
  updated: number;
  /** the titles of the locked steps the file gives other figures, left whole (--matched update) */
  locked: string[];
  read: string;
  badRows: number[];
  scenariosCreated: string[];
  /** the file's headers no ledger column answers to: their cells were not read ("Notes", a misspelt "Volumen p.a.") */
  columnsNotRead: string[];
  /** a workbook's sheet read, and its others, not read */
  sheet?: string;
  sheetsNotRead?: string[];
}
type Imported = Session & ImportedSteps;

/**
 * `brownpaper import-steps`: a step list (CSV or XLSX) into a session, or into a new one from a
 * template. Read, planned and checked whole before anything is written: a bad row is one line
 * (with its row and column) and the store is left as it was, unless --skip-bad-rows. Steps the
 * session already has (same lane, stage and title: the same file imported twice) are skipped
 * and counted with --matched skip, updated from the file's figures with --matched update (the
 * default: the file is the newer word), or made again with --matched add (--add-again).
 */
async function importStepsFile(openStoreFor: (create: boolean) => Store, o: ImportStepsOptions): Promise<Imported> {
  let bytes: Uint8Array;
  try {
    if (fs.statSync(o.file).size > MAX_STEP_LIST_BYTES) throw new CliError(`${path.basename(o.file)}: larger than ${MAX_STEP_LIST_BYTES / 2 ** 20} MB`);
    bytes = fs.readFileSync(o.file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw unreadable(o.file, e);
  }
  let rows, sheet: string, sheetsNotRead: string[], board: StepTable['board'];
  try {
    const table = await readStepTable(bytes, path.basename(o.file), o.sheet);
    ({ rows, sheet, board } = table);
    // A workbook's other sheets are not read (our own XLSX's scenario sheets and Summary are, with its Steps): said, never passed over.
    sheetsNotRead = table.sheets.filter((s) => s !== table.sheet && !table.alsoRead?.includes(s));
  } catch (e) {
    if (e instanceof StepListError) throw new CliError(e.message);
    throw e;
  }
  const into = (doc: Y.Doc, adoptLocale: boolean): ImportedSteps => {
    let r;
    try {
      r = importTableInto(
        doc,
        rows,
        { origin: importOrigin, now: Date.now() },
        {
          skipBadRows: o.skipBadRows,
          matched: o.matched,
          // Our own workbook says its board's number format and currency; --locale and --currency still win.
          locale: o.locale ?? board?.locale,
          locales: commonLocales,
          adoptLocale,
          currency: o.currency ?? board?.currency,
          addScenarios: true,
          ownWorkbook: !!board,
        },
      );
    } catch (e) {
      if (e instanceof ValidationError) throw new CliError(`${path.basename(o.file)}: ${e.message}`);
      throw e;
    }
    if (!r.ok) throw new CliError(`${path.basename(o.file)}: ${r.error}${r.plan.badRows.length ? ' — fix the file, or pass --skip-bad-rows' : ''}`);
    return {
      locale: r.locale,
      currency: r.currency,
      imported: r.made.steps.length,
      skipped: r.skipped,
      updated: r.updated,
      locked: r.locked,
      read: readSummary(r.plan),
      badRows: r.plan.badRows,
      scenariosCreated: r.scenariosCreated,
      columnsNotRead: r.columnsNotRead,
      ...(sheet ? { sheet, sheetsNotRead } : {}),
    };
  };
  if (o.create) {
    if (!templateIdSchema.safeParse(o.create.template).success) throw usage(`--template must be one of ${templateIds.join(', ')}; got '${o.create.template}'`);
    const input = newSessionSchema.safeParse({ title: o.create.title, template: o.create.template });
    if (!input.success) throw usage(`--title: ${input.error.issues[0].message}`);
    const doc = new Y.Doc();
    initBoard.run(doc, { title: o.create.title, template: o.create.template as TemplateId }, { origin: templateOrigin, now: Date.now() });
    // Into a new session, the file's number format becomes the session's, and its country's currency (or --currency).
    const done = into(doc, true);
    const store = openStoreFor(true);
    try {
      return { ...store.sessions.createFromUpdate(input.data, Y.encodeStateAsUpdate(doc)), ...done };
    } finally {
      store.close();
    }
  }
  const store = openStoreFor(false);
  try {
    const doc = loadBoard(store, o.sessionId!);
    const before = Y.encodeStateVector(doc);
    const done = into(doc, false);
    // Every step already there: nothing to write.
    if (done.imported || done.updated) store.updates.append(o.sessionId!, Y.encodeStateAsUpdate(doc, before));
    return { ...store.sessions.get(o.sessionId!)!, ...done };
  } finally {
    store.close();
  }
}

type Out = (line: string) => void;

/** brownpaper import-steps <file> --data <dir> (--session <id> | --new --title <t> [--template <id>]) [--sheet <name>] [--locale <tag>] [--currency <ISO 4217>] [--skip-bad-rows] [--matched skip|update|add] [--add-again] */
export async function importStepsCommand(argv: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(
    argv,
    {
      data: { type: 'string' },
      session: { type: 'string' },
      new: { type: 'boolean' },
      title: { type: 'string' },
      template: { type: 'string' },
      sheet: { type: 'string' },
      locale: { type: 'string' },
      currency: { type: 'string' },
      'skip-bad-rows': { type: 'boolean' },
      'add-again': { type: 'boolean' },
      matched: { type: 'string' },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw usage('import-steps needs a CSV or XLSX file');
  const dataDir = required(values.data, '--data');
  if (!!values.session === !!values.new) throw usage('import-steps needs --session <id> or --new --title <t>');
  if (values.new && values.template !== undefined && !values.title) throw usage('--title is required');
  if (values.locale !== undefined && !isKnownLocale(values.locale)) throw usage(`--locale must be a number format like en-US or de-DE; got '${values.locale}'`);
  if (values.currency !== undefined && !values.new) throw usage('--currency is for a new session (--new); a session has its currency in its settings');
  const currency = currencyCode(values.currency);
  // The file's figures win by default: it is the newer word (exported, changed in Excel, imported back), and a skip would drop them unsaid.
  const matched = values.matched ?? (values['add-again'] ? 'add' : 'update');
  if (!['skip', 'update', 'add'].includes(matched)) throw usage(`--matched must be skip, update or add; got '${matched}'`);
  if (values['add-again'] && values.matched !== undefined && values.matched !== 'add') throw usage('--add-again is --matched add; give one of them');
  const open = (create: boolean) => {
    try {
      return openStore(dataDir, { create });
    } catch (e) {
      if (e instanceof StoreError) throw storeError(e, dataDir);
      throw e;
    }
  };
  const session = await importStepsFile(open, {
    file,
    sessionId: values.session,
    create: values.new ? { title: required(values.title, '--title'), template: values.template ?? 'blank' } : undefined,
    sheet: values.sheet,
    skipBadRows: !!values['skip-bad-rows'],
    matched: matched as MatchedRows,
    locale: values.locale,
    currency,
  });
  out(JSON.stringify(session));
}
