import * as Y from 'yjs';
import { takeInto, type ContentChange } from '../../../shared/model/fold.js';
import type { Logger } from '../log.js';
import type { WindowEpoch } from './auth.js';
import { andThen, isPromise, type FoldLog, type Maybe } from './roomLog.js';

/**
 * A room's view of its session's earlier epochs (shared/model/fold.ts): their bases, read from
 * the store only when a window of one comes back (a base is the old doc with all its tombstones:
 * reading it costs what opening the session cost before the fold). From a synchronous store
 * (the desktop's) every read is at once; from PostgreSQL, `ready` reads what a window that says
 * its epoch needs before it joins, and `epochOf` answers later for a stock client: the reads
 * below then use what was read.
 */
export class EarlierEpochs {
  private readonly docs = new Map<number, Y.Doc>();
  /** the epochs whose bases are kept, once read */
  private kept: number[] | null = null;
  /** bases as stored (read once, with what was kept since), each made into a doc when first needed */
  private readonly rows = new Map<number, Uint8Array[] | null>();
  /** per kept epoch, the client ids its base knows (a stock client's doc is recognised by them) */
  private clients: Map<number, Set<number>> | null = null;

  constructor(
    private readonly sessionId: string,
    private readonly log: FoldLog,
  ) {}

  /**
   * Read, before a window joins, what serving it needs: for one that says an earlier epoch, that
   * epoch's base. At once (and nothing) for the others.
   */
  ready(said: WindowEpoch | undefined, current: number): Maybe<void> {
    if (typeof said !== 'number' || said >= current) return;
    return andThen(this.epochs(), (kept) => (kept.includes(said) ? andThen(this.read(said), () => {}) : undefined));
  }

  /** Whether the base of `epoch` is kept (read by `ready` first from an asynchronous store). */
  has(epoch: number): boolean {
    return this.now(this.epochs()).includes(epoch);
  }

  /** The base's state vector: a window of that epoch answers it with exactly what the host never received. */
  stateVector(epoch: number): Uint8Array {
    return Y.encodeStateVector(this.doc(epoch));
  }

  /**
   * The earlier epoch a doc with these clients belongs to (a stock client says no epoch), or
   * null: a doc of the current epoch — its unknown clients are its own offline edits. From an
   * asynchronous store the first answer is a Promise (every base is read).
   */
  epochOf(unknownClients: number[]): Maybe<number | null> {
    if (unknownClients.length === 0) return null;
    const find = () => {
      for (const [epoch, ids] of this.clients!) if (unknownClients.some((id) => ids.has(id))) return epoch;
      return null;
    };
    if (this.clients) return find();
    return andThen(this.epochs(), (kept) => {
      const reads = kept.map((epoch) => this.read(epoch));
      const made = (all: (Uint8Array[] | null)[]) => {
        this.clients ??= new Map(
          kept.map((epoch, i) => {
            const ids = new Set<number>();
            for (const row of all[i] ?? []) Y.decodeStateVector(Y.encodeStateVectorFromUpdate(row)).forEach((_, id) => ids.add(id));
            return [epoch, ids];
          }),
        );
        return find();
      };
      return reads.some(isPromise) ? Promise.all(reads).then(made) : made(reads as (Uint8Array[] | null)[]);
    });
  }

  /**
   * Take what a window of `epoch` sent into that epoch's base (in memory; `keep` stores it once
   * the live doc has what it changed): the content it changes, and the part new to the base.
   */
  take(epoch: number, update: Uint8Array): { changes: ContentChange[]; added: Uint8Array | null } {
    return takeInto(this.doc(epoch), update);
  }

  /** Store what was taken into a base, so the same edits are never taken twice (after a restart too). */
  keep(epoch: number, added: Uint8Array): Maybe<void> {
    this.rows.get(epoch)?.push(added);
    return this.log.addToBase(this.sessionId, epoch, added);
  }

  /** Forget a base made in memory (what was taken into it was refused): made again from its rows as stored when needed. */
  forget(epoch: number): void {
    this.docs.get(epoch)?.destroy();
    this.docs.delete(epoch);
  }

  destroy(): void {
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
    this.rows.clear();
  }

  private epochs(): Maybe<number[]> {
    if (this.kept) return this.kept;
    return andThen(this.log.baseEpochs(this.sessionId), (kept) => (this.kept = kept));
  }

  private read(epoch: number): Maybe<Uint8Array[] | null> {
    if (this.rows.has(epoch)) return this.rows.get(epoch)!;
    return andThen(this.log.base(this.sessionId, epoch), (rows) => {
      this.rows.set(epoch, rows);
      return rows;
    });
  }

  /** What was read already (`ready`, `epochOf`); from a synchronous store, read now. */
  private now<T>(x: Maybe<T>): T {
    if (isPromise(x)) throw new Error(`session ${this.sessionId}: the earlier epochs were not read before they were needed`);
    return x;
  }

  private doc(epoch: number): Y.Doc {
    let doc = this.docs.get(epoch);
    if (!doc) {
      const rows = this.now(this.read(epoch));
      if (!rows) throw new Error(`session ${this.sessionId}: no base kept for epoch ${epoch}`);
      const d = new Y.Doc();
      d.transact(() => rows.forEach((u) => Y.applyUpdate(d, u)));
      this.docs.set(epoch, d);
      doc = d;
    }
    return doc;
  }
}

/** A window holds its doc in memory only: a base nobody came back to in this many days is not waited for. */
const BASE_DAYS = 30;

/** Forget the bases no window came back to in BASE_DAYS (at a host's or a node's start, as the trash is purged). */
export function forgetOldBases(log: { purgeBases(before: number): Maybe<number> }, logger: Logger, now = Date.now()): Maybe<void> {
  return andThen(log.purgeBases(now - BASE_DAYS * 86_400_000), (bases) => {
    if (bases) logger('info', `forgot ${bases} folded document${bases === 1 ? '' : 's'} no window came back to in ${BASE_DAYS} days`);
  });
}
