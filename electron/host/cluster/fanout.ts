import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Every node of one team server publishes a session's updates on its `doc` channel, and its
 * clients' presence (awareness updates) on its `presence` channel; `removal` carries the
 * removals every node acts on (team/removals.ts), `people` the question who is in a session
 * (team/peopleAcrossNodes.ts).
 */
export type ChannelKind = 'doc' | 'presence' | 'removal' | 'people';
const PREFIX: Record<ChannelKind, string> = { doc: 'brownpaper:session:', presence: 'brownpaper:presence:', removal: 'brownpaper:removal:', people: 'brownpaper:people:' };
const channelOf = (sessionId: string, kind: ChannelKind = 'doc') => `${PREFIX[kind]}${sessionId}`;

/**
 * What another node committed: one Yjs update of a session, which node it came from, and the
 * epoch of the doc it was committed to — null from a node of a version before epochs (its
 * frame ends after the update).
 */
type Deliver = (update: Uint8Array, fromNode: string, epoch: number | null) => void;

/**
 * The fan-out between the nodes of a team server, over Redis pub/sub: a node publishes each
 * update of a session after the store has committed it, and hears the updates other nodes
 * commit for the sessions it has open. Pub/sub keeps nothing: what is published while a node's
 * link to Redis is down is lost to it, so when the link comes back (`onResumed`) the rooms read
 * what they missed from the store, which has every update (it commits before anything is
 * published). A room on a team server follows both channels of its session (team/nodeLink.ts).
 */
export class Fanout {
  /** This node's id: a node skips its own messages, which Redis echoes back to it. */
  readonly nodeId = randomBytes(8).toString('hex');
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly followers = new Map<string, Set<Deliver>>();
  private readonly resumedListeners = new Set<() => void>();
  private lost = false;
  /** What the last failed connection said (ioredis's connect() only says that it closed). */
  private lastError: Error | null = null;

  constructor(redisUrl: string) {
    // Nothing is queued while Redis is away: a publish then fails at once (the room goes on), and
    // the other nodes read what they missed from the store when the link resumes, rather than
    // this node holding every update of a long outage in memory to send late.
    this.pub = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false });
    this.sub = new Redis(redisUrl, { lazyConnect: true });
    // ioredis reconnects by itself; an error event without a listener would end the process.
    for (const r of [this.pub, this.sub]) r.on('error', (e: Error) => (this.lastError = e));
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.received(channel.toString(), message));
    this.sub.on('close', () => (this.lost = true));
    this.sub.on('ready', () => void this.resume());
  }

  /** Connect both links; rejects in one line when Redis does not answer. */
  async start(): Promise<void> {
    try {
      await Promise.all([this.pub.connect(), this.sub.connect()]);
    } catch (e) {
      this.close();
      throw new Error(`cannot reach Redis for the team server's fan-out: ${(this.lastError ?? (e as Error)).message}`);
    }
    this.lost = false;
  }

  /**
   * Publish an update of a session that the store has committed (or, on `presence`, an awareness
   * update); resolves with how many nodes heard it, this one included when it follows the channel.
   */
  async publish(sessionId: string, update: Uint8Array, kind: ChannelKind = 'doc', epoch?: number): Promise<number> {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, this.nodeId);
    encoding.writeVarUint8Array(e, update);
    // After the update, where a node of an earlier version (which reads the two fields above and
    // nothing more) never looks: during a rolling upgrade it still applies the update.
    if (epoch !== undefined) encoding.writeVarUint(e, epoch);
    return this.pub.publish(channelOf(sessionId, kind), Buffer.from(encoding.toUint8Array(e)));
  }

  /**
   * Hear other nodes' updates of a session; resolves once subscribed, with a function to stop.
   * While Redis is out of reach it resolves at once: the channel is subscribed when the link is
   * back, and `onResumed` says so (what was published meanwhile is in the store).
   */
  async follow(sessionId: string, deliver: Deliver, kind: ChannelKind = 'doc'): Promise<() => Promise<void>> {
    const channel = channelOf(sessionId, kind);
    let set = this.followers.get(channel);
    if (!set) this.followers.set(channel, (set = new Set()));
    set.add(deliver);
    if (set.size === 1 && this.sub.status === 'ready') await this.sub.subscribe(channel);
    return async () => {
      const now = this.followers.get(channel);
      if (!now?.delete(deliver) || now.size > 0) return;
      this.followers.delete(channel);
      if (this.sub.status === 'ready') await this.sub.unsubscribe(channel);
    };
  }

  /** `listener` runs each time the link to Redis is back after a loss, subscriptions renewed. */
  onResumed(listener: () => void): () => void {
    this.resumedListeners.add(listener);
    return () => this.resumedListeners.delete(listener);
  }

  close(): void {
    this.followers.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private received(channel: string, message: Buffer) {
    const set = this.followers.get(channel);
    if (!set) return;
    let from: string;
    let update: Uint8Array;
    let epoch: number | null;
    try {
      const d = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      from = decoding.readVarString(d);
      update = decoding.readVarUint8Array(d);
      epoch = decoding.hasContent(d) ? decoding.readVarUint(d) : null;
    } catch {
      return; // not one of ours: a node never applies what it cannot read
    }
    if (from === this.nodeId) return;
    for (const deliver of set) deliver(update, from, epoch);
  }

  private async resume() {
    if (!this.lost) return;
    this.lost = false;
    // ioredis renews the subscriptions on reconnecting without waiting for Redis's answer; ours
    // comes after those on the same link, so once it is answered every channel is heard again.
    const channels = [...this.followers.keys()];
    try {
      if (channels.length) await this.sub.subscribe(...channels);
      // The publishing link reconnects on its own schedule and queues nothing: resumed means
      // both links are back, so what a room publishes after hearing it reaches the others.
      if (this.pub.status !== 'ready') await this.publishingBack();
    } catch {
      return; // lost again: the next 'ready' resumes
    }
    for (const listener of this.resumedListeners) listener();
  }

  /** Resolves when the publishing link is ready again; rejects if the subscribing one is lost meanwhile. */
  private publishingBack(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const ready = () => (this.sub.off('close', lost), resolve());
      const lost = () => (this.pub.off('ready', ready), reject(new Error('lost again')));
      this.pub.once('ready', ready);
      this.sub.once('close', lost);
    });
  }
}
