import { expect, it } from 'vitest';
import { CommitQueue } from './commitQueue.js';

// The queue with a store whose commit is a Promise, as a team server's PostgreSQL store's is:
// the batches it is handed, and what goes out, in the order it goes out.
const turn = () => new Promise((r) => setImmediate(r));
const u = (n: number) => new Uint8Array([n]);

function asyncStore() {
  const committed: number[][] = [];
  const out: string[] = [];
  const pending: { resolve: () => void; reject: (e: Error) => void; batch: number[] }[] = [];
  const queue = new CommitQueue(
    (updates) =>
      new Promise<void>((resolve, reject) => {
        const batch = updates.map((x) => x[0]);
        pending.push({ batch, reject, resolve: () => (committed.push(batch), resolve()) });
      }),
    (update) => out.push(`relay ${update[0]}`),
    (e) => out.push(`failed: ${e.message}`),
  );
  return { queue, committed, out, pending };
}

it('with an asynchronous commit, a turn is one batch, nothing goes out before its commit settles, and the next batch waits its turn', async () => {
  const { queue, committed, out, pending } = asyncStore();
  queue.add(u(1), null);
  queue.add(u(2), null);
  queue.afterCommit(() => out.push('answer after 2'));
  await turn();
  expect(pending.map((p) => p.batch)).toEqual([[1, 2]]);
  // While the first batch is being committed, more arrive: they gather, and wait.
  queue.add(u(3), null);
  queue.afterCommit(() => out.push('answer after 3'));
  queue.add(u(4), null);
  await turn();
  expect(pending).toHaveLength(1);
  expect(out).toEqual([]);
  pending[0].resolve();
  await turn();
  expect(out).toEqual(['relay 1', 'relay 2', 'answer after 2']);
  expect(pending.map((p) => p.batch)).toEqual([
    [1, 2],
    [3, 4],
  ]);
  pending[1].resolve();
  await turn();
  expect(committed).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect(out).toEqual(['relay 1', 'relay 2', 'answer after 2', 'relay 3', 'answer after 3', 'relay 4']);
  // Nothing waits: an answer goes at once.
  queue.afterCommit(() => out.push('answer at once'));
  expect(out.at(-1)).toBe('answer at once');
});

it('a commit that fails refuses its whole batch and everything after it: none of it goes out', async () => {
  const { queue, out, pending } = asyncStore();
  queue.add(u(1), null);
  queue.add(u(2), null);
  await turn();
  queue.add(u(3), null);
  pending[0].reject(new Error('the server went away'));
  await turn();
  await turn();
  expect(out).toEqual(['failed: the server went away']);
  expect(pending).toHaveLength(1);
  queue.add(u(4), null);
  await turn();
  expect(pending).toHaveLength(1);
});
