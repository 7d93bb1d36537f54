import { expect, it } from 'vitest';
import { rateLimitedLogger, type Logger } from './log.js';

it('a rate-limited logger writes a burst, drops the rest, and says how many it dropped', () => {
  const lines: string[] = [];
  const sink: Logger = (level, message) => void lines.push(`${level} ${message}`);
  let t = 0;
  const log = rateLimitedLogger(sink, { burst: 3, windowMs: 10_000, now: () => t });
  for (let i = 0; i < 1000; i++) log('warn', `update refused #${i}`);
  expect(lines).toEqual(['warn update refused #0', 'warn update refused #1', 'warn update refused #2']);
  t = 10_000;
  log('warn', 'later');
  expect(lines.slice(3)).toEqual(['warn 997 more like "update refused #999" in the last 10 s were not logged', 'warn later']);
});
