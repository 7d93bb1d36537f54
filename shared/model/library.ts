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

/** Who made a session on a team server: the facilitator's id and name (null: not known, a session from before owners were kept or made by the CLI). */
const sessionOwnerSchema = z.strictObject({ id: z.string(), name: z.string() }).nullable();
export type SessionOwner = z.infer<typeof sessionOwnerSchema>;

/** `owner`: on a team server only (the desktop's library is one person's). */
export const libraryEntrySchema = z.strictObject({ session: sessionSchema, summary: sessionSummarySchema.nullable(), owner: sessionOwnerSchema.optional() });
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;
