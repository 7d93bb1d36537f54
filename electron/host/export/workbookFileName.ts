/**
 * The cost workbook's file name from the session's title, as the app names its other exports
 * ("Order-to-cash-costs.xlsx"): letters, digits, spaces, _ and - kept (any script), spaces as
 * dashes, nothing that could be a path or break a header.
 */
export function workbookFileName(title: string): string {
  const safe =
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 100) || 'board';
  return `${safe}-costs.xlsx`;
}

/** A Content-Disposition header for a download: an ASCII name for old clients, the UTF-8 name (RFC 5987) for the rest. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
