import { fetchFile } from '../api/client';
import { useUi } from '../state/uiStore';

/**
 * The cost workbook (XLSX with live formulas) comes from the host, which writes it with exceljs
 * from the board as it is now (electron/host/export/costWorkbook.ts); the other exports are made
 * here from the window's own copy of the board (exportFile.ts).
 */
export async function workbookFromHost(): Promise<{ name: string; blob: Blob }> {
  const access = useUi.getState().access;
  if (!access) throw new Error('The spreadsheet is made by the Brownpaper host this board is on, and this window has no link to it.');
  return fetchFile('costWorkbook', access);
}
