import * as Y from 'yjs';
import { create } from 'zustand';
import type { Checkpoint } from '../../shared/model/checkpoint';
import { callApi } from '../api/client';
import { showToast, useUi } from './uiStore';
import { isolated } from '../ui/UserText';

/**
 * The history dialog's state: the session's checkpoints as the host lists them (they are not
 * board data: the host keeps them beside the update log), the one picked on the time line, and
 * its board once the host has sent it (the preview and the actions follow the pick).
 */
export const useHistory = create<{ open: boolean; checkpoints: Checkpoint[] | null; picked: string | null; looking: { checkpoint: Checkpoint; doc: Y.Doc } | null }>(() => ({
  open: false,
  checkpoints: null,
  picked: null,
  looking: null,
}));

function access(): { sessionId: string; token: string } {
  const a = useUi.getState().access;
  if (!a) throw new Error('History needs the Brownpaper host this board is on.');
  return a;
}

/** Run a request; a refusal is shown to the person and resolves to null. */
async function ask<T>(request: () => Promise<T>): Promise<T | null> {
  try {
    return await request();
  } catch (e) {
    showToast((e as Error).message);
    return null;
  }
}

export async function openHistory(): Promise<void> {
  useHistory.setState({ open: true, checkpoints: null, picked: null, looking: null });
  await refreshHistory();
  // The newest is picked to begin with: the time line opens on where the board is now.
  const newest = useHistory.getState().checkpoints?.[0];
  if (newest && useHistory.getState().picked === null) await pick(newest);
}

export function closeHistory(): void {
  useHistory.getState().looking?.doc.destroy();
  useHistory.setState({ open: false, checkpoints: null, picked: null, looking: null });
}

async function refreshHistory(): Promise<void> {
  const list = await ask(() => callApi('listCheckpoints', access()));
  if (list) useHistory.setState({ checkpoints: list });
}

export async function makeCheckpoint(name: string): Promise<boolean> {
  const made = await ask(() => callApi('makeCheckpoint', { ...access(), body: { name } }));
  if (!made) return false;
  await refreshHistory();
  await pick(made);
  return true;
}

/** The checkpoint the import dialog makes before it writes; a host that cannot make it does not stop the import. */
export async function checkpointBeforeImport(): Promise<void> {
  const a = useUi.getState().access;
  if (a) await callApi('makeCheckpoint', { ...a, body: { name: 'Before an import', kind: 'before-import' } }).catch(() => null);
}

/**
 * Pick a checkpoint on the time line and fetch its board to look at: a doc of its own, never the
 * live one. An answer that comes after another pick (arrow keys held down) is dropped.
 */
export async function pick(checkpoint: Checkpoint): Promise<void> {
  if (useHistory.getState().picked === checkpoint.id && useHistory.getState().looking?.checkpoint.id === checkpoint.id) return;
  useHistory.setState({ picked: checkpoint.id });
  const answer = await ask(() => callApi('checkpointBoard', { ...access(), body: { checkpointId: checkpoint.id } }));
  if (!answer || useHistory.getState().picked !== checkpoint.id || !useHistory.getState().open) return;
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    Uint8Array.from(atob(answer.update), (c) => c.charCodeAt(0)),
  );
  useHistory.getState().looking?.doc.destroy();
  useHistory.setState({ looking: { checkpoint, doc } });
}

export async function revertTo(checkpoint: Checkpoint): Promise<void> {
  const done = await ask(() => callApi('revertToCheckpoint', { ...access(), body: { checkpointId: checkpoint.id } }));
  if (!done) return;
  showToast(`The board is back as it was at “${isolated(checkpoint.name)}”. To undo, revert to “${isolated(done.before.name)}”.`, 'done');
  await refreshHistory();
}

/** Open a checkpoint's board as a new session, in a new tab (the room stays on this one). */
export async function openAsNewSession(checkpoint: Checkpoint): Promise<void> {
  const made = await ask(() => callApi('checkpointAsSession', { ...access(), body: { checkpointId: checkpoint.id } }));
  if (made) window.open(made.url, '_blank', 'noopener');
}
