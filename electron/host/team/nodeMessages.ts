import type { z } from 'zod';
import type { ChannelKind, Fanout } from '../cluster/fanout.js';
import type { Logger } from '../log.js';

/** Every node follows one channel of each kind: the person or session asked about may be on any of them. */
const ALL = 'all';

/**
 * The JSON messages the nodes of a team server tell one another on one fan-out channel (the
 * removals' `removal`, who is in a session on `people`): written as JSON, and what arrives read
 * back through the channel's zod schema like every other boundary — a message that is not JSON
 * or not one of the schema's (a node of another version, a stray publisher) is dropped with one
 * line, never acted on half-read.
 */
export class NodeMessages<M> {
  private dropped = 0;

  constructor(
    private readonly fanout: Fanout,
    private readonly kind: ChannelKind,
    private readonly schema: z.ZodType<M>,
    private readonly logger: Logger,
  ) {}

  /** Tell every node; resolves with how many heard it (Redis's count, this node included). */
  publish(message: M): Promise<number> {
    return this.fanout.publish(ALL, new TextEncoder().encode(JSON.stringify(message)), this.kind);
  }

  /** Hear what the nodes tell (this one's own messages are skipped by the fan-out); resolves with how to stop. */
  follow(heard: (message: M) => void): Promise<() => Promise<void>> {
    return this.fanout.follow(
      ALL,
      (bytes) => {
        const message = this.read(bytes);
        if (message !== null) heard(message);
      },
      this.kind,
    );
  }

  private read(bytes: Uint8Array): M | null {
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      raw = undefined;
    }
    const parsed = this.schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    // One line, then one per hundred: a node of another version would otherwise fill the log.
    if (this.dropped++ % 100 === 0) this.logger('warn', `a message on the ${this.kind} channel was not one of ours and was dropped (${this.dropped} so far)`);
    return null;
  }
}
