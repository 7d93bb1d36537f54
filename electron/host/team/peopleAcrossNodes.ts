import { randomBytes } from 'node:crypto';
import type { Fanout } from '../cluster/fanout.js';
import type { PeopleInSession } from '../estimates/estimates.js';
import type { Logger } from '../log.js';
import type { Rooms } from '../sync/rooms.js';

type Message = { type: 'who'; request: string; sessionId: string } | { type: 'here'; request: string; people: string[] };

const ALL = 'all';
/** How long a question waits for a node that heard it but never answered (it died meanwhile): then it counts who answered. */
const ANSWER_WAIT_MS = 2000;

/**
 * Who is in a session on every node of a team server, for an estimate's "N of M answered": each
 * node knows only its own connections, so the node asked puts the question on the `people`
 * channel and every other node answers with the token hashes of its people (a person with
 * windows on two nodes counts once). Redis says how many nodes heard the question, so the
 * answers are counted, not waited for; a node that heard and died is waited for ANSWER_WAIT_MS.
 */
export class PeopleAcrossNodes {
  private readonly pending = new Map<string, { people: Set<string>; answers: number; expected: number; done(): void }>();
  private stop: (() => Promise<void>) | null = null;

  constructor(
    private readonly fanout: Fanout,
    private readonly rooms: Rooms,
    /** this node's people in a session (token hashes) who count */
    private readonly here: (sessionId: string, rooms: Rooms) => string[],
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.stop = await this.fanout.follow(ALL, (bytes) => void this.heard(bytes), 'people');
  }

  close(): void {
    void this.stop?.().catch(() => {});
    for (const p of this.pending.values()) p.done();
  }

  /** Everyone in the session on every node (token hashes); this node's own when Redis is away. */
  readonly everyone: PeopleInSession = async (sessionId) => {
    const people = new Set(this.here(sessionId, this.rooms));
    const request = randomBytes(8).toString('hex');
    const answered = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), ANSWER_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(request);
        resolve();
      };
      this.pending.set(request, { people, answers: 0, expected: Number.POSITIVE_INFINITY, done });
    });
    let heard: number;
    try {
      heard = await this.publish({ type: 'who', request, sessionId });
    } catch (e) {
      this.logger('warn', `session ${sessionId}: counting only this node's people (${(e as Error).message})`);
      heard = 1;
    }
    const p = this.pending.get(request);
    if (p) {
      // Everyone who heard it but this node answers.
      p.expected = heard - 1;
      if (p.answers >= p.expected) p.done();
    }
    await answered;
    return [...people];
  };

  private publish(m: Message): Promise<number> {
    return this.fanout.publish(ALL, new TextEncoder().encode(JSON.stringify(m)), 'people');
  }

  private async heard(bytes: Uint8Array): Promise<void> {
    let m: Message;
    try {
      m = JSON.parse(new TextDecoder().decode(bytes)) as Message;
    } catch {
      return; // not one of ours
    }
    if (m.type === 'who') {
      await this.publish({ type: 'here', request: m.request, people: this.here(m.sessionId, this.rooms) }).catch(() => {});
    } else if (m.type === 'here') {
      const p = this.pending.get(m.request);
      if (!p || !Array.isArray(m.people)) return;
      for (const person of m.people) if (typeof person === 'string') p.people.add(person);
      if (++p.answers >= p.expected) p.done();
    }
  }
}
