import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { exportCommand } from '../../electron/cli/commands.js';
import { cliHereJson } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';

// In this process (the CLI's own command function): starting Node and the bundle per call is slow; test/cli/cli.test.ts runs the program itself.
async function brownpaperExport(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await exportCommand(argv, (line) => void lines.push(line));
  return lines;
}

it('brownpaper export --format xlsx writes the cost workbook with its formulas; an existing file needs --force', async () => {
  const data = tempDir();
  const s = cliHereJson<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
  const file = path.join(data, 'costs.xlsx');
  expect(await brownpaperExport(s.id, '--data', data, '--format', 'xlsx', '--out', file)).toEqual([JSON.stringify({ sessionId: s.id, format: 'xlsx', out: file })]);
  const wb = XLSX.read(fs.readFileSync(file), { cellFormula: true });
  expect(wb.SheetNames).toEqual(['Steps', 'To-be brochure in 2 days', 'Summary']);
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Steps);
  expect(rows).toHaveLength(13);
  expect(rows.at(-1)).toMatchObject({ Lane: 'Total', 'Period cost (USD)': 1_476_000 });
  const costColumn = Object.keys(wb.Sheets.Steps)
    .find((ref) => wb.Sheets.Steps[ref].v === 'Period cost (USD)')!
    .replace(/\d+$/, '');
  expect(wb.Sheets.Steps[`${costColumn}14`].f).toBe(`ROUND(SUM(${costColumn}2:${costColumn}13),2)`);
  await expect(brownpaperExport(s.id, '--data', data, '--format', 'xlsx', '--out', file)).rejects.toThrow(/exists; pass --force/);
  await expect(brownpaperExport(s.id, '--data', data, '--format', 'xls', '--out', file)).rejects.toThrow(/--format must be one of json, csv, svg, pdf, png, xlsx; got 'xls'/);
});
