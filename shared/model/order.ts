import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';

// Z-order and lane/stage order are fractional-index strings: two people inserting at once
// produce distinct keys, and nobody's reorder rewrites anyone else's key.
export const orderKeySchema = z.string().regex(/^[0-9A-Za-z]{1,128}$/, 'expected a fractional index key');

/** A key after every key given (or the first key). */
export function keyAfter(keys: Iterable<string>): string {
  let max: string | null = null;
  for (const k of keys) if (max === null || k > max) max = k;
  return generateKeyBetween(max, null);
}

/** A key before every key given. */
export function keyBefore(keys: Iterable<string>): string {
  let min: string | null = null;
  for (const k of keys) if (min === null || k < min) min = k;
  return generateKeyBetween(null, min);
}

export function compareOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  // Ties are possible when two peers insert concurrently between the same keys; the id
  // breaks them the same way on every peer.
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
