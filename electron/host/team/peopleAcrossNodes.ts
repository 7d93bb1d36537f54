import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Fanout } from '../cluster/fanout.js';
import type { PeopleInSession } from '../estimates/estimates.js';
import type { Logger } from '../log.js';
import type { Rooms } from '../sync/rooms.js';
import { NodeMessages } from './nodeMessages.js';

/**
 * The question on the fan-out's `people` channel, and each other node's answer: the token hashes of its people there.
 * `anyone`: every connection counts, not only those who may answer (asked before a fold afresh).
 */
const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('who'), request: z.string(), sessionId: z.string(), anyone: z.boolean().optional() }),
  z.strictObject({ type: z.literal('here'), request: z.string(), people: z.array(z.string()) }),
]);
type Message = z.infer<typeof messageSchema>;

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
  private readonly messages: NodeMessages<Message>;

  constructor(
    fanout: Fanout,
    private readonly rooms: Rooms,
    /** this node's people in a session (token hashes) who count */
    private readonly here: (sessionId: string, rooms: Rooms) => string[],
    private readonly logger: Logger,
  ) {
    this.messages = new NodeMessages(fanout, 'people', messageSchema, logger);
  }

  async start(): Promise<void> {
    this.stop = await this.messages.follow((m) => void this.heard(m));
  }

  close(): void {
    void this.stop?.().catch(() => {});
    for (const p of this.pending.values()) p.done();
  }

  /** Everyone in the session on every node (token hashes); this node's own when Redis is away. */
  readonly everyone: PeopleInSession = (sessionId) => this.ask(sessionId, false);

  /**
   * Whether anyone is connected to the session on another node, or on its way in there (a
   * session is folded afresh only when nobody is). Redis away: yes, to be safe.
   */
  async anyoneElsewhere(sessionId: string): Promise<boolean> {
    try {
      return (await this.ask(sessionId, true, true)).length > 0;
    } catch {
      return true;
    }
  }

  private async ask(sessionId: string, anyone: boolean, elsewhereOnly = false): Promise<string[]> {
    const people = new Set(elsewhereOnly ? [] : this.here(sessionId, this.rooms));
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
      heard = await this.publish({ type: 'who', request, sessionId, ...(anyone && { anyone }) });
    } catch (e) {
      if (anyone) {
        this.pending.get(request)?.done();
        throw e;
      }
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
  }

  private publish(m: Message): Promise<number> {
    return this.messages.publish(m);
  }

  private async heard(m: Message): Promise<void> {
    if (m.type === 'who') {
      const people = m.anyone ? connectedHere(m.sessionId, this.rooms) : this.here(m.sessionId, this.rooms);
      await this.publish({ type: 'here', request: m.request, people }).catch(() => {});
    } else {
      const p = this.pending.get(m.request);
      if (!p) return;
      for (const person of m.people) p.people.add(person);
      if (++p.answers >= p.expected) p.done();
    }
  }
}

/** Every connection to the session on this node, and one for the clients on their way in (its room loading for them). */
function connectedHere(sessionId: string, rooms: Rooms): string[] {
  const room = rooms.get(sessionId);
  if (!room) return rooms.isLoading(sessionId) ? ['loading'] : [];
  return [...[...room.peers].map((_, i) => String(i)), ...(room.expected > 0 ? ['expected'] : [])];
}
