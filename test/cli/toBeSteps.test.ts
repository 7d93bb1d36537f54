import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cliHere, cliHereAnswer } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';

it('brownpaper cost counts a step that exists only in a to-be in that scenario only', async () => {
  const data = tempDir();
  const out = tempDir();
  const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
  const file = path.join(out, 'board.json');
  await cliHere('export', s.id, '--data', data, '--format', 'json', '--out', file);
  // The to-be adds a self-service page: 80,000 visits at $0.50, $40,000.00 a year.
  const board = JSON.parse(fs.readFileSync(file, 'utf8'));
  const call = board.elements.find((e: { title?: string }) => e.title?.startsWith('Call-centre'));
  board.elements.push({
    ...call,
    id: 'selfServicePage00000001',
    title: 'Self-service page',
    volume: 80_000,
    unitCents: 50,
    waitMinutes: null,
    processMinutes: null,
    scenarioId: board.scenarios[0].id,
  });
  fs.writeFileSync(file, JSON.stringify(board));
  const imported = await cliHereAnswer<{ id: string }>('import', file, '--data', data);
  const report = await cliHereAnswer<{ total: string; missing: number; scenarios: { total: string; savings: string }[] }>('cost', imported.id, '--data', data, '--json');
  expect(report.total).toBe('1476000.00');
  expect(report.missing).toBe(0);
  // $876,000.00 + $40,000.00; the saving $600,000.00 − $40,000.00
  expect(report.scenarios[0]).toMatchObject({ total: '916000.00', savings: '560000.00' });
});
