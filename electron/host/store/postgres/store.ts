import pg from 'pg';
import type { AsyncStore } from '../asyncStore.js';
import { StoreError } from '../database.js';
import { postgresBallots } from './ballots.js';
import { postgresCheckpoints } from './checkpoints.js';
import { postgresEstimateAnswers } from './estimateAnswers.js';
import { postgresFacilitators, type Facilitators } from './facilitators.js';
import type { JoinCodeBook } from '../../join/joinCodes.js';
import { postgresJoinCodes } from './joinCodes.js';
import { postgresUrlProblem, postgresWhere } from './url.js';
import { migrate } from './migrations.js';
import { postgresPrivateCards } from './privateCards.js';
import { types } from './rows.js';
import { postgresSessions } from './sessions.js';
import { postgresSummaries, type StoredSummaries } from './summaries.js';
import { postgresTokens } from './tokens.js';
import { postgresUpdateLog } from './updateLog.js';

/** The store on PostgreSQL: the contract, and what only the team server keeps there: its facilitators, the library's cards and the join codes. */
export interface PostgresStore extends AsyncStore {
  readonly engine: 'postgres';
  readonly facilitators: Facilitators;
  readonly summaries: StoredSummaries;
  readonly joinCodes: JoinCodeBook;
  /** who made a session (its facilitator's id); null: not known, or no such session */
  ownerOf(sessionId: string): Promise<string | null>;
}

/** pg's words for a server that asks for a password the URL does not carry, in the operator's. */
function plainReason(message: string): string {
  if (/client password must be a (non-empty )?string/.test(message)) return 'it asks for a password and the URL has none (postgres://USER:PASSWORD@HOST/DATABASE, or set PGPASSWORD)';
  return message;
}

/**
 * The team server's store: a pool of connections to one PostgreSQL database, brought to the
 * current schema before it is used. Refuses in one line a database it cannot reach or use.
 */
export async function openPostgresStore(url: string, options: { maxConnections?: number } = {}): Promise<PostgresStore> {
  const problem = postgresUrlProblem(url);
  if (problem) throw new StoreError(`PostgreSQL cannot be used: its URL ${problem}`);
  const pool = new pg.Pool({ connectionString: url, types, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (a restart) is an 'error' on the pool: the next query
  // gets a new connection; without a listener Node would end the process.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw new StoreError(`${postgresWhere(url)} ${e instanceof StoreError ? e.message : `cannot be used: ${plainReason((e as Error).message)}`}`);
  }
  // Rooms.exclusive's session locks: a few at once per node, on connections of their own.
  const lockPool = new pg.Pool({ connectionString: url, types, max: 4, connectionTimeoutMillis: 10_000 });
  lockPool.on('error', () => {});
  const updates = postgresUpdateLog(pool, lockPool);
  return {
    engine: 'postgres',
    sessions: postgresSessions(pool, updates),
    updates,
    tokens: postgresTokens(pool),
    checkpoints: postgresCheckpoints(pool),
    ballots: postgresBallots(pool),
    estimateAnswers: postgresEstimateAnswers(pool),
    privateCards: postgresPrivateCards(pool),
    facilitators: postgresFacilitators(pool),
    summaries: postgresSummaries(pool),
    joinCodes: postgresJoinCodes(pool),
    ownerOf: async (sessionId) => (await pool.query<{ owner_id: string | null }>('SELECT owner_id FROM sessions WHERE id = $1', [sessionId])).rows[0]?.owner_id ?? null,
    close: async () => {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
}
