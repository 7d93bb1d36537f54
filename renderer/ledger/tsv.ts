/**
 * Tab-separated text as spreadsheets put it on the clipboard (Excel, LibreOffice Calc, Google
 * Sheets): rows end in CRLF or LF, usually one after the last row too; a cell holding a tab, a
 * line break or a quote is wrapped in quotes with its quotes doubled. A quote only opens a quoted
 * cell at the cell's start: `5" screen` is read as typed, as the spreadsheets read it.
 */

/** The rectangle of cells a clipboard's text holds ([] for empty text); short rows are padded with ''. */
export function readTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  let atCellStart = true;
  while (i < text.length) {
    const c = text[i];
    if (atCellStart && c === '"') {
      // A quoted cell: up to the quote that is not doubled; what follows it up to the tab is kept as typed.
      i++;
      for (;;) {
        if (i >= text.length) break;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
      atCellStart = false;
      continue;
    }
    atCellStart = false;
    if (c === '\t') {
      endCell();
      atCellStart = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      atCellStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  // The last row, unless the text ended with its line break (as spreadsheets end it).
  if (!atCellStart || cell !== '' || row.length > 0) endRow();
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}

/** A rectangle of cells as a spreadsheet writes it to the clipboard: CRLF after every row, awkward cells quoted. */
export function writeTsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[\t\r\n"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => `${r.map(cell).join('\t')}\r\n`).join('');
}
