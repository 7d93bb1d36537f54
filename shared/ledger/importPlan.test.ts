import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { costTableCsv } from '../exchange/costTable.js';
import { readBoard, readMeta } from '../model/board.js';
import { boardTime } from '../model/boardTime.js';
import { rollup } from '../model/rollup.js';
import { readScenarios } from '../model/scenario.js';
import type { Step } from '../model/step.js';
import { setBoardSettings, setStepCost } from '../operations/costs.js';
import { importSteps } from '../operations/importSteps.js';
import { boardFrom, ctx } from '../operations/testDoc.js';
import { addStep } from '../operations/addCard.js';
import { setLocked, updateElements } from '../operations/updateElements.js';
import { mapHeaders } from './importHeaders.js';
import { differenceLines, lockedLine } from './alreadyOnBoard.js';
import { fileCurrency, importArgs, importColumns, numberLocaleOf, planImport, problemLine, readSummary, scenariosToMake, suggestMapping, withScenarios, type ImportBoard } from './importPlan.js';
import { looksLikeFormula, tableFromPaste, type TableCell } from './importTable.js';
import { stepsInLedgerOrder } from './rows.js';

const boardOf = (doc: Y.Doc): ImportBoard => ({ elements: readBoard(doc).elements, meta: readMeta(doc), scenarios: readScenarios(doc) });
const csvRows = (text: string): TableCell[][] => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;

function blankBoard(locale: string, currency = 'USD'): Y.Doc {
  const doc = boardFrom('blank');
  setBoardSettings.run(doc, { locale, currency }, ctx);
  return doc;
}

/** Plan `rows` into `doc` with the mapping it suggests. */
function plan(doc: Y.Doc, rows: TableCell[][]) {
  const board = boardOf(doc);
  return planImport(rows, suggestMapping(rows, board), board);
}

function importInto(doc: Y.Doc, rows: TableCell[][], skipBadRows = false) {
  const p = plan(doc, rows);
  const a = importArgs(p, { skipBadRows });
  if (!a.ok) throw new Error(a.error);
  return { plan: p, made: importSteps.run(doc, a.args, ctx) };
}

const nameOf = (doc: Y.Doc, id: string | null) => (id ? ((readBoard(doc).elements.get(id) as { name?: string } | undefined)?.name ?? '') : '');
const stepsOf = (doc: Y.Doc) => stepsInLedgerOrder(readBoard(doc).elements);
/** What a step carries that our cost table writes: everything but where it is, who it is and its flags (the cost table has no flags). */
function carried(doc: Y.Doc, s: Step) {
  const {
    painPoint: _p,
    failPoint: _f,
    waitPoint: _wp,
    momentOfTruth: _m,
    id: _id,
    x: _x,
    y: _y,
    laneId,
    stageId,
    order: _order,
    w: _w,
    h: _h,
    color: _color,
    notes: _notes,
    inputs: _i,
    outputs: _o,
    systems: _s,
    emotion: _e,
    scenarioId: _sc,
    ...rest
  } = s as Step & Record<string, unknown>;
  return { lane: nameOf(doc, laneId), stage: nameOf(doc, stageId), ...rest };
}

describe('our own cost table imports back', () => {
  // A de-DE board's table is written for German Excel ("600000,00" between semicolons): back into a de-DE board, and into an en-US one (found German).
  for (const [locale, intoLocale] of [
    ['en-US', 'en-US'],
    ['de-DE', 'de-DE'],
    ['de-DE', 'en-US'],
  ]) {
    it(`the sample board's cost table (${locale}, into ${intoLocale}): the same steps in the same lanes and stages, the same totals`, () => {
      const sample = boardFrom('sample-info-request');
      setBoardSettings.run(sample, { locale }, ctx);
      // One figure a range whose likely value is not its midpoint, with evidence; a wait as a range too.
      const first = stepsOf(sample).find((s) => !!s.volume && !!s.waitMinutes)!;
      setStepCost.run(sample, { id: first.id, patch: { volumeLow: first.volume! - 100, volumeHigh: first.volume! + 300, volumeEvidence: 'estimate', volumeSource: 'CRM export' } }, ctx);
      setStepCost.run(sample, { id: first.id, patch: { waitMinutesLow: first.waitMinutes! / 2, waitMinutesHigh: first.waitMinutes! * 2, waitMinutesEvidence: 'guess' } }, ctx);
      const meta = readMeta(sample)!;
      const csv = costTableCsv(sample, { bom: true });
      expect(csv.slice(1, 16)).toBe(locale === 'de-DE' ? 'Lane;Stage;Step' : 'Lane,Stage,Step');
      const into = blankBoard(intoLocale, meta.currency);
      const rows = csvRows(csv);
      const board = boardOf(into);
      const mapping = suggestMapping(rows, board);
      expect(numberLocaleOf(rows, mapping, board, ['en-US', 'de-DE', 'fr-FR'])).toBe(locale);
      const p = planImport(rows, mapping, board, { locale });
      const args = importArgs(p);
      if (!args.ok) throw new Error(args.error);
      importSteps.run(into, args.args, ctx);
      expect(p.problems).toEqual([]);
      expect(p.skippedRows.at(-1)?.why).toBe('total');
      expect(p.otherTables?.names).toEqual(['The map', 'The business case']);
      const before = stepsOf(sample).filter((s) => s.scenarioId === null);
      const after = stepsOf(into);
      expect(after.map((s) => carried(into, s))).toEqual(before.map((s) => carried(sample, s)));
      const [a, b] = [rollup(before), rollup(after)];
      expect(b.total).toBe(a.total);
      expect(b.rework.total).toBe(a.rework.total);
    });
  }
});

