import { describe, expect, it } from 'vitest';
import { readTsv, writeTsv } from './tsv';

describe('tab-separated text on the clipboard', () => {
  it('reads Excel’s block: CRLF rows with one after the last, cells with tabs, breaks and quotes quoted', () => {
    expect(readTsv('1.234,50\t4–8\r\n"two\r\nlines"\t"say ""hi"""\r\n')).toEqual([
      ['1.234,50', '4–8'],
      ['two\r\nlines', 'say "hi"'],
    ]);
  });

  it('reads LibreOffice’s and Google Sheets’ LF rows, with or without the last line break', () => {
    expect(readTsv('a\tb\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(readTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty cells and pads a short row; a lone value is a 1 × 1 block; nothing is no block', () => {
    expect(readTsv('\t5\r\n7\r\n')).toEqual([
      ['', '5'],
      ['7', ''],
    ]);
    expect(readTsv('42')).toEqual([['42']]);
    expect(readTsv('')).toEqual([]);
    expect(readTsv('\r\n')).toEqual([['']]);
  });

  it('reads a quote inside a cell as typed, as the spreadsheets do', () => {
    expect(readTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
  });

  it('writes what it reads back: CRLF after each row, quoting only cells that need it', () => {
    const block = [
      ['Check invoice', '1,234.50', ''],
      ['tab\there', 'line\nbreak', 'a "quote"'],
    ];
    const text = writeTsv(block);
    expect(text).toBe('Check invoice\t1,234.50\t\r\n"tab\there"\t"line\nbreak"\t"a ""quote"""\r\n');
    expect(readTsv(text)).toEqual(block);
  });
});
