import type * as Y from 'yjs';
import { z } from 'zod';
import { scenariosMap } from '../model/scenario.js';
import { ValidationError } from '../model/validation.js';
import { defineOperation } from './types.js';
import { cellWords } from './changeWords.js';
import { scenariosTouch, unlockedTouches } from './touches.js';
import { cellEdits, cellTouchIds, checkCells } from './cellWrites.js';
import { bandIdProblem, importedRowProblem, importedRows, importSteps } from './importSteps.js';

/**
 * Several ledger cells at once — a paste, a fill down, a clear — as ONE transaction, so one undo
 * takes it all back and everyone sees it land at once. Each cell is the edit of the operation a
 * single cell would make (setElementText, updateElements, setStepCost, setOverride); all of them
 * are checked first, with those operations' own rules, each on its own and then merged per step
 * (a pasted low beside a pasted high must make a range together), and the first bad one refuses
 * the whole block with its cell named (`where`: "Row 4 (Check invoice), Unit cost") and nothing
 * written. Locked steps are left alone, as every operation leaves them. Moving a step by lane or
 * stage name is not a cell edit here: the ledger shows lane and stage, it does not move cards.
 */
export const editCells = defineOperation({
  name: 'editCells',
  label: ({ cells, newRows }) => (cells.length === 1 && !newRows?.length ? cellWords(cells[0].edit) : 'cells'),
  args: z
    .strictObject({
      cells: cellEdits,
      /** a block pasted past the last row: its rows past it, as new steps (importSteps' rows), made in the same transaction */
      newRows: importedRows.optional(),
    })
    .refine((a) => a.cells.length > 0 || (a.newRows?.length ?? 0) > 0, 'no cell to edit and no row to add'),
  touches(doc: Y.Doc, { cells, newRows }) {
    return [
      ...unlockedTouches(doc, cellTouchIds(cells)),
      ...(cells.some((c) => c.edit.op === 'setOverride') ? scenariosTouch : []),
      ...(newRows?.length ? importSteps.touches(doc, { rows: newRows }) : []),
    ];
  },
  run(doc: Y.Doc, { cells, newRows }, ctx): number {
    // The new rows are checked before anything is written (importSteps checks them again as it makes them).
    const scenarioIds = new Set<string>();
    scenariosMap(doc).forEach((_, id) => scenarioIds.add(id));
    for (const r of newRows ?? []) {
      const problem = importedRowProblem(r, scenarioIds) ?? bandIdProblem(doc, r);
      if (problem) throw new ValidationError(problem);
    }
    const checked = checkCells(doc, cells, ctx.records);
    const count = checked.count + (newRows?.length ?? 0);
    if (count === 0) return 0;
    doc.transact(() => {
      // Inside this transaction, so the cells and the new steps are one change and one undo.
      if (newRows?.length) importSteps.run(doc, { rows: newRows }, ctx);
      checked.write();
    }, ctx.origin);
    return count;
  },
});