describe('issue 19: the scenarios of our own cost table come back with it', () => {
  for (const locale of ['en-US', 'de-DE'])
    it(`the sample's to-be scenario (${locale}): made with the steps in one transaction, the same overrides, totals per scenario and business case`, () => {
      const sample = boardFrom('sample-info-request');
      setBoardSettings.run(sample, { locale }, ctx);
      const rows = csvRows(costTableCsv(sample));
      const into = blankBoard(locale, readMeta(sample)!.currency);
      const ids = new Map<string, string>();
      const made = scenariosToMake(rows, boardOf(into), { ids });
      expect(made.map((s) => s.name)).toEqual(readScenarios(sample).map((s) => s.name));
      // Planned again (the dialog does, as people change it): the same ids, so a mapping made before still names them.
      expect(scenariosToMake(rows, boardOf(into), { ids }).map((s) => s.id)).toEqual(made.map((s) => s.id));
      const board = withScenarios(boardOf(into), made);
      const p = planImport(rows, suggestMapping(rows, board), board, { locale });
      expect(p.problems).toEqual([]);
      const args = importArgs(p, { scenarios: made });
      if (!args.ok) throw new Error(args.error);
      let transactions = 0;
      into.on('afterTransaction', () => transactions++);
      importSteps.run(into, args.args, ctx);
      expect(transactions).toBe(1);
      const [was, now] = [readScenarios(sample), readScenarios(into)];
      expect(now.map((s) => s.price)).toEqual(was.map((s) => s.price));
      const asIs = (doc: Y.Doc) => stepsOf(doc).filter((s) => s.scenarioId === null);
      expect(now.map((s) => rollup(asIs(into), s).total)).toEqual(was.map((s) => rollup(asIs(sample), s).total));
      const lead = (doc: Y.Doc, sc: (typeof now)[number]) => boardTime(readBoard(doc).elements.values(), sc).lead.leadMinutes;
      expect(now.map((s) => lead(into, s))).toEqual(was.map((s) => lead(sample, s)));
      // Each step's overrides, by its title: a scenario figure the same as the step's own is no override.
      const byTitle = (doc: Y.Doc, sc: (typeof now)[number]) => Object.fromEntries(Object.entries(sc.overrides).map(([id, o]) => [(readBoard(doc).elements.get(id) as Step).title, o]));
      expect(byTitle(into, now[0])).toEqual(byTitle(sample, was[0]));
    });

  it('a scenario named twice, or one the board has meanwhile, is refused whole and nothing is made', () => {
    const doc = blankBoard('en-US');
    const { rows } = tableFromPaste('Lane\tStage\tStep\tVolume\tLean: volume\r\nCustomer\tAsk\tPhones in\t100\t50\r\n');
    const made = scenariosToMake(rows, boardOf(doc));
    const board = withScenarios(boardOf(doc), made);
    const args = importArgs(planImport(rows, suggestMapping(rows, board), board), { scenarios: made });
    if (!args.ok) throw new Error(args.error);
    importSteps.run(doc, { rows: [{ row: 9, lane: '', stage: '', fields: { title: 'Other' } }], scenarios: [{ id: made[0].id.replace(/.$/, 'x'), name: 'LEAN', price: {} }] }, ctx);
    expect(() => importSteps.run(doc, args.args, ctx)).toThrow('scenario “Lean” is on this board already');
    expect(stepsOf(doc).map((s) => s.title)).toEqual(['Other']);
  });
});

