import { BallotStore } from './ballots.js';
import { CheckpointStore } from './checkpoints.js';
import { EstimateAnswerStore } from './estimateAnswers.js';
import { PrivateCardStore } from './privateCards.js';
import { openDatabase, type Db, type OpenOptions } from './database.js';
import { SessionStore } from './sessions.js';
import { TokenStore } from './tokens.js';
import { UpdateLog } from './updateLog.js';

/** The session store: one SQLite file in the data dir, opened once per process. */
export interface Store {
  readonly db: Db;
  readonly sessions: SessionStore;
  readonly updates: UpdateLog;
  readonly tokens: TokenStore;
  readonly ballots: BallotStore;
  readonly estimateAnswers: EstimateAnswerStore;
  readonly privateCards: PrivateCardStore;
  readonly checkpoints: CheckpointStore;
  close(): void;
}

export function openStore(dataDir: string, options: OpenOptions): Store {
  const db = openDatabase(dataDir, options);
  const updates = new UpdateLog(db);
  return {
    db,
    sessions: new SessionStore(db, updates),
    updates,
    tokens: new TokenStore(db),
    ballots: new BallotStore(db),
    estimateAnswers: new EstimateAnswerStore(db),
    privateCards: new PrivateCardStore(db),
    checkpoints: new CheckpointStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
