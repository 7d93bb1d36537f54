import type * as Y from 'yjs';
import { z } from 'zod';
import { insertElement, readBoard, type CanvasElement } from '../model/board.js';
import { newConnector } from '../model/connector.js';
import { intersects, type Box } from '../model/geometry.js';
import { absoluteBox, placeCard, type Band } from '../model/grid.js';
import { coordinate } from '../model/fields.js';
import { idSchema } from '../model/ids.js';
import { newStep } from '../model/step.js';
import { keyAfter } from '../model/order.js';
import { topOrder } from './addCard.js';
import { boardGrid } from './boardGrid.js';
import { defineOperation } from './types.js';

/** Paper between a card and the next one when there is no next stage or lane to put it in. */
const GAP = 80;

/**
 * The step that comes after a card, the way one writes a process on paper: to the right in
 * the next stage (same lane), or below in the next lane (same stage), at the same place in
 * its cell, with an arrow from the card to it — one transaction, so one undo. Past the last
 * stage or lane it goes beside the card on the paper; it never lands on another card (it
 * moves on down, or right, until the place is free). With `at`, it is centred on that board
 * point instead (where it was dropped). Null when the card is not a step or note.
 */
export const addNextStep = defineOperation({
  name: 'addNextStep',
  label: 'Next step',
  args: z.strictObject({ fromId: idSchema, direction: z.enum(['right', 'down']), at: z.strictObject({ x: coordinate, y: coordinate }).optional() }),
  run(doc: Y.Doc, { fromId, direction, at: dropped }, ctx): string | null {
    const { elements } = readBoard(doc);
    const from = elements.get(fromId);
    if (!from || (from.kind !== 'step' && from.kind !== 'note')) return null;
    const grid = boardGrid(doc);
    const at = absoluteBox(from, grid);
    const proto = newStep({ x: 0, y: 0, order: '', title: '' });
    if (from.kind === 'step') proto.color = from.color;
    const target: Box = { x: at.x, y: at.y, w: proto.w, h: proto.h };
    if (dropped) {
      target.x = Math.round(dropped.x - proto.w / 2);
      target.y = Math.round(dropped.y - proto.h / 2);
    } else if (direction === 'right') target.x = nextBandStart(grid.stages, from.stageId, at.x) ?? at.x + at.w + GAP;
    else target.y = nextBandStart(grid.lanes, from.laneId, at.y) ?? at.y + at.h + GAP;
    const cards = [...elements.values()].filter((e): e is CanvasElement => e.kind === 'step' || e.kind === 'note').map((e) => absoluteBox(e, grid));
    for (let i = 0; i < 50 && !dropped && cards.some((b) => intersects(b, target)); i++) {
      if (direction === 'right') target.y += proto.h + 20;
      else target.x += proto.w + 20;
    }
    const step = { ...proto, order: topOrder(doc), ...placeCard(grid, target.x, target.y, proto.w, proto.h) };
    const arrow = newConnector({ fromId, toId: step.id, order: keyAfter([step.order]), label: '', route: 'straight' });
    doc.transact(() => {
      insertElement(doc, step);
      insertElement(doc, arrow);
    }, ctx.origin);
    return step.id;
  },
});

/** Where `x` (or y) falls in the band after `bandId`, at the same offset it has in that band; null when there is none. */
function nextBandStart(bands: Band[], bandId: string | null, x: number): number | null {
  const i = bands.findIndex((b) => b.id === bandId);
  if (i < 0 || i + 1 >= bands.length) return null;
  return bands[i + 1].start + (x - bands[i].start);
}
