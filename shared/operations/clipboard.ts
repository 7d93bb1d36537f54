import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, insertElement, isCanvasElement, isCard, readBoard, type BoardElement, type CanvasElement } from '../model/board.js';
import { connectorSchema } from '../model/connector.js';
import { coordinate } from '../model/fields.js';
import { frameSchema } from '../model/frame.js';
import { absoluteBox, computeGrid, placeElement } from '../model/grid.js';
import { idSchema, newId } from '../model/ids.js';
import { noteSchema } from '../model/note.js';
import { compareOrder, keyAfter } from '../model/order.js';
import { stepSchema } from '../model/step.js';
import { textSchema } from '../model/text.js';
import { defineOperation } from './types.js';
import { newElements } from './touches.js';
import { toBeArg } from './toBeScenario.js';
import { scenariosMap } from '../model/scenario.js';

/**
 * What copy puts on the system clipboard (as JSON text) and paste takes back, also between
 * sessions: canvas elements with absolute positions and no cell, plus the connectors among
 * them. Versioned so a later app can still read it.
 */
export const clipboardSchema = z.strictObject({
  brownpaper: z.literal('clipboard/1'),
  elements: z
    .array(
      z.discriminatedUnion('kind', [
        stepSchema.omit({ laneId: true, stageId: true }).extend({ laneId: z.null(), stageId: z.null() }),
        noteSchema.omit({ laneId: true, stageId: true }).extend({ laneId: z.null(), stageId: z.null() }),
        textSchema,
        frameSchema,
        connectorSchema,
      ]),
    )
    .max(20_000),
});
export type ClipboardContent = z.infer<typeof clipboardSchema>;

/** The clipboard content for a selection (connectors come along when both their ends do). */
export function copyElements(doc: Y.Doc, ids: string[]): ClipboardContent {
  const { elements } = readBoard(doc);
  const grid = computeGrid(elements.values());
  const want = new Set(ids);
  const canvas = [...elements.values()].filter((e): e is CanvasElement => isCanvasElement(e) && want.has(e.id)).sort(compareOrder);
  const inside = new Set(canvas.map((e) => e.id));
  const out: BoardElement[] = canvas.map((e) => {
    const box = absoluteBox(e, grid);
    return isCard(e) ? { ...e, x: box.x, y: box.y, laneId: null, stageId: null } : e;
  });
  for (const e of elements.values()) if (e.kind === 'connector' && inside.has(e.fromId) && inside.has(e.toId)) out.push(e);
  return { brownpaper: 'clipboard/1', elements: out as ClipboardContent['elements'] };
}

/**
 * Insert clipboard content with fresh ids, shifted so its top-left lands at (x, y) — or by (dx, dy). Returns the new ids.
 * A step that exists only in a to-be keeps its scenario; one whose scenario is not on this
 * board (copied from another session, or deleted since) lands in `picked` (the to-be shown), else on the as-is map.
 */
function insertCopies(doc: Y.Doc, content: ClipboardContent, shift: (x0: number, y0: number) => { dx: number; dy: number }, origin: unknown, picked: string | null = null): string[] {
  const canvas = content.elements.filter((e) => e.kind !== 'connector') as CanvasElement[];
  if (canvas.length === 0) return [];
  const x0 = Math.min(...canvas.map((e) => e.x));
  const y0 = Math.min(...canvas.map((e) => e.y));
  const { dx, dy } = shift(x0, y0);
  const grid = computeGrid(readBoard(doc).elements.values());
  const orders: string[] = [];
  elementsMap(doc).forEach((m) => typeof m.get('order') === 'string' && orders.push(m.get('order') as string));
  const nextOrder = () => {
    const k = keyAfter(orders);
    orders.push(k);
    return k;
  };
  const ids = new Map(content.elements.map((e) => [e.id, newId()]));
  const scenarios = scenariosMap(doc);
  const created: string[] = [];
  doc.transact(() => {
    for (const e of canvas) {
      const pos = placeElement(e, grid, e.x + dx, e.y + dy);
      const scenario = e.kind === 'step' && e.scenarioId !== null ? { scenarioId: scenarios.has(e.scenarioId) ? e.scenarioId : picked } : {};
      insertElement(doc, { ...e, ...pos, ...scenario, id: ids.get(e.id)!, order: nextOrder(), locked: false } as BoardElement);
      created.push(ids.get(e.id)!);
    }
    for (const e of content.elements) {
      if (e.kind !== 'connector' || !ids.has(e.fromId) || !ids.has(e.toId)) continue;
      insertElement(doc, { ...e, id: ids.get(e.id)!, fromId: ids.get(e.fromId)!, toId: ids.get(e.toId)!, order: nextOrder(), locked: false });
      created.push(ids.get(e.id)!);
    }
  }, origin);
  return created;
}

/** Paste clipboard content (validated: it may come from anywhere) with its top-left at (x, y); `scenarioId` is the to-be shown, for to-be steps whose scenario is not on this board. */
export const pasteElements = defineOperation({
  name: 'pasteElements',
  label: 'paste',
  args: z.strictObject({ content: clipboardSchema, x: coordinate, y: coordinate, ...toBeArg }),
  touches: (_doc: Y.Doc, { content }) => newElements(content.elements.map((e) => e.kind)),
  run(doc: Y.Doc, { content, x, y, scenarioId }, ctx): string[] {
    return insertCopies(doc, content, (x0, y0) => ({ dx: x - x0, dy: y - y0 }), ctx.origin, scenarioId && scenariosMap(doc).has(scenarioId) ? scenarioId : null);
  },
});

/** Duplicate elements beside themselves (offset by dx, dy), with the connectors among them. */
export const duplicateElements = defineOperation({
  name: 'duplicateElements',
  label: 'duplicate',
  args: z.strictObject({ ids: z.array(idSchema).min(1).max(20_000), dx: coordinate, dy: coordinate }),
  touches: (doc: Y.Doc, { ids }) => newElements(copyElements(doc, ids).elements.map((e) => e.kind)),
  run(doc: Y.Doc, { ids, dx, dy }, ctx): string[] {
    return insertCopies(doc, copyElements(doc, ids), () => ({ dx, dy }), ctx.origin);
  },
});
