import * as Y from 'yjs';
import { elementsMap } from '../../shared/model/board';
import { localOrigin } from '../../shared/model/origins';
import { formatIssues } from '../../shared/model/validation';
import { operations, type Operations } from '../../shared/operations';
import { canWrite } from '../../shared/session';
import { showToast, useUi } from '../ui/uiStore';
import { useBoard } from '../board/boardStore';

type Name = keyof Operations;
type Args<N extends Name> = Parameters<Operations[N]['run']>[1];
type Result<N extends Name> = ReturnType<Operations[N]['run']>;

let doc: Y.Doc | null = null;
let undoManager: Y.UndoManager | null = null;

/**
 * Bind dispatch to the session's doc. Undo is per person: the manager tracks only this
 * window's local transactions, so undo never reverts someone else's work.
 */
export function bindDispatch(d: Y.Doc): () => void {
  doc = d;
  undoManager = new Y.UndoManager(elementsMap(d), { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 });
  return () => {
    undoManager?.destroy();
    undoManager = null;
    doc = null;
  };
}

/**
 * The only place that runs operations: toolbar, keyboard, canvas gestures and panels all
 * come here. Arguments are validated against the operation's schema first.
 */
export function dispatch<N extends Name>(name: N, args: Args<N>): Result<N> | undefined {
  const role = useUi.getState().role;
  if (!doc || !role || !canWrite(role)) return undefined;
  const op = operations[name];
  const parsed = op.args.safeParse(args);
  if (!parsed.success) {
    console.warn(formatIssues(`operation ${name}`, parsed.error));
    return undefined;
  }
  if (role !== 'facilitator' && touchesLockedGrid(name, parsed.data)) {
    showToast('The facilitator has locked the grid: lanes, stages and lines stay as they are');
    return undefined;
  }
  return (op.run as (d: Y.Doc, a: unknown, c: unknown) => Result<N>)(doc, parsed.data, { origin: localOrigin, now: Date.now() });
}

const gridOperations = new Set<Name>(['addBand', 'resizeBand', 'moveBand', 'deleteBand', 'addLine']);
const gridKinds = new Set(['lane', 'stage', 'line']);

/**
 * While the facilitator has locked the grid, a participant's operation on a lane, stage or
 * line is not run here: the host would refuse it, and this window would be left showing a
 * change nobody else has.
 */
function touchesLockedGrid(name: Name, args: unknown): boolean {
  const { gridLocked, elements } = useBoard.getState();
  if (!gridLocked) return false;
  if (gridOperations.has(name)) return true;
  const a = args as { id?: unknown; ids?: unknown; moves?: { id: string }[] };
  const ids = [...(typeof a.id === 'string' ? [a.id] : []), ...(Array.isArray(a.ids) ? a.ids : []), ...(Array.isArray(a.moves) ? a.moves.map((m) => m.id) : [])];
  return ids.some((id) => gridKinds.has(elements[id as string]?.kind));
}

/** The session's doc, for reads that are not operations (copy). */
export function getDoc(): Y.Doc | null {
  return doc;
}

export function undo(): void {
  undoManager?.undo();
}

export function redo(): void {
  undoManager?.redo();
}
