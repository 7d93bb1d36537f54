import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hostPerTest, storedDoc } from '../helpers/host.js';
import { readBoard } from '../../shared/model/board.js';

// The import dialog's route on the real host: a file's bytes in, its table out, nothing written.
const t = hostPerTest();

function upload(body: Uint8Array | string, token: string | null, query = '') {
  return fetch(`${t.host().url}/api/sessions/${t.seed().session.id}/step-list${query}`, {
    method: 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/octet-stream' },
    body,
  });
}

describe('POST /api/sessions/:id/step-list', () => {
  it('reads a CSV for the facilitator into a table of cells, and writes nothing to the board', async () => {
    const before = readBoard(storedDoc(t.host(), t.seed().session.id)).elements.size;
    const res = await upload('Step;Unit cost\r\nPhones in;"1.234,50"\r\n', t.seed().tokens.facilitator, '?name=steps.csv');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sheet: '',
      sheets: [],
      rows: [
        ['Step', 'Unit cost'],
        ['Phones in', '1.234,50'],
      ],
    });
    expect(readBoard(storedDoc(t.host(), t.seed().session.id)).elements.size).toBe(before);
  });

  it('reads the sheet asked for from an XLSX, numbers as numbers and formulas as formulas with the result Excel saved (never computed here)', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Cover').addRow(['Our process']);
    const s = book.addWorksheet('Steps');
    s.addRow(['Step', 'Volume']);
    s.addRow([{ formula: 'HYPERLINK("http://evil","x")', result: 'x' }, 1200]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const res = await upload(bytes, t.seed().tokens.facilitator, '?name=steps.xlsx&sheet=Steps');
    expect(await res.json()).toEqual({
      sheet: 'Steps',
      sheets: ['Cover', 'Steps'],
      rows: [
        ['Step', 'Volume'],
        [{ formula: 'HYPERLINK("http://evil","x")', result: 'x' }, 1200],
      ],
    });
  });

  it('refuses a participant, a file that is neither CSV nor XLSX (400 with one line), and over 10 MB (413)', async () => {
    expect((await upload('Step\nA\n', t.seed().tokens.participant)).status).toBe(403);
    const bad = await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), t.seed().tokens.facilitator, '?name=photo.png');
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'photo.png: a picture (PNG), not a spreadsheet; open the list in its spreadsheet and save it as .xlsx or CSV' }]);
    const big = await upload(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), t.seed().tokens.facilitator, '?name=big.csv');
    expect([big.status, await big.json()]).toEqual([413, { error: 'the file is over 10 MB; the most is 10 MB' }]);
  });
});
