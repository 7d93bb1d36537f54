import { limits } from './limits.js';

/** The host's log: one line per event on stderr, or wherever a test points it. */
export type Logger = (level: 'info' | 'warn' | 'error', message: string) => void;

export const stderrLogger: Logger = (level, message) => {
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
};

export const silentLogger: Logger = () => {};

/**
 * A logger that lets one source (a connection) write at most `burst` lines per `windowMs`; past
 * that it drops lines and, when the window ends, says once how many it dropped. A client that
 * sends thousands of bad frames cannot flood the host's log.
 */
export function rateLimitedLogger(logger: Logger, { burst = limits.logLinesPerConnection, windowMs = limits.logWindowMs, now = Date.now } = {}): Logger {
  let windowStart = -Infinity;
  let written = 0;
  let dropped = 0;
  let lastMessage = '';
  return (level, message) => {
    const t = now();
    if (t - windowStart >= windowMs) {
      if (dropped) logger('warn', `${dropped} more like "${lastMessage.slice(0, 80)}" in the last ${Math.round(windowMs / 1000)} s were not logged`);
      windowStart = t;
      written = 0;
      dropped = 0;
    }
    if (written < burst) {
      written++;
      logger(level, message);
    } else {
      dropped++;
      lastMessage = message;
    }
  };
}
