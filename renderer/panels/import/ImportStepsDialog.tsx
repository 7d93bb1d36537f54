import { useEffect, useMemo, useRef, useState } from 'react';
import { alreadyOnBoardLine, differenceLines, lockedLine } from '../../../shared/ledger/alreadyOnBoard';
import type { HeaderMapping } from '../../../shared/ledger/importHeaders';
import {
  boardForImport,
  fileCurrency,
  importArgs,
  importColumns,
  numberLocaleOf,
  planImport,
  problemLine,
  readSummary,
  scenariosToMake,
  suggestMapping,
  withScenarios,
  type ImportBoard,
  type ImportPlan,
  type MatchedRows,
} from '../../../shared/ledger/importPlan';
import type { NewScenario } from '../../../shared/ledger/importScenarios';
import { tableFromPaste, type StepTable } from '../../../shared/ledger/importTable';
import { ledgerColumns } from '../../../shared/ledger/columns';
import { boardDefaults } from '../../../shared/model/board';
import type { Override } from '../../../shared/model/scenario';
import { commonCurrencies, commonLocales, localeSample } from '../../../shared/model/locales';
import { newStep, type Step } from '../../../shared/model/step';
import { may } from '../../../shared/permissions';
import { callApi } from '../../api/client';
import { dispatch, getDoc } from '../../commands/dispatch';
import { useBoard } from '../../state/boardStore';
import { showToast, useUi } from '../../state/uiStore';
import { plural } from '../../ui/plural';
import { useDialog } from '../../ui/useDialog';
import { checkpointBeforeImport } from '../../state/history';
import { takeKeptTable, useImportUi } from './importUi';
import { STEP_LIST_FILES, carriesFiles } from './stepListFiles';
import './importSteps.css';

/** Rows of the preview and problems the dialog lists before "and N more". */
const PREVIEW_ROWS = 8;
const PROBLEMS_SHOWN = 12;
/** Differences listed before "and N more": a whole re-import's worth, not ten thousand rows. */
const DIFFERENCES_SHOWN = 200;

/** "read rows 2–6 …" as a sentence: "Read rows 2–6 …". */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** File ▸ Import steps…: mounted on the board, open while the import UI says so. */
export function ImportStepsDialog({ sessionId }: { sessionId: string }) {
  const open = useImportUi((s) => s.open);
  const role = useUi((s) => s.role);
  const ready = useBoard((s) => s.meta !== null);
  // A table read on the start screen for this new session opens the dialog once the board is here.
  useEffect(() => {
    if (ready && may(role, 'importSteps')) takeKeptTable(sessionId);
  }, [ready, role, sessionId]);
  if (!open || !may(role, 'importSteps')) return null;
  return <ImportForm />;
}

const close = () => useImportUi.setState({ open: false, pending: null });

