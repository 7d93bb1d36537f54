import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBoard } from '../../electron/cli/exchangeCommands.js';
import { importStepsCommand } from '../../electron/cli/importStepsCommand.js';
import { openStore } from '../../electron/host/store/store.js';
import { readBoard } from '../../shared/model/board.js';
import type { Step } from '../../shared/model/step.js';
import { tempDir } from '../helpers/host.js';

// Issue 19, found trying it as a finance person: last year's German list, "Menge pro Jahr" over its
// volumes, imported with `brownpaper import-steps` — the steps came without volumes, the total 0 €,
// and nothing said a column had been left out. A real file in a temp dir, the CLI in-process.

async function run(...argv: string[]): Promise<Record<string, unknown>> {
  const lines: string[] = [];
  await importStepsCommand(argv, (l) => lines.push(l));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

function stepsIn(data: string, id: string): Step[] {
  const s = openStore(data, { create: false });
  try {
    return [...readBoard(loadBoard(s, id)).elements.values()].filter((e): e is Step => e.kind === 'step');
  } finally {
    s.close();
  }
}

describe('import-steps with last year’s German list', () => {
  it('reads "Menge pro Jahr" as the volume, and names a column it reads as nothing', async () => {
    const data = tempDir();
    const file = path.join(data, 'prozess.csv');
    fs.writeFileSync(file, 'Bereich;Phase;Schritt;Menge pro Jahr;Stückkosten (EUR);Bemerkung\nKunde;Anfrage;Formular ausfüllen;1.200;12,50;neu seit März\nVertrieb;Anfrage;Anruf;800;45,00;\n');
    const done = await run(file, '--data', data, '--new', '--title', 'Letztes Jahr');
    expect(done).toMatchObject({ imported: 2, locale: 'de-DE', columnsNotRead: ['Bemerkung'] });
    const steps = stepsIn(data, done.id as string);
    expect(steps.map((s) => [s.title, s.volume, s.unitCents])).toEqual([
      ['Formular ausfüllen', 1200, 1250],
      ['Anruf', 800, 4500],
    ]);
  });
});
