/** The host's log: one line per event on stderr, or wherever a test points it. */
export type Logger = (level: 'info' | 'warn' | 'error', message: string) => void;

export const stderrLogger: Logger = (level, message) => {
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
};

export const silentLogger: Logger = () => {};
