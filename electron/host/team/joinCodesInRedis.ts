import { Redis } from 'ioredis';
import { roleSchema } from '../../../shared/session.js';
import { randomCode, typedCode, type JoinCode, type JoinCodeBook } from '../join/joinCodes.js';

const CODE = 'brownpaper:code:';
const CODE_OF = 'brownpaper:code-of:';
/** A code lives a week after it was last shown: long enough for a workshop that runs for days, short enough that old codes do not pile up. */
const CODE_TTL_S = 7 * 24 * 3600;

/**
 * A team server's join codes, in Redis, so a code shown by one node is taken by every node. Two
 * keys per code: code → "session role", and session+role → code. Two nodes making the first code
 * of a session at once agree on one: each writes its own with SET NX, and the loser throws its
 * own away and shows the winner's. Redis lost (restarted without persistence): the codes end, as
 * on the desktop when hosting stops; the facilitator shows a new one.
 */
export class JoinCodesInRedis implements JoinCodeBook {
  private readonly redis: Redis;

  constructor(redisUrl: string) {
    // Nothing queued while Redis is away: the request fails at once and answers 503 in one line.
    this.redis = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => {});
  }

  start(): Promise<void> {
    return this.redis.connect();
  }

  close(): void {
    this.redis.disconnect();
  }

  async codeFor(sessionId: string, role: JoinCode['role']): Promise<string> {
    const ofKey = `${CODE_OF}${sessionId}:${role}`;
    for (;;) {
      const existing = await this.redis.get(ofKey);
      if (existing && (await this.redis.expire(`${CODE}${existing}`, CODE_TTL_S))) {
        await this.redis.expire(ofKey, CODE_TTL_S);
        return existing;
      }
      const code = randomCode();
      // A code another session holds already is never given twice.
      if ((await this.redis.set(`${CODE}${code}`, `${sessionId} ${role}`, 'EX', CODE_TTL_S, 'NX')) !== 'OK') continue;
      const won = existing ? (await this.redis.set(ofKey, code, 'EX', CODE_TTL_S, 'GET')) === existing : (await this.redis.set(ofKey, code, 'EX', CODE_TTL_S, 'NX')) === 'OK';
      if (won) return code;
      await this.redis.del(`${CODE}${code}`);
    }
  }

  async lookup(typed: string): Promise<JoinCode | null> {
    const code = typedCode(typed);
    if (!/^[A-Z0-9]{1,32}$/.test(code)) return null;
    const value = await this.redis.get(`${CODE}${code}`);
    const [sessionId, role] = value?.split(' ') ?? [];
    const parsed = roleSchema.safeParse(role);
    if (!sessionId || !parsed.success || parsed.data === 'facilitator') return null;
    return { sessionId, role: parsed.data };
  }
}
