import { z } from 'zod';
import { sessionSchema } from '../session.js';

/** What the library shows of a session besides its title: read from its board by the host. */
const sessionSummarySchema = z.strictObject({
  steps: z.number().int().nonnegative(),
  /** the as-is period cost in minor units (a decimal string), null when no step has a cost */
  totalMinor: z.string().nullable(),
  currency: z.string(),
  period: z.enum(['month', 'year']),
  locale: z.string(),
  /** the map's lead time in minutes, null when no step has a time */
  leadMinutes: z.number().nullable(),
  /** the cards' words, for search (cut at 20,000 characters) */
  text: z.string(),
  /** a small SVG of the board (shared/exchange/thumbnail.ts) */
  thumbnail: z.string(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const libraryEntrySchema = z.strictObject({ session: sessionSchema, summary: sessionSummarySchema.nullable() });
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;
