import pg from 'pg';

/**
 * pg hands bigint (int8) columns back as strings, since not every one fits a JS number. Ours are
 * times in milliseconds, sequence numbers and counts: exact as numbers up to 2^53. Past that a
 * value is refused rather than rounded.
 */
function exactNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`a bigint of PostgreSQL's (${text}) does not fit a JavaScript number exactly`);
  return n;
}

const INT8 = 20;

/** The pool's own type parsers (pg's global ones are left alone): int8 as an exact number. */
export const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => (oid === INT8 && format !== 'binary' ? exactNumber : pg.types.getTypeParser(oid, format as 'text'))) as pg.CustomTypesConfig['getTypeParser'],
};

/** bytea as a parameter: a Buffer over the same bytes (no copy). */
export const bytes = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** bytea from a row: the Uint8Array Yjs takes. */
export const fromBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Run `fn` in one transaction on one connection of the pool: committed when it resolves, rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection whose ROLLBACK failed is broken: the pool drops it instead of lending it again.
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch((r: Error) => (broken = r));
      throw e;
    }
  } finally {
    client.release(broken);
  }
}
