/**
 * OWASP's guard against CSV injection, for every text we write into a spreadsheet (the cost
 * table's CSV and the XLSX workbook): a text that starts with = + - @, a tab or a carriage
 * return is read by Excel, LibreOffice and Google Sheets as a formula when the file is opened
 * or a cell is pasted (`=HYPERLINK(…)` phones home, `=cmd|' /C calc'!A0` runs a program). A
 * leading apostrophe makes it plain text there, and says to a reader that the text was guarded.
 * Numbers are not texts: a saving of -12.50 stays a number.
 */
// A text that starts with our guard already ('=…) is guarded too, so an import, which takes one apostrophe off (unneutralise), gives it back as it was.
const formulaStart = /^'?[=+\-@\t\r]/;

/** The text as a spreadsheet may show it safely: prefixed with ' when it could be read as a formula. */
export function neutralise(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** A plain decimal as our spreadsheets write figures ("-12.50", "600000.00"; "-12,50" on a de-DE board): a number, not a text to guard. */
const plainNumber = /^-?\d+([.,]\d+)?$/;

/** A CSV field's content: a plain number as it is, any other text neutralised. */
export function neutraliseField(value: string): string {
  return plainNumber.test(value) ? value : neutralise(value);
}

/**
 * A text our own export guarded, as it was before: the one apostrophe `neutralise` put before
 * = + - @, a tab or a carriage return taken off again, so `'=HYPERLINK(…)` imports back as the
 * title it was (still text, never evaluated) and matches its step. Any other text as it is.
 */
export function unneutralise(text: string): string {
  return /^''?[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
