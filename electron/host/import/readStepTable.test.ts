import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readStepTable } from './readStepTable.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function workbook(fill: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('reading a step list file', () => {
  it('CSV with commas, semicolons (de-DE Excel) or tabs, with or without a UTF-8 BOM', async () => {
    for (const [sep, bom] of [
      [',', ''],
      [';', '\uFEFF'],
      ['\t', ''],
    ]) {
      const t = await readStepTable(utf8(`${bom}Step${sep}Unit cost\r\nÄnderung prüfen${sep}"1.234,50"\r\n`), 'steps.csv');
      expect(t.rows).toEqual([
        ['Step', 'Unit cost'],
        ['Änderung prüfen', '1.234,50'],
      ]);
    }
  });

  it('a CSV saved by Excel on western Windows (Windows-1252) reads its umlauts', async () => {
    const bytes = new Uint8Array([...utf8('Step;Owner\r\nPr'), 0xfc, ...utf8('fen;M'), 0xfc, ...utf8('ller\r\n')]);
    expect((await readStepTable(bytes, 'steps.csv')).rows[1]).toEqual(['Prüfen', 'Müller']);
  });

  it('XLSX: numbers stay numbers, text stays text, a formula stays a formula (never computed); the first sheet or a chosen one', async () => {
    const bytes = await workbook((b) => {
      const notes = b.addWorksheet('Notes');
      notes.addRow(['nothing here']);
      const s = b.addWorksheet('Steps');
      s.addRow(['Step', 'Unit cost', 'Volume', 'First time right']);
      s.addRow(['Phones in', 1234.5, '1.200', 0.925]);
      s.getCell('D2').numFmt = '0.0%';
      s.addRow([{ formula: 'HYPERLINK("http://evil","click")', result: 'click' }, 3, 4]);
    });
    const first = await readStepTable(bytes, 'steps.xlsx');
    expect(first).toMatchObject({ sheet: 'Notes', sheets: ['Notes', 'Steps'] });
    const t = await readStepTable(bytes, 'steps.xlsx', 'Steps');
    expect(t.rows[1]).toEqual(['Phones in', 1234.5, '1.200', 92.5]);
    expect(t.rows[2][0]).toEqual({ formula: 'HYPERLINK("http://evil","click")', result: 'click' });
    await expect(readStepTable(bytes, 'steps.xlsx', 'Costs')).rejects.toThrow('steps.xlsx: no sheet “Costs”; it has “Notes”, “Steps”');
  });

  it('issue 19: XLSX: a formula keeps the result Excel saved with it (read, never computed); one never saved has none', async () => {
    const bytes = await workbook((b) => {
      const s = b.addWorksheet('Steps');
      s.addRow(['Step', 'Volume', 'Twice']);
      s.addRow(['Phones in', 1200, { formula: 'B2*2', result: 2400 }]);
      s.addRow(['Logs it', 5, { formula: 'B3*2' }]);
    });
    const t = await readStepTable(bytes, 'steps.xlsx');
    expect(t.rows[1][2]).toEqual({ formula: 'B2*2', result: 2400 });
    expect(t.rows[2][2]).toEqual({ formula: 'B3*2' });
  });

  // The bombs are just over the limits they trip (50 MB unpacked; 100 times a part's packed size
  // above 1 MB): packing 420 MB of zeros cost 10 of this file's 13 s of CPU.
  it('refuses a zip bomb from its directory, before unpacking: 60 MB of zeros', async () => {
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const bomb = zipSync({ '[Content_Types].xml': utf8('<Types/>'), 'xl/worksheets/sheet1.xml': zeros }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readStepTable(bomb, 'bomb.xlsx')).rejects.toThrow(/^bomb\.xlsx: unpacks to 60 MB \(a zip bomb\?\); the most is 50 MB$/);
    // Small enough in total, but one part far too compressed.
    const dense = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(2 * 1024 * 1024) }, { level: 1 });
    await expect(readStepTable(dense, 'dense.xlsx')).rejects.toThrow(/^dense\.xlsx: xl\/worksheets\/sheet1\.xml unpacks to \d+ times its size \(a zip bomb\?\); the most is 100$/);
  });

  it('refuses a zip whose directory and local headers understate its sizes: 60 MB of zeros said to be 1 KB', async () => {
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const liar = zipSync({ '[Content_Types].xml': utf8('<Types/>'), 'xl/worksheets/sheet1.xml': zeros }, { level: 1 });
    // The sheet's uncompressed size, written as 1,024 in its local header (offset 22) and its central directory entry (offset 24).
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    let lied = 0;
    for (let at = 0; at < liar.length - 4; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x04034b50 && view.getUint32(at + 22, true) === zeros.length) (view.setUint32(at + 22, 1024, true), lied++);
      if (sig === 0x02014b50 && view.getUint32(at + 24, true) === zeros.length) (view.setUint32(at + 24, 1024, true), lied++);
    }
    expect(lied).toBe(2);
    await expect(readStepTable(liar, 'liar.xlsx')).rejects.toThrow(/^liar\.xlsx: xl\/worksheets\/sheet1\.xml unpacks to more than 100 times its size though its directory says 1 KB \(a zip bomb\?\)$/);
  }, 60_000);

  it('refuses 100,001 rows and takes 100,000', async () => {
    const rows = (n: number) => utf8(`Step\n${Array.from({ length: n }, (_, i) => `s${i}`).join('\n')}\n`);
    await expect(readStepTable(rows(100_001), 'long.csv')).rejects.toThrow('long.csv: 100,001 rows; the most is 100,000');
    expect((await readStepTable(rows(100_000), 'long.csv')).rows).toHaveLength(100_001);
  });

  it('refuses what is neither CSV nor XLSX, and an old .xls', async () => {
    await expect(readStepTable(new Uint8Array([0x01, 0x02, 0, 0, 0x03]), 'data.bin')).rejects.toThrow('data.bin: not a CSV or XLSX file; open the list in its spreadsheet and save it as .xlsx or CSV');
    await expect(readStepTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).rejects.toThrow('old.xls: an old Excel file (.xls); save it as .xlsx or CSV');
  });

  // Each was read as a CSV and came back "no steps to import: the table has no rows under its headers".
  it('issue 19: a text file named .xlsx, a saved web page, an empty file, a PDF and a picture: each one line saying what it is and what to do', async () => {
    const said = async (bytes: Uint8Array, name: string) =>
      (await readStepTable(bytes, name).then(
        () => 'read',
        (e: Error) => e.message,
      )) as string;
    expect(await said(utf8('Lane;Stage;Step\r\nVertrieb;Anfrage;Angebot schreiben\r\n'), 'Prozesse.xlsx')).toBe(
      'Prozesse.xlsx: text, not a workbook, though named .xlsx (a CSV renamed?); rename it .csv, or open the list in its spreadsheet and save it as .xlsx or CSV',
    );
    expect(await said(utf8('\uFEFF  \r\n<!DOCTYPE html>\n<html><body><table><tr><td>Step</td></tr></table></body></html>'), 'Export.xlsx')).toBe(
      'Export.xlsx: a web page (HTML), not a workbook; open it in Excel or LibreOffice and save it as .xlsx or CSV',
    );
    expect(await said(utf8('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><table>'), 'steps.csv')).toMatch(/^steps\.csv: a web page \(HTML\), not a workbook/);
    expect(await said(utf8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'), 'steps.xls')).toBe(
      'steps.xls: an Excel 2003 XML file, not a workbook; open it in Excel and save it as .xlsx or CSV',
    );
    for (const name of ['leer.xlsx', 'leer.csv']) expect(await said(new Uint8Array(0), name)).toBe(`${name}: empty (0 bytes): there is nothing in it to import`);
    expect(await said(utf8('\r\n  \r\n'), 'blank.csv')).toBe('blank.csv: only blank lines: there is nothing in it to import');
    const pdf = utf8('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    for (const name of ['Kosten.xlsx', 'Kosten.csv']) {
      expect(await said(pdf, name)).toBe(`${name}: a PDF, not a spreadsheet; open the list in its spreadsheet and save it as .xlsx or CSV`);
      expect(await said(png, name)).toBe(`${name}: a picture (PNG), not a spreadsheet; open the list in its spreadsheet and save it as .xlsx or CSV`);
    }
    const docx = zipSync({ '[Content_Types].xml': utf8('<Types/>'), 'word/document.xml': utf8('<w:document/>') });
    expect(await said(docx, 'Ablauf.xlsx')).toBe('Ablauf.xlsx: a Word document (.docx), not a workbook; open the list in its spreadsheet and save it as .xlsx or CSV');
    expect(await said(zipSync({ 'notes.txt': utf8('x') }), 'Archiv.xlsx')).toMatch(/^Archiv\.xlsx: a zip archive, not a workbook; /);
    // A CSV is still a CSV under its own name, as is text named .txt or .tsv.
    for (const name of ['steps.csv', 'steps.txt', 'steps.tsv']) expect(await said(utf8('Step\nA\n'), name)).toBe('read');
  });

  it('refuses LibreOffice’s own .ods by name, not as "a workbook with no sheets"', async () => {
    // As LibreOffice writes it: a zip whose first part, stored, is "mimetype" saying what it is.
    const ods = zipSync({ mimetype: [utf8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': utf8('<office:document-content/>') });
    await expect(readStepTable(ods, 'Prozesse 2025.ods')).rejects.toThrow('Prozesse 2025.ods: a LibreOffice spreadsheet (.ods); save it as .xlsx or CSV (File ▸ Save As…)');
  });
});
