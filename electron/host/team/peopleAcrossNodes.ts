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
  // `epochs`: the answering node knows the fold afresh (every node since it); a node of an earlier
  // version answers without it, and no session is folded while one runs.
  z.strictObject({ type: z.literal('here'), request: z.string(), people: z.array(z.string()), epochs: z.literal(true).optional() }),
]);
type Message = z.infer<typeof messageSchema>;

/** A question on its way round the nodes: who answered, and with whom. */
interface Question {
  people: Set<string>;
  answers: number;
  /** answers from nodes of a version before epochs */
  older: number;
  expected: number;
  done(): void;
}

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
  private readonly pending = new Map<string, Question>();
  /** when this node last said that a node of an earlier version keeps it from folding */
  private toldOfOlder = 0;
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
  readonly everyone: PeopleInSession = async (sessionId) => [...(await this.ask(sessionId, false)).people];

  /**
   * What keeps the session from being folded afresh now, or null when nobody is connected to it
   * on another node nor on their way in there. Redis away: it cannot be known, so not now.
   */
  async keepsFromFolding(sessionId: string): Promise<string | null> {
    let q: Question;
    try {
      q = await this.ask(sessionId, true, true);
    } catch {
      return 'the other nodes cannot be asked (Redis is away)';
    }
    // A node that heard and did not answer — it died meanwhile, or hangs — may have held a
    // person whose last edits were still being committed: folded under them, those would be
    // refused with nobody left to send them again. So never fold on a silence, however long:
    // the session stays as it is (compacted) and folds the next time its last person leaves
    // with every node answering. Waiting longer would not tell a dead node from a slow one.
    if (q.answers < q.expected) return `${q.expected - q.answers} node(s) heard "who is here" and did not answer within ${ANSWER_WAIT_MS / 1000} s; it folds the next time its last person leaves`;
    if (q.older > 0) {
      if (Date.now() - this.toldOfOlder > 60_000) {
        this.toldOfOlder = Date.now();
        this.logger('warn', `session ${sessionId}: not folded afresh: a node of an earlier version (without epochs) is running; sessions fold again once every node is upgraded`);
      }
      return 'a node of an earlier version (without epochs) is running';
    }
    return q.people.size > 0 ? 'someone is in it on another node' : null;
  }

  private async ask(sessionId: string, anyone: boolean, elsewhereOnly = false): Promise<Question> {
    const people = new Set(elsewhereOnly ? [] : this.here(sessionId, this.rooms));
    const request = randomBytes(8).toString('hex');
    let question!: Question;
    const answered = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), ANSWER_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(request);
        resolve();
      };
      question = { people, answers: 0, older: 0, expected: Number.POSITIVE_INFINITY, done };
      this.pending.set(request, question);
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
    return question;
  }

  private publish(m: Message): Promise<number> {
    return this.messages.publish(m);
  }

  private async heard(m: Message): Promise<void> {
    if (m.type === 'who') {
      const people = m.anyone ? connectedHere(m.sessionId, this.rooms) : this.here(m.sessionId, this.rooms);
      await this.publish({ type: 'here', request: m.request, people, epochs: true }).catch(() => {});
    } else {
      const p = this.pending.get(m.request);
      if (!p) return;
      for (const person of m.people) p.people.add(person);
      if (!m.epochs) p.older++;
      if (++p.answers >= p.expected) p.done();
    }
  }
}

/**
 * Every connection to the session on this node, one for the clients on their way in (its room
 * loading for them), and one for a room whose last person left with edits still being committed.
 */
function connectedHere(sessionId: string, rooms: Rooms): string[] {
  const room = rooms.get(sessionId);
  if (!room) return rooms.isLoading(sessionId) ? ['loading'] : rooms.isCommittingOnUnload(sessionId) ? ['leaving'] : [];
  return [...[...room.peers].map((_, i) => String(i)), ...(room.expected > 0 ? ['expected'] : [])];
}
