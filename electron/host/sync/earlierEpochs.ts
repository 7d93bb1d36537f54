import * as Y from 'yjs';
import { takeInto, type ContentChange } from '../../../shared/model/fold.js';
import type { FoldLog } from './roomLog.js';

/**
 * A room's view of its session's earlier epochs (shared/model/fold.ts): their bases, read from
 * the store only when a window of one comes back (a base is the old doc with all its tombstones:
 * reading it costs what opening the session cost before the fold).
 */
export class EarlierEpochs {
  private readonly docs = new Map<number, Y.Doc>();
  /** per kept epoch, the client ids its base knows (a stock client's doc is recognised by them) */
  private clients: Map<number, Set<number>> | null = null;

  constructor(
    private readonly sessionId: string,
    private readonly log: FoldLog | undefined,
  ) {}

  /** Whether the base of `epoch` is kept. */
  has(epoch: number): boolean {
    return this.log !== undefined && this.log.baseEpochs(this.sessionId).includes(epoch);
  }

  /** The base's state vector: a window of that epoch answers it with exactly what the host never received. */
  stateVector(epoch: number): Uint8Array {
    return Y.encodeStateVector(this.doc(epoch));
  }

  /**
   * The earlier epoch a doc with these clients belongs to (a stock client says no epoch), or
   * null: a doc of the current epoch — its unknown clients are its own offline edits.
   */
  epochOf(unknownClients: number[]): number | null {
    if (!this.log || unknownClients.length === 0) return null;
    if (!this.clients) {
      this.clients = new Map();
      for (const epoch of this.log.baseEpochs(this.sessionId)) {
        const ids = new Set<number>();
        for (const row of this.log.base(this.sessionId, epoch) ?? []) Y.decodeStateVector(Y.encodeStateVectorFromUpdate(row)).forEach((_, id) => ids.add(id));
        this.clients.set(epoch, ids);
      }
    }
    for (const [epoch, ids] of this.clients) if (unknownClients.some((id) => ids.has(id))) return epoch;
    return null;
  }

  /**
   * Take what a window of `epoch` sent into that epoch's base (in memory; `keep` stores it once
   * the live doc has what it changed): the content it changes, and the part new to the base.
   */
  take(epoch: number, update: Uint8Array): { changes: ContentChange[]; added: Uint8Array | null } {
    return takeInto(this.doc(epoch), update);
  }

  /** Store what was taken into a base, so the same edits are never taken twice (after a restart too). */
  keep(epoch: number, added: Uint8Array): void {
    this.log?.addToBase(this.sessionId, epoch, added);
  }

  /** Forget a base read into memory (what was taken into it was refused): read again from the store when needed. */
  forget(epoch: number): void {
    this.docs.get(epoch)?.destroy();
    this.docs.delete(epoch);
  }

  destroy(): void {
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
  }

  private doc(epoch: number): Y.Doc {
    let doc = this.docs.get(epoch);
    if (!doc) {
      const rows = this.log?.base(this.sessionId, epoch);
      if (!rows) throw new Error(`session ${this.sessionId}: no base kept for epoch ${epoch}`);
      const d = new Y.Doc();
      d.transact(() => rows.forEach((u) => Y.applyUpdate(d, u)));
      this.docs.set(epoch, d);
      doc = d;
    }
    return doc;
  }
}
