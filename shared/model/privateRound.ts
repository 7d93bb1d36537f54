import type * as Y from 'yjs';
import { z } from 'zod';
import { colorSchema, coordinate, extent, longText, shortText } from './fields.js';
import type { Box } from './geometry.js';
import type { Grid } from './grid.js';
import { readHostRecords, writeHostRecord } from './hostRecords.js';
import { idSchema } from './ids.js';

/**
 * Private writing. While a private round is on, each person's new cards in its area are theirs
 * alone: the host keeps them (electron/host/privateRounds) the way it keeps ballots, because
 * Yjs sends every update to every client — text in the doc would be on everyone's wire. The doc
 * carries only the round (this map, written only by the host): where, how many cards so far
 * and, when others' cards show as placeholders, their rectangles without text or author. On
 * the reveal the host writes the cards into the board as notes, in one transaction.
 */
export const MAX_PRIVATE_CARDS = 2000;
/** how many private cards one person may hold in a round */
export const MAX_PRIVATE_CARDS_EACH = 200;

/** Where a round is held: the whole board, a frame, or a lane. */
const privateAreaSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('board') }),
  z.strictObject({ kind: z.literal('frame'), id: idSchema }),
  z.strictObject({ kind: z.literal('lane'), id: idSchema }),
]);
export type PrivateArea = z.infer<typeof privateAreaSchema>;

/** What others see of the cards being written: blank placeholders, or nothing at all. */
const othersSeeSchema = z.enum(['placeholders', 'nothing']);
export type OthersSee = z.infer<typeof othersSeeSchema>;

/** A card being written, as everyone sees it: a rectangle, no text, no author. */
const placeholderSchema = z.strictObject({ id: idSchema, x: coordinate, y: coordinate, w: extent, h: extent });

const privateRoundSchema = z.strictObject({
  id: idSchema,
  area: privateAreaSchema,
  /** the area's name when the round started ("Frame “Ideas”"), for the banner */
  areaName: shortText,
  othersSee: othersSeeSchema,
  status: z.enum(['open', 'revealed', 'cancelled']),
  startedAt: z.number().int().nonnegative(),
  endedAt: z.number().int().nonnegative().nullable(),
  /** how the cards were revealed: without authors (true), signed (false); null until then */
  anonymous: z.boolean().nullable(),
  /** cards written so far, and by how many people (counts only) */
  written: z.number().int().nonnegative(),
  writers: z.number().int().nonnegative(),
  /** empty when others see nothing, and after the round */
  placeholders: z.array(placeholderSchema).max(MAX_PRIVATE_CARDS),
});
export type PrivateRound = z.infer<typeof privateRoundSchema>;

export function privateRoundsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('privateRounds');
}

/** Every private round, oldest first (invalid records are skipped). */
export function readPrivateRounds(doc: Y.Doc): PrivateRound[] {
  return readHostRecords(privateRoundsMap(doc), privateRoundSchema, (r) => r.startedAt);
}

/** The round on now, if any (one at a time). */
export function openPrivateRound(rounds: readonly PrivateRound[]): PrivateRound | null {
  for (let i = rounds.length - 1; i >= 0; i--) if (rounds[i].status === 'open') return rounds[i];
  return null;
}

/** Write a round (inside a transaction; the host's). Only changed fields are written. */
export function writePrivateRound(doc: Y.Doc, round: PrivateRound): void {
  writeHostRecord(privateRoundsMap(doc), round);
}

/**
 * The area as a box in board coordinates: null for the whole board, 'gone' when its frame or
 * lane is no longer on the board. A lane reaches sideways without end: a card belongs to a lane
 * by its centre's height (grid.ts placeCard).
 */
export function privateAreaBox(area: PrivateArea, grid: Grid, frameBox: (id: string) => Box | null): Box | null | 'gone' {
  if (area.kind === 'board') return null;
  if (area.kind === 'frame') return frameBox(area.id) ?? 'gone';
  const band = grid.laneById.get(area.id);
  return band ? { x: -1e7, y: band.start, w: 2e7, h: band.size } : 'gone';
}

/** Whether a card with this box belongs to the area: its centre lies in it. */
export function inPrivateArea(areaBox: Box | null, card: Box): boolean {
  if (!areaBox) return true;
  const cx = card.x + card.w / 2;
  const cy = card.y + card.h / 2;
  return cx >= areaBox.x && cx <= areaBox.x + areaBox.w && cy >= areaBox.y && cy <= areaBox.y + areaBox.h;
}

/** What the facilitator asks of a round (POST /api/sessions/<id>/private). */
export const privateRoundRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), area: privateAreaSchema, othersSee: othersSeeSchema }),
  z.strictObject({ action: z.literal('reveal'), roundId: idSchema, anonymous: z.boolean() }),
  z.strictObject({ action: z.literal('cancel'), roundId: idSchema }),
]);
export type PrivateRoundRequest = z.infer<typeof privateRoundRequestSchema>;

/** One's own card in a round, as the host keeps it and gives it back to its author only. */
const privateCardSchema = z.strictObject({ id: idSchema, x: coordinate, y: coordinate, w: extent, h: extent, text: longText, color: colorSchema });
export type PrivateCard = z.infer<typeof privateCardSchema>;

/** What a person does with their own private cards (POST /api/sessions/<id>/private/cards). */
export const privateCardRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('add'),
    roundId: idSchema,
    x: coordinate,
    y: coordinate,
    text: longText.optional(),
    color: colorSchema.optional(),
    /** the author's name, for a signed reveal; never sent to anyone before it */
    author: shortText.optional(),
  }),
  z.strictObject({ action: z.literal('edit'), id: idSchema, text: longText }),
  z.strictObject({ action: z.literal('move'), id: idSchema, x: coordinate, y: coordinate }),
  z.strictObject({ action: z.literal('delete'), id: idSchema }),
]);
export type PrivateCardRequest = z.infer<typeof privateCardRequestSchema>;

/** The host's answer to a writer: the open round and their own cards in it. */
export const myPrivateCardsSchema = z.strictObject({ roundId: idSchema.nullable(), cards: z.array(privateCardSchema) });
export type MyPrivateCards = z.infer<typeof myPrivateCardsSchema>;
