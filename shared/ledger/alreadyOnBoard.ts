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

/**
 * A plan's differences, one line each: "Sales call: Volume per year 8.000 → 9.000", and a
 * scenario's with its name first, "To-be: brochure in 2 days — Sales call: Unit cost 45,00 → 35,00".
 */
export function differenceLines(updates: readonly { title: string; changes: readonly { column: string; from: string; to: string; scenario?: string }[] }[]): string[] {
  return updates.flatMap((u) => u.changes.map((c) => `${c.scenario ? `${c.scenario} — ` : ''}${u.title || 'an untitled step'}: ${c.column} ${c.from || 'blank'} → ${c.to || 'blank'}`));
}

/** "A, B, C, D, E and 2 more" */
const someNames = (names: readonly string[], shown = 5) => (names.length > shown ? `${names.slice(0, shown).join(', ')} and ${names.length - shown} more` : names.join(', '));

/**
 * The steps an update leaves whole because they are locked, by name: "1 step is locked and keeps
 * its figures: Sales call" before, "1 locked step kept its figures: Sales call" after.
 */
export function lockedLine(titles: readonly string[], done = false): string {
  const one = titles.length === 1;
  const names = someNames(titles.map((t) => t || 'an untitled step'));
  if (done) return `${one ? '1 locked step' : `${titles.length} locked steps`} kept ${one ? 'its' : 'their'} figures: ${names}`;
  return `${one ? '1 step is' : `${titles.length} steps are`} locked and keep${one ? 's its' : ' their'} figures: ${names}`;
}