describe('a step list from a spreadsheet', () => {
  it('reads figures in the board’s number format: "1.234,50" on de-DE, ranges, "30k", units, value classes and flags', () => {
    const doc = blankBoard('de-DE', 'EUR');
    const rows = [
      ['Swimlane', 'Phase', 'Activity', 'Value', 'Pain point', 'Volume', 'Unit cost', 'Wait time', 'FTR'],
      ['Customer', 'Ask', 'Phones in', 'Waste', 'x', '4–8', '1.234,50', '2–3 Tage', '92,5 %'],
      ['Back office', 'Ask', 'Logs the call', 'value adding', '', '30k', '12', '1,5 days', ''],
    ];
    const { plan: p, made } = importInto(doc, rows);
    expect(p.problems).toEqual([]);
    expect(p.lanesToCreate).toEqual(['Customer', 'Back office']);
    expect(p.stagesToCreate).toEqual(['Ask']);
    const [one, two] = made.steps.map((id) => readBoard(doc).elements.get(id) as Step);
    expect(one).toMatchObject({ title: 'Phones in', valueClass: 'waste', painPoint: true, volume: 6, volumeLow: 4, volumeHigh: 8, unitCents: 123450, firstTimeRight: 0.925 });
    expect(one.waitMinutes).toBe(2.5 * 24 * 60);
    expect(one.waitUnit).toBe('days');
    expect(two).toMatchObject({ title: 'Logs the call', valueClass: 'value-adding', painPoint: false, volume: 30000, unitCents: 1200 });
    expect(nameOf(doc, one.laneId)).toBe('Customer');
    expect(nameOf(doc, two.laneId)).toBe('Back office');
    expect(one.stageId).toBe(two.stageId);
  });

  it('issue 19: a German sheet’s value classes ("Verschwendung", "nicht wertschöpfend, aber notwendig") and minutes with a unit ("6 min", "4–8 Min.", "0,5 h")', () => {
    const doc = blankBoard('de-DE', 'EUR');
    const rows = [
      ['Bereich', 'Phase', 'Schritt', 'Wertklasse', 'Minuten', 'Stundensatz'],
      ['Kunde', 'Anfrage', 'Ruft an', 'Verschwendung', '6 min', '48'],
      ['Backoffice', 'Anfrage', 'Erfasst', 'notwendig', '4–8 Min.', '48'],
      ['Backoffice', 'Anfrage', 'Prüft', 'nicht wertschöpfend, aber notwendig', '0,5 h', '48'],
      ['Backoffice', 'Anfrage', 'Antwortet', 'Wertschöpfend', '7,5', '48'],
      ['Backoffice', 'Anfrage', 'Vergisst', 'wichtig', '6 min4', '48'],
    ];
    const p = plan(doc, rows);
    expect(p.problems.map(problemLine)).toEqual([
      'row 6, Wertklasse: “wichtig” is not one of Unclassified, Value-adding, Necessary, Waste (or wertschöpfend, notwendig, Verschwendung).',
      'row 6, Minuten: “6 min4” is not a duration: “4” has no unit; write it like 1 h 30 min.',
    ]);
    const a = importArgs(p, { skipBadRows: true });
    if (!a.ok) throw new Error(a.error);
    const made = importSteps.run(doc, a.args, ctx).steps.map((id) => readBoard(doc).elements.get(id) as Step);
    expect(made.map((s) => [s.title, s.valueClass, s.minutes, s.minutesLow, s.minutesHigh])).toEqual([
      ['Ruft an', 'waste', 6, null, null],
      ['Erfasst', 'necessary', 6, 4, 8],
      ['Prüft', 'necessary', 30, null, null],
      ['Antwortet', 'value-adding', 7.5, null, null],
    ]);
  });

  it('issue 19: seconds in a minutes column are fractions of a minute ("90 Sek.", "30–90 s"); nonsense is refused by row and column', () => {
    const doc = blankBoard('de-DE', 'EUR');
    const rows = [
      ['Bereich', 'Phase', 'Schritt', 'Minuten'],
      ['Kunde', 'Anfrage', 'Ruft an', '90 Sek.'],
      ['Kunde', 'Anfrage', 'Wartet', '30–90 s'],
      ['Kunde', 'Anfrage', 'Legt auf', '1 min 30 s'],
      ['Kunde', 'Anfrage', 'Vergisst', '30 s 1 min'],
    ];
    const p = plan(doc, rows);
    expect(p.problems.map(problemLine)).toEqual(['row 5, Minuten: “30 s 1 min” has its units out of order; write each once, the larger first, like 1 h 30 min.']);
    const a = importArgs(p, { skipBadRows: true });
    if (!a.ok) throw new Error(a.error);
    const made = importSteps.run(doc, a.args, ctx).steps.map((id) => readBoard(doc).elements.get(id) as Step);
    expect(made.map((s) => [s.title, s.minutes, s.minutesLow, s.minutesHigh])).toEqual([
      ['Ruft an', 1.5, null, null],
      ['Wartet', 1, 0.5, 1.5],
      ['Legt auf', 1.5, null, null],
    ]);
  });

  it('reuses the board’s lanes and stages by name, any case, and lays cards in one cell side by side without overlap', () => {
    const doc = boardFrom('service-blueprint');
    const lane = [...readBoard(doc).elements.values()].find((e) => e.kind === 'lane')! as { name: string; id: string };
    const stage = [...readBoard(doc).elements.values()].find((e) => e.kind === 'stage')! as { name: string; id: string };
    const rows = [['Lane', 'Stage', 'Step'], ...['One', 'Two', 'Three'].map((t) => [lane.name.toUpperCase(), stage.name.toLowerCase(), t])];
    const { plan: p, made } = importInto(doc, rows);
    expect(p.lanesToCreate).toEqual([]);
    expect(p.stagesToCreate).toEqual([]);
    const steps = made.steps.map((id) => readBoard(doc).elements.get(id) as Step);
    expect(steps.every((s) => s.laneId === lane.id && s.stageId === stage.id)).toBe(true);
    const boxes = steps.map((s) => ({ x: s.x, y: s.y }));
    expect(new Set(boxes.map((b) => `${b.x},${b.y}`)).size).toBe(3);
  });

  it('puts a step whose cell holds a card already under that card, lined up with it in its lane (which grows), not lanes further down', () => {
    const doc = boardFrom('sample-info-request');
    const there = stepsOf(doc).find((s) => s.title === 'Waits, then calls')!;
    const { made } = importInto(doc, [
      ['Lane', 'Stage', 'Step'],
      ['Customer actions', 'Wait', 'Calls again'],
    ]);
    const placed = readBoard(doc).elements.get(made.steps[0]) as Step;
    expect({ laneId: placed.laneId, stageId: placed.stageId, x: placed.x, y: placed.y }).toEqual({ laneId: there.laneId, stageId: there.stageId, x: there.x, y: there.y + there.h + 20 });
    const lane = readBoard(doc).elements.get(there.laneId!) as { size: number };
    expect(lane.size).toBeGreaterThanOrEqual(placed.y + placed.h);
  });

  it('maps headers by label and alias, and our cost table’s own headers; leaves an unknown one to the dialog', () => {
    const { columns } = importColumns(boardOf(blankBoard('en-US')));
    const m = mapHeaders(
      [
        'Process step',
        'Role',
        'Phase',
        'Volume per year',
        'Unit cost (USD)',
        'Wait',
        'Wait (h)',
        'Volume low',
        'Volume high',
        'Volume: evidence',
        'Unit cost: source',
        'Period cost (USD)',
        'To-be: volume',
        'Kosten',
      ],
      columns,
    );
    expect(m.map((x) => (x.target ? `${x.target.key}/${x.target.part}` : x.why))).toEqual([
      'title/value',
      'lane/value',
      'stage/value',
      'volume/value',
      'unitCents/value',
      'waitMinutes/value',
      'read from “Wait”',
      'volume/low',
      'volume/high',
      'volumeEvidence/value',
      'unitCentsSource/value',
      'worked out by the board',
      'no scenario “To-be” on this board',
      null,
    ]);
  });

  it('refuses formulas by row and column, never reading them; a plain -5 is a number, refused as negative', () => {
    expect(['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '@SUM(A1:A2)', '+1+2', '\t=1'].map(looksLikeFormula)).toEqual([true, true, true, true, true]);
    expect(['-5', '+12', '-', '-1.234,50 €', '-2 days', 'plain'].map(looksLikeFormula)).toEqual([false, false, false, false, false, false]);
    const doc = blankBoard('en-US');
    const rows: TableCell[][] = [
      ['Step', 'Owner', 'Volume'],
      ['Fine', 'Ann', '10'],
      ['=HYPERLINK("http://evil","click")', 'Bob', '5'],
      ['Negative', 'Cy', '-5'],
      ['From a workbook', { formula: 'SUM(A1:A2)' }, 3],
      ['Text in volume', '', 'lots'],
    ];
    const p = plan(doc, rows);
    expect(p.steps.map((s) => s.fields.title)).toEqual(['Fine']);
    expect(p.badRows).toEqual([3, 4, 5, 6]);
    expect(p.problems.map(problemLine)).toEqual([
      'row 3, Step: a formula is not taken as text: =HYPERLINK("http://evil","click"); put the text itself in the cell',
      expect.stringMatching(/^row 4, Volume: .*negative|^row 4, Volume: .*0 or more|^row 4, Volume: .*-5/i),
      'row 5, Owner: a formula is not taken as text: =SUM(A1:A2); put the text itself in the cell',
      expect.stringMatching(/^row 6, Volume: /),
    ]);
    const refused = importArgs(p);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^row 3, Step: a formula is not taken as text: =HYPERLINK.*\(and 3 more bad rows\)$/);
    // Skipped, the good row alone is made.
    const skipped = importArgs(p, { skipBadRows: true });
    expect(skipped.ok && skipped.args.rows.length).toBe(1);
  });

  it('takes a spreadsheet’s number exactly (1234.5 on a de-DE board is not read as "1.234,5" text)', () => {
    const doc = blankBoard('de-DE', 'EUR');
    const p = plan(doc, [
      ['Step', 'Unit cost', 'Volume'],
      ['A', 1234.5, 1200],
      ['B', '1.234,50', '1.200'],
    ]);
    expect(p.problems).toEqual([]);
    expect(p.steps.map((s) => [s.fields.unitCents, s.fields.volume])).toEqual([
      [123450, 1200],
      [123450, 1200],
    ]);
  });

  it('rows pasted from a spreadsheet: tabs between cells, a quoted cell with a line break', () => {
    const t = tableFromPaste('Step\tOwner\r\n"Two\nlines"\tAnn\r\nThird\tBob\r\n');
    expect(t.rows).toEqual([
      ['Step', 'Owner'],
      ['Two\nlines', 'Ann'],
      ['Third', 'Bob'],
    ]);
  });

  it('the operation checks the rows again and writes nothing when one is wrong', () => {
    const doc = blankBoard('en-US');
    const count = () => readBoard(doc).elements.size;
    const n = count();
    expect(() =>
      importSteps.run(
        doc,
        {
          rows: [
            { row: 2, lane: 'L', stage: 'S', fields: { title: 'ok' } },
            { row: 3, lane: 'L', stage: 'S', fields: { title: 'bad', volume: -5 } },
          ],
        },
        ctx,
      ),
    ).toThrow(/^row 3\.volume/i);
    expect(count()).toBe(n);
  });

  it('issue 19: a formula in a figure column reads as the result Excel saved with it; without one, or in a text column, it is refused saying what to do', () => {
    const doc = blankBoard('en-US');
    const p = plan(doc, [
      ['Step', 'Owner', 'Volume', 'Unit cost'],
      ['Phones in', 'Ann', 1200, 2],
      ['Logs the call', 'Bob', { formula: 'C2*2', result: 2400 }, 3],
      ['Never saved', 'Cy', { formula: 'C2*2' }, 3],
      ['A link', { formula: 'HYPERLINK("http://evil","click")', result: 'click' }, 5, 1],
    ]);
    expect(p.steps.map((s) => [s.fields.title, s.fields.volume])).toEqual([
      ['Phones in', 1200],
      ['Logs the call', 2400],
    ]);
    expect(p.problems.map(problemLine)).toEqual([
      'row 4, Volume: the formula =C2*2 has no saved result: open the file in Excel and save it, or paste values',
      'row 5, Owner: a formula is not taken as text: =HYPERLINK("http://evil","click"); put the text itself in the cell',
    ]);
  });

  it('issue 19: with no column mapped to Step, one line says to map one (not every row)', () => {
    const doc = blankBoard('en-US');
    const rows: TableCell[][] = [
      ['Beschreibung', 'Volume'],
      ['Phones in', '10'],
      ['Logs the call', '20'],
    ];
    const board = boardOf(doc);
    const p = planImport(rows, suggestMapping(rows, board), board);
    expect(p.problems.map(problemLine)).toEqual(['no column is mapped to Step: choose the column that holds the steps’ titles']);
    expect(p.steps).toEqual([]);
    const refused = importArgs(p, { skipBadRows: true });
    expect(!refused.ok && refused.error).toBe('no column is mapped to Step: choose the column that holds the steps’ titles');
  });

  it('issue 19: German, French and Spanish headers map by alias', () => {
    const { columns } = importColumns(boardOf(blankBoard('de-DE', 'EUR')));
    const key = (hs: string[]) => mapHeaders(hs, columns).map((x) => (x.target ? x.target.key : x.why));
    expect(key(['Bereich', 'Phase', 'Schritt', 'Zuständig', 'Wertklasse', 'Menge', 'Kostenart', 'Stückkosten', 'Minuten', 'Stundensatz', 'Fixkosten', 'Wartezeit', 'Bearbeitungszeit'])).toEqual([
      'lane',
      'stage',
      'title',
      'owner',
      'valueClass',
      'volume',
      'costMode',
      'unitCents',
      'minutes',
      'rateCents',
      'fixedCents',
      'waitMinutes',
      'processMinutes',
    ]);
    expect(key(['Abteilung', 'Prozessschritt', 'Verantwortlich', 'Anzahl', 'Kosten pro Stück', 'Minuten pro Fall', 'Wartezeit (Tage)'])).toEqual([
      'lane',
      'title',
      'owner',
      'volume',
      'unitCents',
      'minutes',
      'waitMinutes',
    ]);
    expect(key(['Étape', 'Responsable', 'Volume', 'Coût unitaire', 'Taux horaire', 'Attente'])).toEqual(['title', 'owner', 'volume', 'unitCents', 'rateCents', 'waitMinutes']);
    expect(key(['Paso', 'Carril', 'Fase', 'Cantidad', 'Coste unitario', 'Tarifa por hora', 'Espera'])).toEqual(['title', 'lane', 'stage', 'volume', 'unitCents', 'rateCents', 'waitMinutes']);
  });

  it('issue 19: the numbers of a German file are found German on an en-US board, and read so when that locale is chosen', () => {
    const doc = blankBoard('en-US');
    const german: TableCell[][] = [
      ['Bereich', 'Phase', 'Schritt', 'Menge', 'Stückkosten'],
      ['Kunde', 'Anfrage', 'Ruft an', '1.200', '12,50'],
      ['Backoffice', 'Anfrage', 'Erfasst', '800', '3,00'],
    ];
    const board = boardOf(doc);
    const mapping = suggestMapping(german, board);
    expect(numberLocaleOf(german, mapping, board, ['en-US', 'de-DE', 'fr-FR'])).toBe('de-DE');
    const p = planImport(german, mapping, board, { locale: 'de-DE' });
    expect(p.problems).toEqual([]);
    expect(p.steps.map((s) => [s.fields.volume, s.fields.unitCents])).toEqual([
      [1200, 1250],
      [800, 300],
    ]);
    // An en-US file stays en-US: nothing to say.
    const us: TableCell[][] = [
      ['Step', 'Volume', 'Unit cost'],
      ['Calls', '1,200', '12.50'],
    ];
    expect(numberLocaleOf(us, suggestMapping(us, board), board, ['en-US', 'de-DE'])).toBe('en-US');
  });
});

describe('issue 19: a step list is never cut short quietly', () => {
  const title200 = 'Very long title '.repeat(13).slice(0, 200);
  const tester = `Lane;Stage;Title;Volume;Unit cost\nCustomer;Ask;Fills in form;40.000;0,40\nFrontstage;Wait;Answers call;100.000;6,00\n;;;;\nBackstage;Follow-up;${title200};1.234;1.234,50\nSupport;Decide;=HYPERLINK("http://x","y");8.000;45\n`;

  for (const [what, blank] of [
    ['a row of separators', ';;;;'],
    ['an empty line', ''],
  ]) {
    it(`a blank row (${what}) in the middle is skipped and the rows under it are read and checked`, () => {
      const rows = csvRows(tester.replace(';;;;', blank));
      const p = plan(blankBoard('de-DE', 'EUR'), rows);
      expect(p.steps.map((s) => s.row)).toEqual([2, 3, 5]);
      expect(p.steps[2].fields.title).toBe(title200);
      expect(p.badRows).toEqual([6]);
      expect(problemLine(p.problems[0])).toBe('row 6, Title: a formula is not taken as text: =HYPERLINK("http://x","y"); put the text itself in the cell');
      expect(p.skippedRows).toEqual([{ row: 4, why: 'blank' }]);
      expect(p.otherTables).toBeNull();
      expect(readSummary(p)).toBe('read rows 2–6 (row 4 blank, skipped)');
      // Not importable until the formula row is fixed or skipped.
      expect(importArgs(p)).toMatchObject({ ok: false, error: expect.stringMatching(/^row 6, Title: a formula/) });
    });
  }

  it('a second header row ends the list, and the summary says which rows were left and why', () => {
    const rows = csvRows('Lane,Stage,Step,Volume\nCustomer,Ask,Phones in,10\nBack office,Ask,Logs it,10\n\nLane,Stage,Step,Volume\nCustomer,Ask,Other list,5\n');
    const p = plan(blankBoard('en-US'), rows);
    expect(p.steps.map((s) => s.fields.title)).toEqual(['Phones in', 'Logs it']);
    expect(p.otherTables).toEqual({ row: 5, lastRow: 6, names: ['headers Lane, Stage, Step, Volume'] });
    expect(readSummary(p)).toBe('read rows 2–3; rows 5–6 are a second table (headers Lane, Stage, Step, Volume) and were not imported');
  });

  it('our own business-case block is known by its header row; a row that only starts like it is read as a step', () => {
    const text = 'Lane,Stage,Step,Volume\nCustomer,Ask,Phones in,10\n\nThe business case,To-be\nSaving (USD per year),100.00\nInvestment (USD, one-off),50.00\n';
    const p = plan(blankBoard('en-US'), csvRows(text));
    expect(readSummary(p)).toBe('read row 2; rows 4–6 are a second table (The business case) and were not imported');
    const looksLike = plan(blankBoard('en-US'), csvRows('Lane,Stage,Step,Volume\nCustomer,Ask,Phones in,10\nThe business case,Ask,Makes the case,3\n'));
    expect(looksLike.steps.map((s) => s.fields.title)).toEqual(['Phones in', 'Makes the case']);
    expect(looksLike.otherTables).toBeNull();
  });
});

describe('the currency a new board takes from a file', () => {
  const rows = (headers: string) => tableFromPaste(`${headers}\r\nCustomer\tAsk\t1,50\r\n`).rows;
  it('the one its headers name (our own cost table of a German board counting in dollars), else that of the country of its numbers; two named: none of them', () => {
    expect(fileCurrency(rows('Lane\tStage\tUnit cost (USD)'), 'de-DE')).toBe('USD');
    expect(fileCurrency(rows('Lane\tStage\tHourly rate (GBP/h)'), 'de-DE')).toBe('GBP');
    expect(fileCurrency(rows('Lane\tStage\tStückkosten'), 'de-DE')).toBe('EUR');
    expect(fileCurrency(rows('Lane\tStage\tUnit cost (USD)\tFixed cost (EUR)'), 'de-DE')).toBe('EUR');
    expect(fileCurrency(rows('Lane\tStage\tUnit cost (ABC)'), 'en-US')).toBe('USD');
    expect(fileCurrency(rows('Lane\tStage\tUnit cost'), 'de')).toBeNull();
  });
});

describe('a title our export guarded against formulas (issue 19)', () => {
  it('comes back as it was, the one apostrophe taken off, and matches its step; a bare formula is still refused', () => {
    const doc = boardFrom('blank');
    const id = addStep.run(doc, { x: 0, y: 0, title: '=HYPERLINK("http://evil.example","click")' }, ctx);
    updateElements.run(doc, { ids: [id], patch: { owner: '@SUM(1)' } }, ctx);
    const rows = csvRows(costTableCsv(doc));
    expect(rows[1]).toContain(`'=HYPERLINK("http://evil.example","click")`);
    // Into the same board: the step is matched, not made again with a visible apostrophe.
    const again = plan(doc, rows);
    expect(again.problems).toEqual([]);
    expect(again.onBoard).toEqual([2]);
    // Into a new board: the same title and owner, as text.
    const fresh = boardFrom('blank');
    const { plan: p } = importInto(fresh, rows);
    expect(p.steps.map((s) => [s.fields.title, s.fields.owner])).toEqual([['=HYPERLINK("http://evil.example","click")', '@SUM(1)']]);
    // Only our guard's apostrophe: a title that starts with one itself keeps it, and an unguarded formula is refused as before.
    const quoted = boardFrom('blank');
    addStep.run(quoted, { x: 0, y: 0, title: "'=1" }, ctx);
    const other = plan(boardFrom('blank'), [...csvRows(costTableCsv(quoted)).slice(0, 2), ['', '', '=1+1']]);
    expect(other.steps.map((s) => s.fields.title)).toEqual(["'=1"]);
    expect(other.problems.map(problemLine)).toEqual([expect.stringMatching(/^row 3, Step: a formula is not taken as text: =1\+1;/)]);
  });
});

describe('the steps a file gives other figures (issue 19)', () => {
  it('our own cost table back into its board differs in nothing (ranges, evidence, times in hours); a volume changed and a cell cleared are the differences, applied in the import’s one transaction', () => {
    const doc = boardFrom('sample-info-request');
    setBoardSettings.run(doc, { locale: 'de-DE', currency: 'EUR' }, ctx);
    const first = stepsOf(doc).find((s) => !!s.volume && !!s.waitMinutes)!;
    setStepCost.run(doc, { id: first.id, patch: { volumeLow: first.volume! - 100, volumeHigh: first.volume! + 300, volumeEvidence: 'estimate' } }, ctx);
    const rows = csvRows(costTableCsv(doc));
    const same = plan(doc, rows);
    expect(same.onBoard.length).toBe(same.steps.length);
    expect(same.updates).toEqual([]);
    // Sales call's volume 8000 → 9000, and a unit cost cleared, as a finance person does in Excel.
    const header = rows[0] as string[];
    const at = (title: string) => rows.findIndex((r) => r[2] === title);
    rows[at('Sales call')][header.indexOf('Volume per year')] = '9000';
    const lead = at('Lead lands in CRM queue');
    rows[lead][header.findIndex((h) => h.startsWith('Unit cost'))] = '';
    const changed = plan(doc, rows);
    // The to-be's columns beside them still say 8.000 and 0,40, as exported: no change there, the scenario follows the step.
    expect(changed.updates.map((u) => [u.title, u.changes])).toEqual([
      ['Sales call', [{ column: 'Volume per year', from: '8.000', to: '9.000' }]],
      ['Lead lands in CRM queue', [{ column: 'Unit cost (EUR)', from: '0,40', to: '' }]],
    ]);
    expect(differenceLines(changed.updates)).toEqual(['Sales call: Volume per year 8.000 → 9.000', 'Lead lands in CRM queue: Unit cost (EUR) 0,40 → blank']);
    expect((importArgs(changed) as { skipped: number }).skipped).toBe(changed.onBoard.length);
    const args = importArgs(changed, { matched: 'update' });
    if (!args.ok) throw new Error(args.error);
    expect([args.updated, args.skipped, args.args.rows.length]).toEqual([2, changed.onBoard.length - 2, 0]);
    const made = importSteps.run(doc, importSteps.args.parse(args.args), ctx);
    expect(made.updated).toBe(2);
    expect(stepsOf(doc).find((s) => s.title === 'Sales call')!.volume).toBe(9000);
    expect(stepsOf(doc).find((s) => s.title === 'Lead lands in CRM queue')!.unitCents).toBeNull();
    expect(readScenarios(doc)[0].overrides[stepsOf(doc).find((s) => s.title === 'Sales call')!.id]).toBeUndefined();
    // The same file again: its as-is agrees now; its to-be columns still say the old figures, which the
    // scenario no longer uses (it follows the step's new one): the file cannot say they were not typed, so they are listed.
    expect(differenceLines(plan(doc, rows).updates)).toEqual([
      'To-be: brochure in 2 days — Sales call: Volume 9.000 → 8.000',
      'To-be: brochure in 2 days — Lead lands in CRM queue: Unit cost blank → 0,40',
    ]);
  });

  it('a step twice in one cell: the n-th row with the n-th step; a third row is a new step', () => {
    const doc = boardFrom('blank');
    importInto(doc, [
      ['Step', 'Volume'],
      ['Check', '1'],
      ['Check', '2'],
    ]);
    const p = plan(doc, [
      ['Step', 'Volume'],
      ['Check', '1'],
      ['Check', '5'],
      ['Check', '3'],
    ]);
    expect(p.onBoard).toEqual([2, 3]);
    expect(p.updates.map((u) => [u.row, u.changes.map((c) => `${c.from} → ${c.to}`)])).toEqual([[3, ['2 → 5']]]);
  });
});

describe('issue 19, left open: a re-import’s scenario columns, locked steps and untitled cards', () => {
  const toBe = 'To-be: brochure in 2 days';
  /** The sample board in German numbers and euros, its cost table as rows, and a cell of it by step title and header. */
  function germanSample() {
    const doc = boardFrom('sample-info-request');
    setBoardSettings.run(doc, { locale: 'de-DE', currency: 'EUR' }, ctx);
    const rows = csvRows(costTableCsv(doc));
    const header = rows[0] as string[];
    const set = (title: string, column: string, text: string) => {
      const at = header.indexOf(column);
      expect(at, column).toBeGreaterThanOrEqual(0);
      rows[rows.findIndex((r) => r[2] === title)][at] = text;
    };
    return { doc, rows, set };
  }
  const stepOf = (doc: Y.Doc, title: string) => stepsOf(doc).find((s) => s.title === title)!;
  const overrideOf = (doc: Y.Doc, title: string) => readScenarios(doc)[0].overrides[stepOf(doc, title).id] ?? {};
  function update(doc: Y.Doc, p: ReturnType<typeof plan>) {
    const args = importArgs(p, { matched: 'update' });
    if (!args.ok) throw new Error(args.error);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const made = importSteps.run(doc, importSteps.args.parse(args.args), ctx);
    return { args, made, transactions };
  }

  it('a to-be figure changed in the file is a difference, said in the board’s numbers with its scenario, and written as the ledger’s scenario cell would, with the as-is changes in one transaction', () => {
    const { doc, rows, set } = germanSample();
    // In Excel: Sales call's to-be unit cost 45,00 → 35,00 and its volume 8000 → 9000; the rep's to-be wait (1 day) back to the as-is 10 days (240 h);
    // the call-centre step the to-be removes, kept after all (a volume where it said "removed").
    set('Sales call', `${toBe}: unit cost (EUR)`, '35,00');
    set('Sales call', 'Volume per year', '9000');
    set('Sales rep qualifies lead, posts brochure', `${toBe}: wait (h)`, '240');
    set('Call-centre agent answers “where is my info?”', `${toBe}: volume`, '100000');
    const p = plan(doc, rows);
    expect(differenceLines(p.updates)).toEqual([
      `${toBe} — Call-centre agent answers “where is my info?”: Removed Yes → No`,
      'Sales call: Volume per year 8.000 → 9.000',
      `${toBe} — Sales call: Unit cost 45,00 → 35,00`,
      `${toBe} — Sales rep qualifies lead, posts brochure: Wait before 1 day → 10 days`,
    ]);
    const { args, made, transactions } = update(doc, p);
    expect([args.updated, made.updated, transactions]).toEqual([3, 3, 1]);
    expect(stepOf(doc, 'Sales call').volume).toBe(9000);
    expect(overrideOf(doc, 'Sales call')).toEqual({ unitCents: 3500 });
    // The rep's wait follows the step's own again (no override left to stop it following a later change); the call is no longer removed.
    expect(overrideOf(doc, 'Sales rep qualifies lead, posts brochure')).toEqual({ processMinutes: 30 });
    expect(overrideOf(doc, 'Call-centre agent answers “where is my info?”')).toEqual({});
    // The file and the board agree now (but for Sales call's to-be volume, which follows the step's new 9.000).
    expect(differenceLines(plan(doc, rows).updates)).toEqual([`${toBe} — Sales call: Volume 9.000 → 8.000`]);
  });

  it('a to-be column left as it was is no change, even where the as-is figure beside it changed: the scenario keeps following the step (no saving made up)', () => {
    const { doc, rows, set } = germanSample();
    set('Sales call', 'Unit cost (EUR)', '50,00');
    const p = plan(doc, rows);
    expect(differenceLines(p.updates)).toEqual(['Sales call: Unit cost (EUR) 45,00 → 50,00']);
    update(doc, p);
    expect(stepOf(doc, 'Sales call').unitCents).toBe(5000);
    expect(overrideOf(doc, 'Sales call')).toEqual({});
    // Its to-be figure changed to the same as the step's: the step's change carries the scenario, no override made.
    const again = germanSample();
    again.set('Sales call', 'Unit cost (EUR)', '50,00');
    again.set('Sales call', `${toBe}: unit cost (EUR)`, '50,00');
    const q = plan(again.doc, again.rows);
    expect(differenceLines(q.updates)).toEqual(['Sales call: Unit cost (EUR) 45,00 → 50,00']);
    update(again.doc, q);
    expect(overrideOf(again.doc, 'Sales call')).toEqual({});
  });

  it('a locked step keeps all its figures, its scenario’s too, and the plan names it; the others are updated', () => {
    const { doc, rows, set } = germanSample();
    setLocked.run(doc, { ids: [stepOf(doc, 'Sales call').id], locked: true }, ctx);
    set('Sales call', 'Volume per year', '9000');
    set('Sales call', `${toBe}: unit cost (EUR)`, '35,00');
    set('Compares offers', 'Volume per year', '7000');
    const p = plan(doc, rows);
    expect(p.updates.map((u) => u.title)).toEqual(['Compares offers']);
    expect(p.locked.map((l) => l.title)).toEqual(['Sales call']);
    expect(lockedLine(p.locked.map((l) => l.title))).toBe('1 step is locked and keeps its figures: Sales call');
    const { args } = update(doc, p);
    expect(args).toMatchObject({ updated: 1, locked: ['Sales call'], skipped: p.onBoard.length - 2 });
    expect(stepOf(doc, 'Compares offers').volume).toBe(7000);
    expect(stepOf(doc, 'Sales call').volume).toBe(8000);
    expect(overrideOf(doc, 'Sales call')).toEqual({});
    const offersBefore = overrideOf(doc, 'Compares offers');
    // Told to write a locked step's scenario figure anyway (a plan made before it was locked), the import leaves it whole.
    setLocked.run(doc, { ids: [stepOf(doc, 'Compares offers').id], locked: true }, ctx);
    const offers = stepOf(doc, 'Compares offers').id;
    const scenarioId = readScenarios(doc)[0].id;
    const made = importSteps.run(
      doc,
      { rows: [], updates: [{ where: 'Row 9 (Compares offers), To-be', edit: { op: 'setOverride', args: { scenarioId, stepId: offers, values: { volume: 10 } } } }] },
      ctx,
    );
    expect(made.updated).toBe(0);
    expect(overrideOf(doc, 'Compares offers')).toEqual(offersBefore);
    expect(lockedLine(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('7 steps are locked and keep their figures: A, B, C, D, E and 2 more');
  });

  it('a step that exists only in the to-be: our export leaves its as-is columns blank, which do not clear its figures on the way back', () => {
    const doc = boardFrom('sample-info-request');
    const id = addStep.run(doc, { x: 2000, y: 10, title: 'Self-service page', scenarioId: readScenarios(doc)[0].id }, ctx);
    setStepCost.run(doc, { id, patch: { volume: 500, unitCents: 100 } }, ctx);
    const p = plan(doc, csvRows(costTableCsv(doc)));
    expect(p.onBoard).toHaveLength(p.steps.length);
    expect(differenceLines(p.updates)).toEqual([]);
  });

  it('our own export of a board with an untitled card imports back: the row is that untitled step (said under the preview), matched on its board, made on a new one; a titleless row in anyone else’s list is still refused', () => {
    const doc = boardFrom('sample-info-request');
    const untitled = addStep.run(doc, { x: 400, y: 10, title: '' }, ctx);
    expect(stepOf(doc, '').id).toBe(untitled);
    const rows = csvRows(costTableCsv(doc));
    const row = rows.findIndex((r) => r[2] === '') + 1;
    const same = plan(doc, rows);
    expect(same.problems).toEqual([]);
    expect(same.untitled).toEqual([row]);
    expect(same.onBoard).toContain(row);
    expect(same.updates).toEqual([]);
    expect(readSummary(same)).toMatch(new RegExp(`^read rows 2–\\d+ \\(row \\d+ a total, skipped; row ${row} a step without a title, kept as an untitled step\\)`));
    const fresh = boardFrom('blank');
    importInto(fresh, rows);
    expect(stepsOf(fresh).filter((s) => s.title === '')).toHaveLength(1);
    expect(rollup(stepsOf(fresh).filter((s) => s.scenarioId === null)).total).toBe(rollup(stepsOf(doc).filter((s) => s.scenarioId === null)).total);
    const theirs = plan(boardFrom('blank'), [
      ['Lane', 'Stage', 'Step', 'Volume'],
      ['Customer', 'Ask', '', '10'],
    ]);
    expect(theirs.problems.map(problemLine)).toEqual(['row 2, Step: a step needs a title']);
  });
});
