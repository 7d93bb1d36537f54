import type { BoardElement } from '../model/board.js';

/**
 * The rows of an import that are steps the board already has: the same lane, stage and title
 * (each trimmed, its spaces run together, any case — as an import finds lanes and stages by
 * name). Importing the same file twice added every step twice without a word (issue 19); the
 * dialog and `brownpaper import-steps` now say how many are on the board already and skip them,
 * unless asked to add them anyway. A step that exists only in a to-be counts: it is on the board.
 */

/** A step's place and title as compared. */
const keyOf = (lane: string, stage: string, title: string) => [lane, stage, title].map((t) => t.trim().replace(/\s+/g, ' ').toLocaleLowerCase()).join('\u0000');

/** The file rows (`row`) of the planned steps whose lane, stage and title match a step on the board. */
export function rowsAlreadyOnBoard(steps: readonly { row: number; lane: string; stage: string; fields: Record<string, unknown> }[], elements: ReadonlyMap<string, BoardElement>): number[] {
  const name = (id: string | null) => (id ? ((elements.get(id) as { name?: string } | undefined)?.name ?? '') : '');
  const have = new Set<string>();
  for (const e of elements.values()) if (e.kind === 'step') have.add(keyOf(name(e.laneId), name(e.stageId), e.title));
  if (have.size === 0) return [];
  return steps.filter((s) => have.has(keyOf(s.lane, s.stage, String(s.fields.title ?? '')))).map((s) => s.row);
}

/** "12 of these steps are already on the board" */
export function alreadyOnBoardLine(count: number, of: number): string {
  const all = count === of;
  if (all) return count === 1 ? 'This step is already on the board' : `All ${count} of these steps are already on the board`;
  return `${count} of these ${of} steps ${count === 1 ? 'is' : 'are'} already on the board`;
}
