import { MAX_SESSION_FILE_BYTES } from '../../shared/exchange/sessionFile.js';
import { MAX_STEP_LIST_BYTES } from './import/readStepTable.js';
import { longText, shortText } from '../../shared/model/fields.js';

/**
 * Every limit the host enforces, in one place (docs/ARCHITECTURE.md lists them; test/host/limits
 * tests each at its edge). What is refused over a limit is refused whole, with a reason.
 */
const values = {
  /** one y-websocket frame; over it the connection is closed with 1009. A 10,000-card board is far below. */
  messageBytes: 32 * 1024 * 1024,
  /** live sync connections to one session (a hall of 400 and their second screens); past it an upgrade answers 503 */
  connectionsPerSession: 500,
  /** live sync connections from one address, all sessions together; past it an upgrade answers 429 */
  connectionsPerAddress: 100,
  /** awareness (presence) messages relayed per connection: sustained per second, and in a burst */
  awarenessPerSecond: 60,
  awarenessBurst: 120,
  /** log lines one connection may cause per window */
  logLinesPerConnection: 5,
  logWindowMs: 10_000,
  /** a JSON request body of the HTTP API */
  apiBodyBytes: 64 * 1024,
  /** a step list's file (CSV or XLSX) for the import dialog; over it the route answers 413 */
  stepListBytes: MAX_STEP_LIST_BYTES,
  /** an imported session file */
  sessionFileBytes: MAX_SESSION_FILE_BYTES,
  /** wrong join codes from one address per window, then everything from it is refused until the window ends */
  joinFailuresPerWindow: 10,
  joinFailureWindowMs: 60_000,
  /** text fields: titles, names, labels… and notes */
  shortTextChars: shortText.maxLength!,
  longTextChars: longText.maxLength!,
};
export const limits: { readonly [K in keyof typeof values]: number } = Object.freeze(values);

type Limits = typeof limits;
export type ConnectionLimits = Pick<Limits, 'connectionsPerSession' | 'connectionsPerAddress'>;
