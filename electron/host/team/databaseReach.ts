import type { Logger } from '../log.js';

/**
 * Whether the node's PostgreSQL answers, as the sync connections find out when they check a
 * token: said in the log once when it stops answering and once when it answers again — not a
 * line for every reconnect of every person meanwhile (hundreds a second in a full house).
 */
export class DatabaseReach {
  private away = false;
  private refused = 0;

  constructor(private readonly logger: Logger) {}

  /** A token could not be checked: the connection is refused (storageFailed) and the person's board reconnects. */
  failed(e: Error): void {
    this.refused++;
    if (this.away) return;
    this.away = true;
    this.logger('error', `PostgreSQL does not answer (${e.message}): boards are refused and reconnect until it does; edits wait in the people's windows`);
  }

  /** A token was checked: the database answers. */
  answered(): void {
    if (!this.away) return;
    this.logger('info', `PostgreSQL answers again: boards reconnect (${this.refused} connection(s) refused meanwhile)`);
    this.away = false;
    this.refused = 0;
  }
}
