import type { LedgerRow } from './ledgerRows';

/**
 * A sorted ledger holds its rows' order while the person works in it (issue 19). Sorted by
 * Volume, a volume typed and finished with Enter would send its row to its new sorted place at
 * once, and the cursor going down with it (or to a row that is now somewhere else): the
 * person's eyes lose both. Spreadsheets sort once, when asked; Airtable and Notion keep an edited
 * row where it is until the view is refreshed. We do as they do, for every row: while the
 * keyboard is in the table, the rows stay in the order they had when it came in — whoever's edit
 * would re-sort them, so a colleague's figure moves nothing under the cursor either — and they
 * take their sorted places when the person leaves the table (a click on the board, the bar…) or
 * clicks a header to sort again. Someone watching (the keyboard elsewhere, a projector) sees the
 * table re-sort live; the cursor is a step and a column, so it stays on its step either way.
 *
 * Groups stay live (a card moved to another lane goes to that lane's group); inside a group the
 * held steps keep their order and a step the table had not held (added, or moved into the group
 * meanwhile) comes after them, in its sorted order.
 */
export function inHeldOrder(rows: LedgerRow[], held: readonly string[]): { rows: LedgerRow[]; moved: boolean } {
  const place = new Map(held.map((id, i) => [id, i]));
  const out: LedgerRow[] = [];
  let moved = false;
  for (let i = 0; i < rows.length;) {
    if (rows[i].kind === 'group') {
      out.push(rows[i++]);
      continue;
    }
    let end = i;
    while (end < rows.length && rows[end].kind === 'step') end++;
    const run = rows.slice(i, end) as Extract<LedgerRow, { kind: 'step' }>[];
    const kept = run.filter((r) => place.has(r.step.id)).sort((a, b) => place.get(a.step.id)! - place.get(b.step.id)!);
    const ordered = kept.length === run.length ? kept : [...kept, ...run.filter((r) => !place.has(r.step.id))];
    if (!moved && ordered.some((r, k) => r !== run[k])) moved = true;
    out.push(...ordered);
    i = end;
  }
  return moved ? { rows: out, moved } : { rows, moved };
}