function ImportForm() {
  const pending = useImportUi((s) => s.pending);
  const access = useUi((s) => s.access);
  const [source, setSource] = useState<{ name: string; table: StepTable; file?: File } | null>(pending);
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useDialog(close);
  const previewTitle = useRef<HTMLHeadingElement>(null);
  const justRead = useRef(false);
  const fileName = source && source.name !== 'pasted rows' ? source.name : null;
  const [reading, setReading] = useState(false);
  const [dropping, setDropping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<HeaderMapping[] | null>(null);
  const [skipBad, setSkipBad] = useState(false);
  // Steps the board has already (the same file imported again, or our export changed in Excel): chosen by
  // hand, else their figures updated from the file when any differ (the file is the newer word), else skipped.
  const [matchedChoice, setMatched] = useState<MatchedRows | null>(null);
  // "Numbers in this file", when chosen by hand; else the format the file's figures read in.
  const [numbers, setNumbers] = useState<string | null>(null);
  // A new board's currency, when chosen by hand; else the one the file's number format's country counts in.
  const [money, setMoney] = useState<string | null>(null);
  // The board as it is now: its lanes, stages, scenarios and number format.
  const elements = useBoard((s) => s.elements);
  const meta = useBoard((s) => s.meta);
  const scenarios = useBoard((s) => s.scenarios);
  const asItIs = useMemo(() => ({ elements: new Map(Object.entries(elements)), meta, scenarios }), [elements, meta, scenarios]);

  const read = async (file: File, sheet?: string) => {
    if (!access) return;
    setError(null);
    setReading(true);
    try {
      const table = await callApi('readStepList', { sessionId: access.sessionId, token: access.token, body: file, query: { name: file.name, ...(sheet ? { sheet } : {}) } });
      setSource({ name: file.name, table, file });
      setMapping(null);
      setNumbers(null);
      justRead.current = true;
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setReading(false);
    }
  };
  const takePaste = (text: string) => {
    setPasted(text);
    setError(null);
    setSource(text.trim() ? { name: 'pasted rows', table: tableFromPaste(text) } : null);
    setMapping(null);
    setNumbers(null);
  };

  const rows = source?.table.rows ?? null;
  // The scenarios the file names that the board lacks (our own cost table's "To-be: …: volume"): made with
  // the steps, so the board is planned as if it had them; their ids kept while the file is the same.
  const scenarioIds = useMemo(() => (rows ? new Map<string, string>() : null), [rows]);
  const newScenarios = useMemo((): { made: NewScenario[]; error: string | null } => {
    if (!rows || !scenarioIds) return { made: [], error: null };
    try {
      return { made: scenariosToMake(rows, asItIs, { ids: scenarioIds }), error: null };
    } catch (e) {
      return { made: [], error: (e as Error).message };
    }
  }, [rows, asItIs, scenarioIds]);
  const board: ImportBoard = useMemo(() => withScenarios(asItIs, newScenarios.made), [asItIs, newScenarios]);
  const shownMapping = useMemo(() => mapping ?? (rows ? suggestMapping(rows, board) : null), [mapping, rows, board]);
  const boardLocale = (meta ?? boardDefaults).locale;
  // A new board (no steps yet) takes the file's number format as its own on import.
  const newBoard = !Object.values(elements).some((e) => e.kind === 'step');
  // Our own workbook says the number format and currency of the board that made it (ownWorkbook.ts).
  const madeBy = source?.table.board;
  const found = useMemo(() => madeBy?.locale ?? (rows && shownMapping ? numberLocaleOf(rows, shownMapping, board, commonLocales) : boardLocale), [madeBy, rows, shownMapping, board, boardLocale]);
  const fileLocale = numbers ?? found;
  // A new board counts in the currency the file's headers name (our own cost table's "(USD)"), else
  // that of the country whose numbers the file writes (EUR for a German file), said in the preview and changed here or later in the board's settings; a board
  // with steps keeps its own.
  const boardCurrency = (meta ?? boardDefaults).currency;
  const currency = newBoard ? (money ?? madeBy?.currency ?? (rows && fileCurrency(rows, fileLocale)) ?? boardCurrency) : boardCurrency;
  // The columns as the board will read once imported: a new board's labels in its new currency ("Unit cost (EUR)"), its figures in the file's format.
  const shownBoard = useMemo(() => (newBoard ? { ...board, meta: { ...(meta ?? boardDefaults), locale: fileLocale, currency } } : board), [newBoard, meta, board, fileLocale, currency]);
  const { columns, ctx } = useMemo(() => importColumns(shownBoard), [shownBoard]);
  const typeable = columns.filter((c) => c.parse);
  // Our own workbook (its keywords say so) brings its untitled cards back as untitled steps, as our cost table does.
  const ownWorkbook = !!madeBy;
  // Read in the currency the board will count in: a new board's "12,50 €" was refused as "this board
  // counts in USD" under the line saying it would count in EUR.
  const plan: ImportPlan | null = useMemo(
    () => (rows && shownMapping ? planImport(rows, shownMapping, shownBoard, { locale: fileLocale, ownWorkbook }) : null),
    [rows, shownMapping, shownBoard, fileLocale, ownWorkbook],
  );
  const differences = useMemo(() => (plan ? differenceLines(plan.updates) : []), [plan]);
  const needs = plan?.problems[0]?.row === 0 ? plan.problems[0].message : null;
  const bad = plan?.badRows.length ?? 0;
  const onBoard = plan?.onBoard.length ?? 0;
  const differ = plan?.updates.length ?? 0;
  const matched: MatchedRows = matchedChoice ?? (differ ? 'update' : 'skip');
  const addAgain = matched === 'add';
  const toUpdate = matched === 'update' ? differ : 0;
  // The steps the import will make: those already on the board left out unless added again.
  const toMake = useMemo(() => {
    if (!plan || addAgain || !plan.onBoard.length) return plan?.steps ?? [];
    const there = new Set(plan.onBoard);
    return plan.steps.filter((s) => !there.has(s.row));
  }, [plan, addAgain]);
  const canImport = !!plan && toMake.length + toUpdate > 0 && (bad === 0 || skipBad) && !newScenarios.error;

  const remap = (i: number, key: string) => {
    if (!shownMapping) return;
    const next = [...shownMapping];
    const header = next[i].header;
    // Chosen by hand: its text is read in the board's number format (a spreadsheet's numbers stay numbers).
    next[i] = key ? { header, target: { key, part: 'value', format: 'board' } } : { header, target: null, why: 'skipped' };
    setMapping(next);
  };

  // A file read: the focus, on the dialog since Choose a file… was disabled for the reading, moves to
  // what was read ("4 steps to make"), so the keyboard goes on from there and a screen reader says it.
  useEffect(() => {
    if (!justRead.current || !plan) return;
    justRead.current = false;
    if (document.activeElement === dialog.ref.current || document.activeElement === document.body) previewTitle.current?.focus();
  });

  const run = async () => {
    if (!plan || !getDoc()) return;
    // The history keeps the board as it was, so an import that went wrong is one revert away.
    await checkpointBeforeImport();
    if (!getDoc()) return;
    // Planned again from the doc as it is now: the preview may be a moment old. The scenarios the file
    // names are priced in the currency the board will count in.
    const docBoard = boardForImport(getDoc()!);
    let made: NewScenario[];
    try {
      made = scenariosToMake(rows!, docBoard, { ids: scenarioIds!, currency });
    } catch (e) {
      return setError((e as Error).message);
    }
    const into = withScenarios(docBoard, made);
    const now = planImport(rows!, shownMapping!, newBoard ? { ...into, meta: { ...(into.meta ?? boardDefaults), locale: fileLocale, currency } } : into, { locale: fileLocale, ownWorkbook });
    const args = importArgs(now, { skipBadRows: skipBad, matched, scenarios: made });
    if (!args.ok) return setError(args.error);
    if (!args.args.rows.length && !args.args.updates?.length) return setError(`${alreadyOnBoardLine(args.skipped, args.skipped)}: nothing to import.`);
    try {
      // Into a new session, the file's number format becomes the board's (its figures then read as
      // they were typed), and the currency the preview said.
      if (newBoard && (fileLocale !== boardLocale || currency !== boardCurrency)) dispatch('setBoardSettings', { locale: fileLocale, currency });
      const done = dispatch('importSteps', args.args);
      if (!done) return;
      const n = done.scenarios.length;
      // Only updated: said as that ("Updated 1 step already on the board from the file"), not as "Imported 0 steps".
      const made = done.steps.length || n ? `Imported ${plural(done.steps.length, 'step', 'steps')}${n ? ` and ${plural(n, 'scenario', 'scenarios')}` : ''}` : '';
      const parts = [
        made,
        done.updated ? `${made ? 'updated' : 'Updated'} ${made ? done.updated : plural(done.updated, 'step', 'steps')} already on the board from the file` : '',
        args.locked.length ? lockedLine(args.locked, true) : '',
        args.skipped ? (args.updated || args.locked.length ? `left ${args.skipped}${made ? ' already on the board' : ''} as they were` : `skipped ${args.skipped} already on the board`) : '',
      ].filter(Boolean);
      showToast(
        parts.join('; ').replace(/^./, (c) => c.toUpperCase()),
        'done',
      );
      close();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const previewText = (s: ImportPlan['steps'][number], key: string) => {
    if (key === 'lane') return s.lane;
    if (key === 'stage') return s.stage;
    const step = newStep({ x: 0, y: 0, order: 'a0', title: '', ...(s.fields as Partial<Step>) });
    // A scenario's figure as the row will override it: its column read with that override in place.
    const o = key.startsWith('scenario:') ? s.overrides.find((x) => key.startsWith(`scenario:${x.scenarioId}:`)) : undefined;
    if (o) {
      const values = Object.fromEntries(Object.entries(o.values).filter(([, v]) => v !== null)) as Override;
      const withIt = { ...ctx, scenarios: ctx.scenarios.map((x) => (x.scenario.id === o.scenarioId ? { ...x, scenario: { ...x.scenario, overrides: { [step.id]: values } } } : x)) };
      return (
        ledgerColumns(withIt)
          .find((x) => x.key === key)
          ?.text(step, withIt) ?? ''
      );
    }
    const c = columns.find((x) => x.key === key);
    // A new board shows its figures the way the file writes them, as it will once imported (shownBoard).
    return c ? c.text(step, ctx) : '';
  };
  const previewKeys = [
    'lane',
    'stage',
    'title',
    ...new Set((shownMapping ?? []).flatMap((m) => (m.target && m.target.part === 'value' && !['lane', 'stage', 'title'].includes(m.target.key) ? [m.target.key] : []))),
  ].slice(0, 7);
  const labelOf = (key: string) => columns.find((c) => c.key === key)?.label ?? key;

  return (
    <div
      className={dropping ? 'export-dialog import-dialog dropping' : 'export-dialog import-dialog'}
      aria-labelledby="import-steps-title"
      {...dialog}
      // A file dropped anywhere on the dialog is read as one chosen (left to the browser, it opened
      // the file in place of the board); text dragged into the paste box stays the box's.
      onDragOver={(e) => {
        if (!carriesFiles(e) || reading) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setDropping(false);
        const file = e.dataTransfer.files[0];
        if (file && !reading) void read(file);
      }}
    >
      <h2 id="import-steps-title">Import steps</h2>
      {/* The dialog's body scrolls inside it (a long list of differences on a phone), its buttons always in view under it. */}
      <div className="import-body">
        <div className="import-source">
          {/* Our own button and the name of the file read, here or on the start screen: the browser's field said "No file chosen" for a file brought from there. */}
          <div className="field">
            <span>A CSV or Excel file</span>
            <span className="file-choice">
              <button type="button" className="text-button" disabled={reading} onClick={() => fileInput.current?.click()} aria-describedby="import-file-chosen">
                Choose a file…
              </button>
              <span id="import-file-chosen" className={fileName ? 'file-name' : 'file-name none'}>
                {fileName ?? 'No file chosen'}
              </span>
            </span>
            {/* Hidden from sight and from screen readers alike (the button above opens it): only clipped, it was a second, unnamed control. */}
            <input
              ref={fileInput}
              type="file"
              hidden
              aria-label="A CSV or Excel file"
              accept={STEP_LIST_FILES}
              disabled={reading}
              onChange={(e) => {
                const file = e.target.files?.[0];
                // Emptied, so the same file chosen again once mended in Excel is read again (the browser sends no change for it).
                e.target.value = '';
                if (file) void read(file);
              }}
            />
          </div>
          <label className="field">
            or rows pasted from a spreadsheet (with their headers)
            <textarea rows={3} value={pasted} onChange={(e) => takePaste(e.target.value)} placeholder={'Lane\tStage\tStep\tVolume'} />
          </label>
          {plan && (
            <label className="field">
              Numbers in this file
              <select value={fileLocale} onChange={(e) => setNumbers(e.target.value)}>
                {[...new Set([boardLocale, found, ...commonLocales])].map((l) => (
                  <option key={l} value={l}>
                    {localeSample(l)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {plan && newBoard && (
            <label className="field">
              Currency of the new board
              <select value={currency} onChange={(e) => setMoney(e.target.value)}>
                {[...new Set([currency, boardCurrency, ...commonCurrencies])].map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
          )}
          {source && source.table.sheets.length > 1 && source.file && (
            <label className="field">
              Sheet
              <select value={source.table.sheet} onChange={(e) => void read(source.file!, e.target.value)}>
                {source.table.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          )}
        </div>
        {reading && <p role="status">Reading {source?.name ?? 'the file'}…</p>}
        {plan && (fileLocale !== boardLocale || currency !== boardCurrency) && (
          <p className="import-more" role="status">
            {fileLocale === boardLocale
              ? ''
              : numbers === null && madeBy
                ? `Numbers read as ${localeSample(fileLocale)}, as the workbook says (made by Brownpaper on a ${madeBy.locale} board). `
                : numbers === null
                  ? `Numbers read as ${localeSample(fileLocale)}: they do not read in this board’s ${boardLocale}. `
                  : `Numbers read as ${localeSample(fileLocale)}. `}
            {newBoard ? `This new board takes ${fileLocale} for its figures and counts in ${currency} (Currency, above; later in the dashboard’s board settings).` : ''}
          </p>
        )}
        {plan && shownMapping && (
          <>
            <section aria-labelledby="import-columns-title">
              <h3 id="import-columns-title">Columns of {source!.name}</h3>
              <div className="import-scroll">
                <table className="import-mapping">
                  <thead>
                    <tr>
                      <th scope="col">Header</th>
                      <th scope="col">Becomes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shownMapping.map((m, i) => (
                      <tr key={i} className={!m.target && m.why === null ? 'unmapped' : undefined}>
                        <th scope="row">
                          <span title={m.header.length > 60 ? m.header : undefined}>{m.header || `column ${i + 1}`}</span>
                        </th>
                        <td>
                          <select
                            aria-label={`Column for “${m.header || `column ${i + 1}`}”`}
                            value={m.target?.part === 'value' ? m.target.key : m.target ? `${m.target.key}` : ''}
                            onChange={(e) => remap(i, e.target.value)}
                          >
                            <option value="">{m.target || m.why ? 'Skip' : 'Not mapped: skip'}</option>
                            {typeable.map((c) => (
                              <option key={c.key} value={c.key}>
                                {c.label}
                                {m.target && m.target.key === c.key && m.target.part !== 'value' ? ` (${m.target.part})` : ''}
                              </option>
                            ))}
                          </select>
                          {!m.target && m.why && m.why !== 'skipped' && <span className="import-why"> {m.why}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section aria-labelledby="import-preview-title">
              <h3 id="import-preview-title" tabIndex={-1} ref={previewTitle}>
                {toMake.length} step{toMake.length === 1 ? '' : 's'} to make
                {plan.lanesToCreate.length > 0 && `; new lanes: ${plan.lanesToCreate.join(', ')}`}
                {plan.stagesToCreate.length > 0 && `; new stages: ${plan.stagesToCreate.join(', ')}`}
              </h3>
              {onBoard > 0 && (
                <fieldset className="import-repeats" aria-labelledby="import-repeats-title">
                  <p id="import-repeats-title">{alreadyOnBoardLine(onBoard, plan.steps.length)} (the same lane, stage and title):</p>
                  {differ > 0 && (
                    <label className="check">
                      <input type="radio" name="import-repeats" checked={matched === 'update'} onChange={() => setMatched('update')} /> update {onBoard === 1 ? 'its' : 'their'} figures from the file
                    </label>
                  )}
                  <label className="check">
                    <input type="radio" name="import-repeats" checked={matched === 'skip'} onChange={() => setMatched('skip')} /> skip {onBoard === 1 ? 'it' : 'them'}
                  </label>
                  <label className="check">
                    <input type="radio" name="import-repeats" checked={addAgain} onChange={() => setMatched('add')} /> add {onBoard === 1 ? 'it' : 'them'} anyway
                  </label>
                  {differ > 0 ? (
                    <div className="import-differences">
                      <p>
                        {differ} {differ === 1 ? 'step has' : 'steps have'} other figures in the file:
                      </p>
                      <ul aria-label="Differences">
                        {differences.slice(0, DIFFERENCES_SHOWN).map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ul>
                      {differences.length > DIFFERENCES_SHOWN && <p className="import-more">and {differences.length - DIFFERENCES_SHOWN} more</p>}
                      <p>A blank cell clears its figure; columns the file does not have stay as they are.</p>
                    </div>
                  ) : (
                    !plan.locked.length && <p className="import-differences">None has other figures in the file.</p>
                  )}
                  {plan.locked.length > 0 && !addAgain && (
                    <p className="import-differences import-locked" role="status">
                      {lockedLine(plan.locked.map((l) => l.title))}.
                    </p>
                  )}
                </fieldset>
              )}
              <div className="import-scroll">
                <table className="import-preview" aria-label="Preview">
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      {previewKeys.map((k) => (
                        <th key={k} scope="col">
                          {labelOf(k)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {toMake.slice(0, PREVIEW_ROWS).map((s) => (
                      <tr key={s.row}>
                        <td>{s.row}</td>
                        {previewKeys.map((k) =>
                          k === 'title' ? (
                            <td key={k} className="import-title">
                              <span>{previewText(s, k)}</span>
                            </td>
                          ) : (
                            <td key={k}>{previewText(s, k)}</td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {needs && (
                <p className="field-error" role="alert">
                  {needs}
                </p>
              )}
              {toMake.length > PREVIEW_ROWS && <p className="import-more">and {toMake.length - PREVIEW_ROWS} more</p>}
              {(plan.skippedRows.length > 0 || plan.otherTables || plan.untitled.length > 0) && (
                <p className="import-read" role="status">
                  {sentence(readSummary(plan))}.
                </p>
              )}
              {newScenarios.made.length > 0 && (
                <p className="import-read" role="status">
                  {newScenarios.made.length} scenario{newScenarios.made.length === 1 ? '' : 's'}: {newScenarios.made.map((s) => `“${s.name}”`).join(', ')}, made with{' '}
                  {newScenarios.made.length === 1 ? 'its' : 'their'} figures from the file{newScenarios.made.some((s) => Object.keys(s.price).length) ? ' and the business case under the steps' : ''}.
                </p>
              )}
              {newScenarios.error && (
                <p className="field-error" role="alert">
                  {newScenarios.error}
                </p>
              )}
            </section>
            {bad > 0 && (
              <section aria-labelledby="import-bad-title" className="import-bad">
                <h3 id="import-bad-title">
                  {bad} bad row{bad === 1 ? '' : 's'}: fix {bad === 1 ? 'it' : 'them'} in the file, or skip {bad === 1 ? 'it' : 'them'}
                </h3>
                <ul aria-label="Bad rows">
                  {plan.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                    <li key={i}>{problemLine(p)}</li>
                  ))}
                </ul>
                {plan.problems.length > PROBLEMS_SHOWN && <p className="import-more">and {plan.problems.length - PROBLEMS_SHOWN} more</p>}
                <label className="check">
                  <input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} /> Skip the {bad} bad row{bad === 1 ? '' : 's'}
                </label>
              </section>
            )}
          </>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="text-button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!canImport} onClick={() => void run()}>
          {toMake.length || !toUpdate ? `Import${toMake.length ? ` ${toMake.length} step${toMake.length === 1 ? '' : 's'}` : ''}` : ''}
          {toUpdate ? `${toMake.length ? ' and update' : 'Update'} ${toUpdate} step${toUpdate === 1 ? '' : 's'}` : ''}
        </button>
      </div>
    </div>
  );
}
