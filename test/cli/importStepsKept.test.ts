import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseReport } from '../../electron/cli/caseCommand.js';
import { CliError } from '../../electron/cli/errors.js';
import { loadBoard } from '../../electron/cli/exchangeCommands.js';
import { importStepsCommand } from '../../electron/cli/importStepsCommand.js';
import { openStore } from '../../electron/host/store/store.js';
import { readBoard, readMeta } from '../../shared/model/board.js';
import { boardTime } from '../../shared/model/boardTime.js';
import { readScenarios } from '../../shared/model/scenario.js';
import type { Step } from '../../shared/model/step.js';
import { cliHere, cliHereAnswer } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';

// Issue 19: an import never drops rows or scenarios quietly. Real files in temp dirs, the CLI in-process
// (as importSteps.test.ts), our own exports made by the real CLI.

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
/** `brownpaper case --json` without what differs by nature between two sessions (ids). */
const caseOf = (data: string, id: string) =>
  withStore(data, (s) => {
    const { sessionId: _, scenarios, ...rest } = caseReport(loadBoard(s, id), id);
    return { ...rest, scenarios: scenarios.map(({ id: _id, ...sc }) => sc) };
  });

const title200 = 'Very long title '.repeat(13).slice(0, 200);

describe('issue 19: brownpaper import-steps says what it read and leaves nothing out quietly', () => {
  it('a blank row in the middle no longer ends the list: the rows under it are read, a formula among them refused by row and column', async () => {
    const data = tempDir();
    const file = path.join(data, 'de.csv');
    fs.writeFileSync(
      file,
      `Lane;Stage;Title;Volume;Unit cost\nCustomer;Ask;Fills in form;40.000;0,40\nFrontstage;Wait;Answers call;100.000;6,00\n;;;;\nBackstage;Follow-up;${title200};1.234;1.234,50\nSupport;Decide;=HYPERLINK("http://x","y");8.000;45\n`,
    );
    const e = await run(file, '--data', data, '--new', '--title', 'Tryout').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).message).toBe('de.csv: row 6, Title: a formula is not taken as text: =HYPERLINK("http://x","y"); put the text itself in the cell — fix the file, or pass --skip-bad-rows');
    const done = await run(file, '--data', data, '--new', '--title', 'Tryout', '--skip-bad-rows');
    expect(done).toMatchObject({ imported: 3, read: 'read rows 2–6 (row 4 blank, skipped)', badRows: [6] });
    expect(stepsIn(data, done.id as string)).toEqual(['Fills in form', 'Answers call', title200]);
  });

  for (const [format, locale] of [
    ['csv', 'en-US'],
    ['csv', 'de-DE'],
  ]) {
    it(`our own ${format} export of the sample (${locale}) into a new session: the to-be scenario comes back with its figures, the business case the same`, async () => {
      const data = tempDir();
      const made = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request', '--locale', locale);
      const file = path.join(data, `sample.${format}`);
      expect((await cliHere('export', made.id, '--data', data, '--format', format, '--out', file)).code).toBe(0);
      const back = await run(file, '--data', data, '--new', '--title', 'Back');
      expect(back.scenariosCreated).toEqual(['To-be: brochure in 2 days']);
      expect(stepsIn(data, back.id as string).sort()).toEqual(stepsIn(data, made.id).sort());
      expect(caseOf(data, back.id as string)).toEqual(caseOf(data, made.id));
      expect(back.read).toMatch(/^read rows 2–\d+ \(row \d+ a total, skipped\); rows \d+–\d+ are more tables \(The map; The business case\) and were not imported$/);
    });
  }

  for (const locale of ['en-US', 'de-DE'])
    it(`issue 19: our own XLSX of the sample (${locale}) into a new session: its scenario sheet and business case read, the same steps, scenario, business case and lead times, the board's number format and currency kept`, async () => {
      const data = tempDir();
      const made = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request', '--locale', locale);
      const file = path.join(data, 'sample.xlsx');
      expect((await cliHere('export', made.id, '--data', data, '--format', 'xlsx', '--out', file)).code).toBe(0);
      const back = await run(file, '--data', data, '--new', '--title', 'Back');
      expect(back).toMatchObject({ sheet: 'Steps', sheetsNotRead: [], scenariosCreated: ['To-be: brochure in 2 days'], locale });
      expect(stepsIn(data, back.id as string).sort()).toEqual(stepsIn(data, made.id).sort());
      expect(caseOf(data, back.id as string)).toEqual(caseOf(data, made.id));
      const times = (id: string) =>
        withStore(data, (s) => {
          const doc = loadBoard(s, id);
          return readScenarios(doc).map((sc) => [sc.name, boardTime(readBoard(doc).elements.values(), sc).lead.leadMinutes]);
        });
      expect(times(back.id as string)).toEqual(times(made.id));
      const meta = (id: string) => withStore(data, (s) => readMeta(loadBoard(s, id)));
      expect(meta(back.id as string)).toMatchObject({ locale: meta(made.id)!.locale, currency: meta(made.id)!.currency });
    });

  it('into an existing session, a scenario the board lacks is made, and the JSON says so', async () => {
    const data = tempDir();
    const made = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Plain', '--template', 'blank');
    const file = path.join(data, 'steps.csv');
    fs.writeFileSync(file, 'Lane,Stage,Step,Volume,Unit cost,Lean: volume,Lean: unit cost\nCustomer,Ask,Phones in,100,2.00,50,2.00\n');
    const done = await run(file, '--data', data, '--session', made.id);
    expect(done).toMatchObject({ imported: 1, scenariosCreated: ['Lean'] });
    expect(caseOf(data, made.id).scenarios).toMatchObject([{ name: 'Lean', savingPerPeriod: '100.00' }]);
  });
});
