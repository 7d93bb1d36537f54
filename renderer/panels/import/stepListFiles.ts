/**
 * The files a step list may be chosen or dropped as, for the import dialog and the start screen's
 * "New session from a spreadsheet…". An .ods is listed although the host refuses it: refused by name
 * ("save it as .xlsx or CSV"), the person learns what to do; left out, its list showed no file at all
 * until "All files" was picked.
 */
export const STEP_LIST_FILES = [
  '.csv',
  '.xlsx',
  '.ods',
  '.tsv',
  '.txt',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.spreadsheet',
].join(',');

/** A drag that carries files (not text or a link dragged from the page). */
export const carriesFiles = (e: { dataTransfer: DataTransfer | null }) => !!e.dataTransfer?.types.includes('Files');
