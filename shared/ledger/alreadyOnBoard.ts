import type { BoardElement } from '../model/board.js';
import type { Step } from '../model/step.js';

/**
 * The rows of an import that are steps the board already has: the same lane, stage and title
 * (each trimmed, its spaces run together, any case — as an import finds lanes and stages by
 * name). Importing the same file twice added every step twice without a word (issue 19); the
 * dialog and `brownpaper import-steps` now say how many are on the board already, and which of
 * them the file gives other figures (importPlan.ts `updates`), and skip them, update their
 * figures from the file or add them anyway, as asked. A step that exists only in a to-be counts: it is on the board.
 */

/** A step's place and title as compared. */
const keyOf = (lane: string, stage: string, title: string) => [lane, stage, title].map((t) => t.trim().replace(/\s+/g, ' ').toLocaleLowerCase()).join('\u0000');

/**
 * The board's step each planned step matches, by file row: the same lane, stage and title, the
 * n-th such row of the file with the n-th such step in ledger order (a file with a step twice in
 * one cell matches both, and a third is new).
 */
export function matchOnBoard<S extends { row: number; lane: string; stage: string; fields: Record<string, unknown> }>(
  steps: readonly S[],
  boardSteps: readonly Step[],
  elements: ReadonlyMap<string, BoardElement>,
): Map<number, Step> {
  const name = (id: string | null) => (id ? ((elements.get(id) as { name?: string } | undefined)?.name ?? '') : '');
  const have = new Map<string, Step[]>();
  for (const e of boardSteps) {
    const key = keyOf(name(e.laneId), name(e.stageId), e.title);
    have.set(key, [...(have.get(key) ?? []), e]);
  }
  const out = new Map<number, Step>();
  if (have.size === 0) return out;
  const taken = new Map<string, number>();
  for (const s of steps) {
    const key = keyOf(s.lane, s.stage, String(s.fields.title ?? ''));
    const n = taken.get(key) ?? 0;
    const match = have.get(key)?.[n];
    if (!match) continue;
    taken.set(key, n + 1);
    out.set(s.row, match);
  }
  return out;
}

/** "12 of these steps are already on the board" */
export function alreadyOnBoardLine(count: number, of: number): string {
  const all = count === of;
  if (all) return count === 1 ? 'This step is already on the board' : `All ${count} of these steps are already on the board`;
  return `${count} of these ${of} steps ${count === 1 ? 'is' : 'are'} already on the board`;
}

/** "Sales call: Volume per year 8.000 → 9.000, …, and 3 more": a plan's differences in a line, the first few. */
export function differencesLine(updates: readonly { title: string; changes: readonly { column: string; from: string; to: string }[] }[], shown = 3): string {
  const all = updates.flatMap((u) => u.changes.map((c) => `${u.title}: ${c.column} ${c.from || 'blank'} → ${c.to || 'blank'}`));
  return `${all.slice(0, shown).join(', ')}${all.length > shown ? `, and ${all.length - shown} more` : ''}`;
}
