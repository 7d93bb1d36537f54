/**
 * Commits a room's updates to its store a turn of the event loop at a time, then relays them.
 *
 * One SQLite transaction per update wrote three pages per edit (the row, its index, the
 * session's updated_at) and held a busy room to half the disk's rate; every update a room
 * receives in one turn now goes to the store as one batch, one commit. Write before relay still
 * holds: nothing of a batch is handed on (relayed, or a sync answer sent) before the batch is
 * committed, and a batch that fails is refused whole, none of it relayed.
 *
 * `commit` may return a Promise (a team server's PostgreSQL store commits over the network):
 * while one batch is being committed the next one gathers, and batches are committed and
 * delivered strictly in the order they came in.
 */
export type Commit = (updates: Uint8Array[]) => void | PromiseLike<void>;

type Entry = { update: Uint8Array; origin: unknown } | { then: () => void };

export class CommitQueue {
  /** received, not yet handed to `commit`, in the order they came */
  private waiting: Entry[] = [];
  /** an asynchronous commit is under way; the next batch waits for it */
  private committing = false;
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly commit: Commit,
    /** hands one committed update on (to the room's other people) */
    private readonly relay: (update: Uint8Array, origin: unknown) => void,
    /** the batch could not be committed: nothing of it, nor anything after it, goes out */
    private readonly failed: (error: Error) => void,
  ) {}

  /** An update applied to the room's doc: committed with the rest of this turn's, then relayed. */
  add(update: Uint8Array, origin: unknown): void {
    if (this.stopped) return;
    this.waiting.push({ update, origin });
    this.schedule();
  }

  /**
   * Run `fn` once everything received before now is committed: at once when nothing waits.
   * A sync answer is computed when asked (from the doc as it is then) and sent through this,
   * so nobody is shown a state the disk does not have.
   */
  afterCommit(fn: () => void): void {
    if (this.stopped) return;
    if (this.waiting.length === 0 && !this.committing) fn();
    else this.waiting.push({ then: fn });
  }

  /** Nothing waits and nothing is being committed. */
  get idle(): boolean {
    return this.waiting.length === 0 && !this.committing;
  }

  /**
   * Commit what waits now rather than at the end of the turn (a host request that changed the
   * doc answers after this; a room that unloads calls it last). With an asynchronous commit the
   * returned Promise settles when what waited has been committed and delivered.
   */
  flush(): Promise<void> | void {
    this.scheduled = false;
    if (this.stopped || this.committing || this.waiting.length === 0) return this.committing ? this.drained() : undefined;
    const batch = this.waiting;
    this.waiting = [];
    const updates: Uint8Array[] = [];
    for (const e of batch) if ('update' in e) updates.push(e.update);
    let result: void | PromiseLike<void>;
    try {
      result = updates.length > 0 ? this.commit(updates) : undefined;
    } catch (e) {
      return this.fail(e);
    }
    if (!isThenable(result)) {
      this.deliver(batch);
      return;
    }
    this.committing = true;
    return Promise.resolve(result).then(
      () => {
        this.committing = false;
        this.deliver(batch);
        // What came in while this batch was being committed goes next, as one batch.
        if (this.waiting.length > 0) return this.flush();
      },
      (e: unknown) => {
        this.committing = false;
        this.fail(e);
      },
    );
  }

  /** Drop what waits and take nothing more (the room failed or is gone). */
  stop(): void {
    this.stopped = true;
    this.waiting = [];
  }

  /** Settles once the commit under way, and what gathered behind it, are through. */
  private drained(): Promise<void> {
    return new Promise((resolve) => this.afterCommit(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.committing) return;
    this.scheduled = true;
    // After the rest of this turn: a busy connection's messages (and other people's) arrive
    // many to a turn, and all of them share the commit.
    setImmediate(() => {
      if (this.scheduled) void this.flush();
    });
  }

  private deliver(batch: Entry[]): void {
    for (const e of batch) {
      if (this.stopped) return;
      if ('update' in e) this.relay(e.update, e.origin);
      else e.then();
    }
  }

  private fail(e: unknown): void {
    this.stop();
    this.failed(e instanceof Error ? e : new Error(String(e)));
  }
}

function isThenable(x: unknown): x is PromiseLike<void> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}
