import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { costReport } from '../../electron/cli/costCommand.js';
import { CliError } from '../../electron/cli/errors.js';
import { loadBoard } from '../../electron/cli/exchangeCommands.js';
import { importStepsCommand } from '../../electron/cli/importStepsCommand.js';
import { costWorkbook } from '../../electron/host/export/costWorkbook.js';
import { DB_FILE } from '../../electron/host/store/database.js';
import { openStore } from '../../electron/host/store/store.js';
import * as Y from 'yjs';
import { readBoard } from '../../shared/model/board.js';
import { readScenarios } from '../../shared/model/scenario.js';
import { addStep } from '../../shared/operations/addCard.js';
import { setLocked } from '../../shared/operations/updateElements.js';
import type { Step } from '../../shared/model/step.js';
import { cli } from '../helpers/cli.js';
import { cliHere, cliHereAnswer } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';

// In-process, as a shell would call it but without starting Node per command; one run of the real binary at the end.

async function run(...argv: string[]): Promise<Record<string, unknown>> {
  const lines: string[] = [];
  await importStepsCommand(argv, (l) => lines.push(l));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

function withStore<T>(data: string, fn: (s: ReturnType<typeof openStore>) => T): T {
  const s = openStore(data, { create: false });
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

const stepsIn = (data: string, id: string) => withStore(data, (s) => [...readBoard(loadBoard(s, id)).elements.values()].filter((e): e is Step => e.kind === 'step').map((e) => e.title));

const csv = (dir: string, name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('brownpaper import-steps', () => {
  it('a CSV into a new session from a template: one JSON line, the steps on its board, the cost added up', async () => {
    const data = tempDir();
    const file = csv(data, 'steps.csv', 'Lane,Stage,Step,Volume per year,Unit cost\nCustomer,Ask,Phones in,"1,200",12.50\nBack office,Ask,Logs the call,1200,2\n');
    const session = await run(file, '--data', data, '--new', '--title', 'Imported', '--template', 'blank');
    expect(session).toMatchObject({ title: 'Imported', template: 'blank', id: expect.any(String) });
    expect(stepsIn(data, session.id as string)).toEqual(['Phones in', 'Logs the call']);
    expect(withStore(data, (s) => costReport(loadBoard(s, session.id as string), session.id as string)).total).toBe('17400.00');
  });

  it('an XLSX into an existing session: its steps added beside the board’s own', async () => {
    const data = tempDir();
    const store = openStore(data, { create: true });
    const { id } = store.sessions.create({ title: 'Info request', template: 'sample-info-request' });
    store.close();
    const before = stepsIn(data, id).length;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Steps');
    sheet.addRow(['Step', 'Lane', 'Volume']);
    sheet.addRow(['Checks the address', 'Backstage', 300]);
    const file = path.join(data, 'steps.xlsx');
    await book.xlsx.writeFile(file);
    const session = await run(file, '--data', data, '--session', id);
    expect(session.id).toBe(id);
    const after = stepsIn(data, id);
    expect(after).toHaveLength(before + 1);
    expect(after).toContain('Checks the address');
  });

  it('a bad row is one line naming its row and column, and nothing is written; --skip-bad-rows imports the rest', async () => {
    const data = tempDir();
    const file = csv(data, 'steps.csv', 'Step,Volume\nFine,10\n"=HYPERLINK(""http://evil"",""x"")",5\nText in volume,lots\n');
    const e = await run(file, '--data', data, '--new', '--title', 'Bad').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).message).toBe(
      'steps.csv: row 3, Step: a formula is not taken as text: =HYPERLINK("http://evil","x"); put the text itself in the cell (and 1 more bad row) — fix the file, or pass --skip-bad-rows',
    );
    expect(fs.existsSync(path.join(data, DB_FILE))).toBe(false);
    const session = await run(file, '--data', data, '--new', '--title', 'Good rows', '--skip-bad-rows');
    expect(stepsIn(data, session.id as string)).toEqual(['Fine']);
  });

  it('our own XLSX export of the sample imports back into a new session: the same 12 steps, the same cost, the same lead time (its hours are minutes ÷ 60, like 0.1666…)', async () => {
    const data = tempDir();
    const store = openStore(data, { create: true });
    const { id } = store.sessions.create({ title: 'Info request', template: 'sample-info-request' });
    const file = path.join(data, 'info-request.xlsx');
    fs.writeFileSync(file, await costWorkbook(loadBoard(store, id)));
    const before = costReport(loadBoard(store, id), id);
    store.close();
    const session = await run(file, '--data', data, '--new', '--title', 'Back from Excel', '--template', 'blank');
    expect(stepsIn(data, session.id as string).sort()).toEqual(stepsIn(data, id).sort());
    const after = withStore(data, (s) => costReport(loadBoard(s, session.id as string), session.id as string));
    expect(after.total).toBe(before.total);
    // The steps are new ones (new ids): as many of them without times.
    expect({ ...after.time, missing: after.time.missing.length }).toEqual({ ...before.time, missing: before.time.missing.length });
  });

  it('issue 19: a German CSV (;, 1.200, 12,50) into a new session: found German without --locale, or as --locale says; the session is de-DE in EUR (or --currency) and the JSON says so', async () => {
    const data = tempDir();
    const file = csv(data, 'kosten.csv', 'Bereich;Phase;Schritt;Menge;Stückkosten\r\nKunde;Anfrage;Ruft an;1.200;12,50\r\nBackoffice;Anfrage;Erfasst;800;3,00\r\n');
    for (const extra of [[], ['--locale', 'de-DE']]) {
      const session = await run(file, '--data', data, '--new', '--title', 'Kosten', ...extra);
      expect(session.locale).toBe('de-DE');
      expect(session.currency).toBe('EUR');
      expect(
        withStore(data, (s) =>
          loadBoard(s, session.id as string)
            .getMap('meta')
            .get('currency'),
        ),
      ).toBe('EUR');
      expect(stepsIn(data, session.id as string)).toEqual(['Ruft an', 'Erfasst']);
      // 1,200 × 12.50 + 800 × 3.00
      expect(withStore(data, (s) => costReport(loadBoard(s, session.id as string), session.id as string)).total).toBe('17400.00');
      expect(
        withStore(data, (s) =>
          loadBoard(s, session.id as string)
            .getMap('meta')
            .get('locale'),
        ),
      ).toBe('de-DE');
    }
    // A German file for a Swiss workshop: --currency says so.
    const swiss = await run(file, '--data', data, '--new', '--title', 'Zürich', '--currency', 'CHF');
    expect([swiss.locale, swiss.currency]).toEqual(['de-DE', 'CHF']);
    expect(
      withStore(data, (s) =>
        loadBoard(s, swiss.id as string)
          .getMap('meta')
          .get('currency'),
      ),
    ).toBe('CHF');
    const noSuch = await run(file, '--data', data, '--new', '--title', 'X', '--currency', 'EURO').catch((x: unknown) => x);
    expect((noSuch as CliError).message).toBe("--currency must be an ISO 4217 code like EUR or USD; got 'EURO' (see: brownpaper help)");
    // Said otherwise, the file is read as said: 1.200 is ambiguous in en-US, and nothing is written.
    const e = await run(file, '--data', data, '--new', '--title', 'US', '--locale', 'en-US').catch((x: unknown) => x);
    expect((e as CliError).message).toMatch(/^kosten\.csv: row 2, Menge: “1\.200” /);
    const bad = await run(file, '--data', data, '--new', '--title', 'X', '--locale', 'de_DE').catch((x: unknown) => x);
    expect((bad as CliError).message).toBe("--locale must be a number format like en-US or de-DE; got 'de_DE' (see: brownpaper help)");
  });

  it('issue 19: the same file imported twice into a session: the second time its steps are skipped and counted, --add-again adds them anyway', async () => {
    const data = tempDir();
    const store = openStore(data, { create: true });
    const { id } = store.sessions.create({ title: 'Order to cash', template: 'blank' });
    store.close();
    const file = csv(data, 'steps.csv', 'Lane,Stage,Step,Volume\nCustomer,Ask,Phones in,10\nBack office,Ask,Logs the call,20\n');
    expect(await run(file, '--data', data, '--session', id)).toMatchObject({ id, imported: 2, skipped: 0 });
    expect(stepsIn(data, id)).toEqual(['Phones in', 'Logs the call']);
    // Again: nothing added, and the line says how many were left out.
    expect(await run(file, '--data', data, '--session', id)).toMatchObject({ id, imported: 0, skipped: 2 });
    expect(stepsIn(data, id)).toEqual(['Phones in', 'Logs the call']);
    // A longer list with the same two first, written differently (case, spaces): only the new step is made.
    const more = csv(data, 'more.csv', 'Lane,Stage,Step,Volume\ncustomer,ASK,  Phones   in ,10\nBack office,Ask,Logs the call,20\nBack office,Ask,Sends the invoice,20\n');
    expect(await run(more, '--data', data, '--session', id)).toMatchObject({ imported: 1, skipped: 2 });
    expect(stepsIn(data, id)).toEqual(['Phones in', 'Logs the call', 'Sends the invoice']);
    // A step of that title in another stage is another step.
    const elsewhere = csv(data, 'elsewhere.csv', 'Lane,Stage,Step\nCustomer,Pay,Phones in\n');
    expect(await run(elsewhere, '--data', data, '--session', id)).toMatchObject({ imported: 1, skipped: 0 });
    // Asked to, it adds them anyway.
    expect(await run(file, '--data', data, '--session', id, '--add-again')).toMatchObject({ imported: 2, skipped: 0 });
    expect(stepsIn(data, id).filter((t) => t === 'Logs the call')).toHaveLength(2);
  });

  it('issue 19: our own XLSX with a volume changed in Excel, imported back into its session: the step takes the new figure (--matched update, the default), a blank cell clears its figure; --matched skip leaves them', async () => {
    const data = tempDir();
    const made = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info', '--template', 'sample-info-request');
    const file = path.join(data, 'costs.xlsx');
    expect((await cliHere('export', made.id, '--data', data, '--format', 'xlsx', '--out', file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Steps')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    const rowOf = (title: string) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(col('Step')).value === title)!;
    const figureOf = (title: string, field: 'volume' | 'unitCents') =>
      withStore(data, (s) => ([...readBoard(loadBoard(s, made.id)).elements.values()].find((e) => e.kind === 'step' && e.title === title) as Step)[field]);
    const before = figureOf('Sales call', 'volume');
    expect(before).toBe(8000);
    rowOf('Sales call').getCell(col('Volume per year')).value = 9000;
    rowOf('Lead lands in CRM queue').getCell(col('Unit cost (USD)')).value = null;
    await wb.xlsx.writeFile(file);
    const copy = path.join(data, 'copy.xlsx');
    fs.copyFileSync(file, copy);
    expect(await run(copy, '--data', data, '--session', made.id, '--matched', 'skip')).toMatchObject({ imported: 0, updated: 0 });
    expect(figureOf('Sales call', 'volume')).toBe(8000);
    const done = await run(file, '--data', data, '--session', made.id);
    expect(done).toMatchObject({ imported: 0, updated: 2 });
    expect(figureOf('Sales call', 'volume')).toBe(9000);
    expect(figureOf('Lead lands in CRM queue', 'unitCents')).toBeNull();
    // Exported again and imported back: nothing differs now. (The edited file itself still has the to-be's old
    // figures, which the scenario no longer uses: it follows the steps' new ones; imported again, they are listed.)
    const fresh = path.join(data, 'again.xlsx');
    expect((await cliHere('export', made.id, '--data', data, '--format', 'xlsx', '--out', fresh)).code).toBe(0);
    expect(await run(fresh, '--data', data, '--session', made.id)).toMatchObject({ imported: 0, updated: 0 });
    const bad = await run(file, '--data', data, '--session', made.id, '--matched', 'replace').catch((x: unknown) => x);
    expect((bad as CliError).message).toMatch(/^--matched must be skip, update or add; got 'replace'/);
  });

  it('issue 19: our own XLSX with a to-be unit cost changed on its scenario sheet, a locked step’s volume and an untitled card: the override written with the update, the locked step named and left whole, the untitled row no bad row', async () => {
    const data = tempDir();
    const made = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info', '--template', 'sample-info-request');
    // On the board: “Compares offers” locked, and a step placed and never named.
    withStore(data, (s) => {
      const doc = loadBoard(s, made.id);
      const before = Y.encodeStateVector(doc);
      const offers = [...readBoard(doc).elements.values()].find((e) => e.kind === 'step' && e.title === 'Compares offers')!.id;
      setLocked.run(doc, { ids: [offers], locked: true }, { origin: 'test', now: 1 });
      addStep.run(doc, { x: 5000, y: 5000 }, { origin: 'test', now: 1 });
      s.updates.append(made.id, Y.encodeStateAsUpdate(doc, before));
    });
    const file = path.join(data, 'costs.xlsx');
    expect((await cliHere('export', made.id, '--data', data, '--format', 'xlsx', '--out', file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cellOf = (ws: ExcelJS.Worksheet, title: string, column: string) => {
      const header = (ws.getRow(1).values as unknown[]).map(String);
      return ws
        .getRows(2, ws.rowCount - 1)!
        .find((r) => r.getCell(header.indexOf('Step')).value === title)!
        .getCell(header.indexOf(column));
    };
    cellOf(
      wb.worksheets.find((w) => w.name.startsWith('To-be'))!,
      'Sales call',
      'Unit cost (USD)',
    ).value = 35;
    cellOf(wb.getWorksheet('Steps')!, 'Compares offers', 'Volume per year').value = 7000;
    await wb.xlsx.writeFile(file);
    const done = await run(file, '--data', data, '--session', made.id);
    expect(done).toMatchObject({ imported: 0, updated: 1, locked: ['Compares offers'], badRows: [] });
    expect(done.read).toMatch(/a step without a title, kept as an untitled step/);
    const board = withStore(data, (s) => loadBoard(s, made.id));
    const byTitle = (title: string) => [...readBoard(board).elements.values()].find((e): e is Step => e.kind === 'step' && e.title === title)!;
    expect(readScenarios(board)[0].overrides[byTitle('Sales call').id]).toEqual({ unitCents: 3500 });
    expect(byTitle('Compares offers').volume).toBe(8000);
    expect([...readBoard(board).elements.values()].filter((e) => e.kind === 'step' && e.title === '')).toHaveLength(1);
    // The same file again: nothing differs but the locked step.
    expect(await run(file, '--data', data, '--session', made.id)).toMatchObject({ updated: 0, locked: ['Compares offers'] });
  });

  it('issue 19: the cost table of a de-DE board is written for German Excel (“;” between fields, decimal commas) and imports back with the same steps and totals, into a de-DE or an en-US session', async () => {
    const data = tempDir();
    const made = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Infoanfrage', '--template', 'sample-info-request', '--locale', 'de-DE');
    const file = path.join(data, 'kosten.csv');
    expect((await cliHere('export', made.id, '--data', data, '--format', 'csv', '--out', file)).code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^Lane;Stage;Step;Owner;Value class;Volume per year;Cost mode;Unit cost \(EUR\);/);
    // The sample's $1,476,000 a year, as German Excel reads a number.
    expect(text).toMatch(/^Total;(;){10}1476000,00;/m);
    const asMade = withStore(data, (s) => costReport(loadBoard(s, made.id), made.id));
    const titles = stepsIn(data, made.id);
    // Into a new session: found German, the same steps and the same money.
    const back = await run(file, '--data', data, '--new', '--title', 'Zurück');
    expect(back).toMatchObject({ locale: 'de-DE', skipped: 0 });
    expect(stepsIn(data, back.id as string).sort()).toEqual(titles.sort());
    const report = withStore(data, (s) => costReport(loadBoard(s, back.id as string), back.id as string));
    expect([report.total, report.missing]).toEqual([asMade.total, asMade.missing]);
    // Into an en-US session: the file's numbers are still found German, the money the same.
    const us = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--locale', 'en-US');
    expect(await run(file, '--data', data, '--session', us.id)).toMatchObject({ locale: 'de-DE', imported: back.imported });
    expect(withStore(data, (s) => costReport(loadBoard(s, us.id), us.id)).total).toBe(asMade.total);
  });

  it('issue 19: brownpaper session create --locale de-DE makes a session whose numbers are German', async () => {
    const data = tempDir();
    const r = await cliHere('session', 'create', '--data', data, '--title', 'Kosten', '--locale', 'de-DE');
    expect(r.stderr).toBe('');
    const session = JSON.parse(r.stdout) as { id: string; locale: string };
    expect(session.locale).toBe('de-DE');
    expect(withStore(data, (s) => loadBoard(s, session.id).getMap('meta').get('locale'))).toBe('de-DE');
    // …and counts in euros, as a German team does (it was priced in dollars: "0,00 $/yr"); --currency says otherwise.
    expect(withStore(data, (s) => loadBoard(s, session.id).getMap('meta').get('currency'))).toBe('EUR');
    const dollars = await cliHereAnswer<{ id: string; currency: string }>('session', 'create', '--data', data, '--title', 'Kosten', '--locale', 'de-DE', '--currency', 'usd');
    expect(withStore(data, (s) => loadBoard(s, dollars.id).getMap('meta').get('currency'))).toBe('USD');
    const wrong = await cliHere('session', 'create', '--data', data, '--title', 'Kosten', '--currency', 'EURO');
    expect([wrong.code, wrong.stderr]).toEqual([2, "brownpaper: --currency must be an ISO 4217 code like EUR or USD; got 'EURO' (see: brownpaper help)\n"]);
  });

  it('the real binary: usage and a refused file are one line on stderr with the CLI’s exit codes', () => {
    const data = tempDir();
    const usage = cli('import-steps', 'x.csv', '--data', data);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('brownpaper: import-steps needs --session <id> or --new --title <t> (see: brownpaper help)\n');
    const png = path.join(data, 'photo.csv');
    fs.writeFileSync(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const refused = cli('import-steps', png, '--data', data, '--new', '--title', 'T');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('brownpaper: photo.csv: a picture (PNG), not a spreadsheet; open the list in its spreadsheet and save it as .xlsx or CSV\n');
    // A folder or a name mistyped: said in words, not as the system's EISDIR or ENOENT.
    expect(cli('import-steps', data, '--data', data, '--new', '--title', 'T').stderr).toBe(`brownpaper: cannot read ${data}: it is a folder, not a file\n`);
    expect(cli('import-steps', path.join(data, 'steps.cvs'), '--data', data, '--new', '--title', 'T').stderr).toBe(`brownpaper: cannot read ${path.join(data, 'steps.cvs')}: there is no such file\n`);
  });
});
