import type * as Y from 'yjs';
import type { z } from 'zod';
import type { BoardElement } from '../model/board.js';
import type { Touch } from '../permissions.js';

export type OperationName =
  | 'initBoard'
  | 'addStep'
  | 'addNote'
  | 'addText'
  | 'addConnector'
  | 'addNextCard'
  | 'addLine'
  | 'addFrame'
  | 'addBand'
  | 'resizeBand'
  | 'moveBand'
  | 'deleteBand'
  | 'moveElements'
  | 'transformElements'
  | 'setElementText'
  | 'updateElements'
  | 'setLocked'
  | 'alignElements'
  | 'distributeElements'
  | 'reorderElements'
  | 'duplicateElements'
  | 'pasteElements'
  | 'pasteLines'
  | 'importSteps'
  | 'deleteElements'
  | 'setStepCost'
  | 'editCells'
  | 'setBoardSettings'
  | 'addScenario'
  | 'renameScenario'
  | 'deleteScenario'
  | 'setOverride'
  | 'setScenarioPrice'
  | 'setTimer'
  | 'summonEveryone'
  | 'setGridLocked'
  | 'setPresenter'
  | 'renameSession';

export interface OperationContext {
  /** The transaction origin: decides undo scope and relay. */
  origin: unknown;
  /** Milliseconds since the epoch; passed in so operations stay deterministic in tests. */
  now: number;
  /**
   * The records as a window's board store holds them: each read from this doc and checked
   * (bindBoard reads again whatever a transaction changes, before the next operation can run),
   * so an operation that reads many records may take these rather than read and check each
   * whole record again (a paste of 500 rows read 500 steps of 60-odd fields each). They are the
   * doc as the operation began: read them before writing. Undefined for a record the store does
   * not hold (gone, or bad): read it from the doc.
   */
  records?: (id: string) => BoardElement | undefined;
}

/**
 * A user operation: small, named, one Yjs transaction. `args` validates what a UI event or
 * an IPC call hands in; `run` assumes valid args. `touches` says, before it runs, what `run`
 * would change (elements as they are now, new records by kind, meta keys, facilitation…), so
 * the renderer can ask shared/permissions.ts whether this person may, the way the host will
 * ask of the update (electron/host/sync/policy.ts). Keep it in step with `run`: what `run`
 * skips (locked elements, most often) it does not list.
 */
export interface Operation<A, R = void> {
  name: OperationName;
  /**
   * What it does, in the workshop's words, as the status line says its undo and redo
   * (changeWords.ts): a noun the cards it changes follow with "of" ("move" → "move of ‘Sales
   * call’"), or, for one that makes a card, "new …" followed by the card ("new step ‘Sales
   * call’"). Read from the arguments when they say more (which figure a cost change sets).
   */
  label: string | ((args: A) => string);
  args: z.ZodType<A>;
  touches(doc: Y.Doc, args: A): Touch[];
  run(doc: Y.Doc, args: A, ctx: OperationContext): R;
}

export function defineOperation<A, R>(op: Operation<A, R>): Operation<A, R> {
  return op;
}
