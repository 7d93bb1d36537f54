import { Redis } from 'ioredis';
import { FailureLimiter, type WrongCodeLimit } from '../join/rateLimit.js';

const WRONG = 'brownpaper:wrong-codes:';

/**
 * A team server's wrong-code limit, in Redis, so it holds across the nodes: the same figures as
 * the desktop's (limits.ts: so many wrong codes per address per window), counted once for all of
 * them. One key per address: INCR on each wrong code, its expiry set by the first (PEXPIRE NX),
 * so the window runs from the first wrong code and the key goes with it. Past the limit every
 * attempt from the address is refused, right codes too, until the key expires. Redis lost: the
 * counts start again, as the desktop's do when it restarts. Redis away (restarting, unreachable):
 * joining goes on — codes are in PostgreSQL — and this node counts wrong codes on its own, as the
 * desktop does, until Redis answers again.
 */
export class WrongCodesInRedis implements WrongCodeLimit {
  private readonly redis: Redis;
  /** this node's own count, for while Redis does not answer (every wrong code is counted here too) */
  private readonly here: FailureLimiter;

  constructor(
    redisUrl: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {
    // Nothing queued while Redis is away: the call fails at once, and this node's own count answers.
    this.redis = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => {});
    this.here = new FailureLimiter(limit, windowMs);
  }

  start(): Promise<void> {
    return this.redis.connect();
  }

  close(): void {
    this.redis.disconnect();
  }

  async blockedFor(address: string): Promise<number> {
    const key = WRONG + address;
    try {
      const [[, count], [, ttl]] = (await this.redis.multi().get(key).pttl(key).exec()) as [[unknown, string | null], [unknown, number]];
      return Number(count ?? 0) >= this.limit && ttl > 0 ? Math.ceil(ttl / 1000) : 0;
    } catch {
      return this.here.blockedFor(address);
    }
  }

  async fail(address: string): Promise<void> {
    this.here.fail(address);
    const key = WRONG + address;
    try {
      await this.redis.multi().incr(key).pexpire(key, this.windowMs, 'NX').exec();
    } catch {
      // Counted here; Redis's count starts again when it is back.
    }
  }
}
