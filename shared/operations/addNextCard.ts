import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, insertElement, isCard, readBoard } from '../model/board.js';
import { newConnector } from '../model/connector.js';
import { type Box } from '../model/geometry.js';
import { clearPlace } from '../model/clearPlace.js';
import { absoluteBox, placeCard, type Band } from '../model/grid.js';
import { coordinate } from '../model/fields.js';
import { idSchema } from '../model/ids.js';
import { newNote } from '../model/note.js';
import { newStep } from '../model/step.js';
import { keyAfter } from '../model/order.js';
import { topOrder } from './addCard.js';
import { boardGrid } from './boardGrid.js';
import { defineOperation } from './types.js';
import { newElement } from './touches.js';
import { toBeArg, toBeScenario } from './toBeScenario.js';

/** Paper between a card and the next one when there is no next stage or lane to put it in (room for the arrow). */
const GAP = 80;
/** Between sticky notes written one after another. */
const NOTE_GAP = 20;

/**
 * The card that comes after a card, the way one writes on paper: after a step, the next step
 * with an arrow from it; after a sticky note, another note of its colour beside it (a
 * brainstorm, no arrow). It goes to the right in the next stage (same lane), or below in the
 * next lane (same stage), at the same place in its cell — one transaction, so one undo. Past
 * the last stage or lane it goes beside the card on the paper; it never lands on another card
 * (it moves on down, or right, until the place is free). With `at`, it is centred on that board
 * point instead (where an arrow from the card was dropped) and always gets the arrow. Null when
 * the card is not a step or note. A step made with a scenario exists only in that to-be.
 */
export const addNextCard = defineOperation({
  name: 'addNextCard',
  label: 'new card',
  args: z.strictObject({ fromId: idSchema, direction: z.enum(['right', 'down']), at: z.strictObject({ x: coordinate, y: coordinate }).optional(), ...toBeArg }),
  touches(doc: Y.Doc, { fromId, at }) {
    const kind = elementsMap(doc).get(fromId)?.get('kind');
    if (kind !== 'step' && kind !== 'note') return [];
    return kind === 'step' || at ? [newElement(kind), newElement('connector')] : [newElement(kind)];
  },
  run(doc: Y.Doc, { fromId, direction, at: dropped, scenarioId }, ctx): string | null {
    const { elements } = readBoard(doc);
    const from = elements.get(fromId);
    if (!from || !isCard(from)) return null;
    const grid = boardGrid(doc);
    const at = absoluteBox(from, grid);
    const proto =
      from.kind === 'step'
        ? newStep({ x: 0, y: 0, order: '', title: '', color: from.color, scenarioId: toBeScenario(doc, scenarioId) })
        : newNote({ x: 0, y: 0, order: '', text: '', color: from.color });
    const gap = from.kind === 'note' ? NOTE_GAP : GAP;
    let target: Box = { x: at.x, y: at.y, w: proto.w, h: proto.h };
    if (dropped) {
      target.x = Math.round(dropped.x - proto.w / 2);
      target.y = Math.round(dropped.y - proto.h / 2);
    } else if (direction === 'right') target.x = nextBandStart(grid.stages, from.stageId, at.x) ?? at.x + at.w + gap;
    else target.y = nextBandStart(grid.lanes, from.laneId, at.y) ?? at.y + at.h + gap;
    const cards = [...elements.values()].filter(isCard).map((e) => absoluteBox(e, grid));
    if (!dropped) target = clearPlace(target, cards, direction === 'right' ? 'down' : 'right');
    const card = { ...proto, order: topOrder(doc), ...placeCard(grid, target.x, target.y, proto.w, proto.h) };
    const arrow = from.kind === 'step' || dropped ? newConnector({ fromId, toId: card.id, order: keyAfter([card.order]), label: '', route: 'straight' }) : null;
    doc.transact(() => {
      insertElement(doc, card);
      if (arrow) insertElement(doc, arrow);
    }, ctx.origin);
    return card.id;
  },
});

/** Where `x` (or y) falls in the band after `bandId`, at the same offset it has in that band; null when there is none. */
function nextBandStart(bands: Band[], bandId: string | null, x: number): number | null {
  const i = bands.findIndex((b) => b.id === bandId);
  if (i < 0 || i + 1 >= bands.length) return null;
  return bands[i + 1].start + (x - bands[i].start);
}
