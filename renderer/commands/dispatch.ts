import { announce } from '../state/announcer';
import * as Y from 'yjs';
import { elementsMap } from '../../shared/model/board';
import { facilitationMap } from '../../shared/model/facilitation';
import { localOrigin } from '../../shared/model/origins';
import { scenariosMap } from '../../shared/model/scenario';
import { formatIssues } from '../../shared/model/validation';
import { operations, type Operations } from '../../shared/operations';
import { changeWords } from '../../shared/operations/changeWords';
import type { Operation } from '../../shared/operations/types';
import { may, refusalToasts, why } from '../../shared/permissions';
import { useBoard } from '../state/boardStore';
import { showToast, useUi } from '../state/uiStore';

type Name = keyof Operations;
type Args<N extends Name> = Parameters<Operations[N]['run']>[1];
type Result<N extends Name> = ReturnType<Operations[N]['run']>;

let doc: Y.Doc | null = null;
let undoManager: Y.UndoManager | null = null;

/**
 * Bind dispatch to the session's doc. Undo is per person: the manager tracks only this
 * window's local transactions, so undo never reverts someone else's work. It tracks the
 * scenarios with the elements: deleting a to-be takes its own steps with it, and one undo
 * brings both back.
 */
export function bindDispatch(d: Y.Doc): () => void {
  doc = d;
  undoManager = new Y.UndoManager([elementsMap(d), scenariosMap(d)], { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 });
  return () => {
    undoManager?.destroy();
    undoManager = null;
    doc = null;
  };
}

/**
 * The only place that runs operations: toolbar, keyboard, canvas gestures and panels all
 * come here. Arguments are validated against the operation's schema first. Then the same
 * rules the host applies (shared/permissions.ts) are asked of what the operation says it
 * touches (its `touches`, read from the doc as it is now): a change the host would refuse is
 * not run here, or this window would be left showing a change nobody else has. The operation
 * declares its touches rather than dispatch guessing them from argument names, because only
 * the operation knows that deleting a lane re-homes its cards, or that locking a frame locks
 * what is inside it.
 */
export function dispatch<N extends Name>(name: N, args: Args<N>): Result<N> | undefined {
  const role = useUi.getState().role;
  if (!doc || !role || !may(role, 'changeBoard')) return undefined;
  const op = operations[name] as unknown as Operation<unknown, Result<N>>;
  const parsed = op.args.safeParse(args);
  if (!parsed.success) {
    console.warn(formatIssues(`operation ${name}`, parsed.error));
    return undefined;
  }
  const touches = op.touches(doc, parsed.data);
  const refused = why(role, touches, { gridLocked: facilitationMap(doc).get('gridLocked') === true });
  if (refused) {
    showToast(refusalToasts[refused.rule]);
    return undefined;
  }
  const words = changeWords(doc, op, parsed.data, touches);
  const undoSteps = undoManager?.undoStack.length ?? 0;
  // The store's records are the doc's, read and checked (bindBoard): operations may take them rather than read again.
  const { elements } = useBoard.getState();
  const result = op.run(doc, parsed.data, { origin: localOrigin, now: Date.now(), records: (id) => elements[id] });
  // The undo step the run made carries its words, for undo and redo to say (a run that changed nothing made none).
  const made = undoManager?.undoStack.slice(undoSteps) ?? [];
  if (made.length) {
    const said = words(result);
    for (const item of made) item.meta.set(saidKey, said);
  }
  return result;
}

/** The session's doc, for reads that are not operations (copy). */
export function getDoc(): Y.Doc | null {
  return doc;
}

const afterUndoRedo = new Set<() => void>();
/** `f` runs after each undo or redo of this window's (what was said about the board before may no longer hold); returns its removal. */
export function onUndoRedo(f: () => void): () => void {
  afterUndoRedo.add(f);
  return () => afterUndoRedo.delete(f);
}

/** Where an undo step keeps its words ("move of ‘Sales call’"), carried from the undo stack to the redo stack and back. */
const saidKey = 'said';

/**
 * Undo or redo one step, said on the board's status line (aria-live), as every other key's
 * effect is: an undo changed the board out of sight of a screen reader, so it says what it
 * changed back — "Undone: move of ‘Sales call’". The step made on the other stack takes the words along.
 */
function step(undoing: boolean): void {
  if (!undoManager) return;
  const other = undoing ? undoManager.redoStack : undoManager.undoStack;
  const before = other.length;
  const popped = undoing ? undoManager.undo() : undoManager.redo();
  const said = popped?.meta.get(saidKey) as string | undefined;
  if (said !== undefined) for (const item of other.slice(before)) item.meta.set(saidKey, said);
  const done = undoing ? 'Undone' : 'Redone';
  announce(popped ? (said ? `${done}: ${said}` : done) : undoing ? 'Nothing to undo' : 'Nothing to redo');
  afterUndoRedo.forEach((f) => f());
}

export function undo(): void {
  step(true);
}

export function redo(): void {
  step(false);
}
