import type * as Y from 'yjs';
import type { z } from 'zod';

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
  | 'deleteElements'
  | 'setStepCost'
  | 'setBoardSettings'
  | 'addScenario'
  | 'renameScenario'
  | 'deleteScenario'
  | 'setOverride'
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
}

/**
 * A user operation: small, named, one Yjs transaction. `args` validates what a UI event or
 * an IPC call hands in; `run` assumes valid args.
 */
export interface Operation<A, R = void> {
  name: OperationName;
  label: string;
  args: z.ZodType<A>;
  run(doc: Y.Doc, args: A, ctx: OperationContext): R;
}

export function defineOperation<A, R>(op: Operation<A, R>): Operation<A, R> {
  return op;
}
