import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { closeCodes } from '../../../shared/sync/closeCodes.js';
import type { Fanout } from '../cluster/fanout.js';
import type { Logger } from '../log.js';
import type { AsyncTokens } from '../store/asyncStore.js';
import type { EndedLink } from '../store/postgres/facilitators.js';
import { tokenHash } from '../store/tokens.js';
import type { Rooms } from '../sync/rooms.js';
import { NodeMessages } from './nodeMessages.js';

/** What the nodes tell each other about removals, on the fan-out's `removal` channel. */
const messageSchema = z.discriminatedUnion('type', [
  /** who holds this person's connection? (the facilitator asked on another node) */
  z.strictObject({ type: z.literal('find'), request: z.string(), sessionId: z.string(), clientId: z.number().int() }),
  z.strictObject({ type: z.literal('notHere'), request: z.string() }),
  /** this token is revoked in PostgreSQL: close its connections (and answer `request`, if any) */
  z.strictObject({ type: z.literal('removed'), request: z.string().nullable(), sessionId: z.string(), tokenHash: z.string() }),
  /** a facilitator's key was revoked, and this link it opened with it (revoke-facilitator, from no node): close its connections */
  z.strictObject({ type: z.literal('keyRevoked'), sessionId: z.string(), tokenHash: z.string() }),
  /** the session went to the trash: everyone out */
  z.strictObject({ type: z.literal('ended'), sessionId: z.string() }),
]);
type Message = z.infer<typeof messageSchema>;
/** How long a kick waits for a node that heard the question but never answered (it died meanwhile). */
const ANSWER_WAIT_MS = 5000;

/**
 * Tell every node that these links are revoked in PostgreSQL already (a facilitator's key was
 * revoked, and with it the links it opened: `brownpaper server revoke-facilitator`, which runs
 * on no node): each closes their connections as a removed person's. Resolves once Redis has
 * taken every message. A node of a version before this one drops the message (one line in its
 * log): its boards on those links close when they next reconnect, as the link no longer opens.
 */
export async function closeOnEveryNode(fanout: Fanout, links: readonly EndedLink[], logger: Logger): Promise<void> {
  const messages = new NodeMessages<Message>(fanout, 'removal', messageSchema, logger);
  for (const l of links) await messages.publish({ type: 'keyRevoked', sessionId: l.sessionId, tokenHash: l.tokenHash });
}

/**
 * Removing a person from a team server's session, and ending a session, on every node. A person
 * is known by the awareness client id the facilitator's board shows; only the node their socket
 * is on knows which token that is. So the node asked first looks among its own connections, and
 * if they are not there asks the others through Redis; the node that has them revokes the token
 * in PostgreSQL (so no node lets it back in), closes its connections, and tells every node to
 * close the token's other connections. The asking node counts the answers: Redis says how many
 * nodes heard the question, so "no one has that client" needs no fixed wait.
 */
export class Removals {
  private readonly pending = new Map<string, { answer(found: boolean): void; notHere: number; expected: number }>();
  private stop: (() => Promise<void>) | null = null;
  private readonly messages: NodeMessages<Message>;

  constructor(
    fanout: Fanout,
    private readonly rooms: Rooms,
    private readonly tokens: AsyncTokens,
    private readonly logger: Logger,
  ) {
    this.messages = new NodeMessages(fanout, 'removal', messageSchema, logger);
  }

  async start(): Promise<void> {
    this.stop = await this.messages.follow((m) => void this.heard(m));
  }

  close(): void {
    void this.stop?.().catch(() => {});
    for (const p of this.pending.values()) p.answer(false);
  }

  /** Remove the person with this awareness client id from the session; false when no node has them connected. */
  async kick(sessionId: string, clientId: number): Promise<boolean> {
    if (await this.removeHere(sessionId, clientId, null)) return true;
    const request = randomBytes(8).toString('hex');
    const answered = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), ANSWER_WAIT_MS);
      const done = (found: boolean) => {
        clearTimeout(timer);
        this.pending.delete(request);
        resolve(found);
      };
      this.pending.set(request, { answer: done, notHere: 0, expected: Number.POSITIVE_INFINITY });
    });
    const heard = await this.publish({ type: 'find', request, sessionId, clientId });
    const p = this.pending.get(request);
    if (p) {
      // Everyone who heard it but this node (which looked already) answers.
      p.expected = heard - 1;
      if (p.notHere >= p.expected) p.answer(false);
    }
    return answered;
  }

  /** Close every connection to a session on every node (it went to the trash; its tokens no longer open it). */
  async endSession(sessionId: string): Promise<void> {
    this.closeHere(sessionId, () => true, closeCodes.sessionDeleted, 'the session was moved to the trash');
    await this.publish({ type: 'ended', sessionId });
  }

  private async removeHere(sessionId: string, clientId: number, request: string | null): Promise<boolean> {
    const room = this.rooms.get(sessionId);
    const peer = room && [...room.peers].find((p) => p.awarenessIds.has(clientId));
    if (!peer) return false;
    // Revoked first: by the time any connection closes, no node lets the token back in.
    await this.tokens.revoke(peer.token);
    const hash = tokenHash(peer.token);
    this.closeHere(sessionId, (h) => h === hash, closeCodes.revoked, 'removed by the facilitator');
    this.logger('info', `session ${sessionId}: removed ${peer.role} ${peer.tokenHint}`);
    await this.publish({ type: 'removed', request, sessionId, tokenHash: hash });
    return true;
  }

  private closeHere(sessionId: string, which: (hash: string) => boolean, code: number, reason: string): void {
    for (const p of [...(this.rooms.get(sessionId)?.peers ?? [])]) if (which(tokenHash(p.token))) p.ws.close(code, reason);
  }

  private publish(m: Message): Promise<number> {
    return this.messages.publish(m);
  }

  private async heard(m: Message): Promise<void> {
    try {
      if (m.type === 'find') {
        if (!(await this.removeHere(m.sessionId, m.clientId, m.request))) await this.publish({ type: 'notHere', request: m.request });
      } else if (m.type === 'notHere') {
        const p = this.pending.get(m.request);
        if (p && ++p.notHere >= p.expected) p.answer(false);
      } else if (m.type === 'removed') {
        this.closeHere(m.sessionId, (h) => h === m.tokenHash, closeCodes.revoked, 'removed by the facilitator');
        if (m.request) this.pending.get(m.request)?.answer(true);
      } else if (m.type === 'keyRevoked') {
        this.closeHere(m.sessionId, (h) => h === m.tokenHash, closeCodes.keyRevoked, 'your facilitator key was revoked');
      } else if (m.type === 'ended') {
        this.closeHere(m.sessionId, () => true, closeCodes.sessionDeleted, 'the session was moved to the trash');
      }
    } catch (e) {
      this.logger('warn', `a removal another node asked for did not go through here: ${(e as Error).message}`);
    }
  }
}
