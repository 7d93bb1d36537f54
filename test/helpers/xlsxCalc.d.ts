// xlsx-calc ships no types: the one call the tests make, computing every formula of a SheetJS workbook in place.
declare module 'xlsx-calc' {
  import type { WorkBook } from 'xlsx';
  const XLSX_CALC: (workbook: WorkBook, options?: { continue_after_error?: boolean }) => void;
  export default XLSX_CALC;
}
