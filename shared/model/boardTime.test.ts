import { expect, it } from 'vitest';
import { boardTime } from './boardTime.js';
import { newElement } from './kinds.js';
import { unpriced, type Scenario } from './scenario.js';

const day = 24 * 60;

it('reads steps, stages and connectors of a board and applies a scenario’s time overrides', () => {
  const stage = newElement('stage', { id: 'stage00000001', name: 'Request', order: 'a0', size: 400 });
  const form = newElement('step', { id: 'step00000001', x: 0, y: 0, order: 'a0', stageId: stage.id, waitMinutes: 0, processMinutes: 10, valueClass: 'value-adding' });
  const post = newElement('step', { id: 'step00000002', x: 300, y: 0, order: 'a1', stageId: stage.id, waitMinutes: 28 * day, processMinutes: 60, firstTimeRight: 0.8, volume: 100, unitCents: 500 });
  const link = newElement('connector', { id: 'conn00000001', order: 'a0', fromId: form.id, toId: post.id });
  const elements = [stage, form, post, link];

  // As-is: form (10 min) then post (28 days + 60 min) along the connector.
  const asIs = boardTime(elements);
  expect(asIs.lead.leadMinutes).toBe(10 + 28 * day + 60);
  expect(asIs.lead.criticalPath).toEqual([form.id, post.id]);

  const toBe: Scenario = { id: 'scen00000001', name: 'Brochure in 2 days', order: 'a0', price: unpriced, overrides: { [post.id]: { waitMinutes: 2 * day - 70, firstTimeRight: 1 } } };
  const after = boardTime(elements, toBe);
  expect(after.lead.leadMinutes).toBe(2 * day);
  expect(after.steps.get(post.id)).toMatchObject({ waitMinutes: 2 * day - 70, processMinutes: 60, firstTimeRight: 1 });
});

it('after an edit that changes no time (a volume, a unit cost, an owner) the board’s time is the one worked out before; a wait, a stage or an arrow changed works it out again', () => {
  const stage = newElement('stage', { id: 'stage00000001', name: 'Request', order: 'a0', size: 400 });
  const form = newElement('step', { id: 'step00000001', x: 0, y: 0, order: 'a0', stageId: stage.id, waitMinutes: 0, processMinutes: 10 });
  const post = newElement('step', { id: 'step00000002', x: 300, y: 0, order: 'a1', stageId: stage.id, waitMinutes: 2 * day, processMinutes: 60, volume: 100 });
  const link = newElement('connector', { id: 'conn00000001', order: 'a0', fromId: form.id, toId: post.id });
  const toBe: Scenario = { id: 'scen00000001', name: 'Faster', order: 'a0', price: unpriced, overrides: { [post.id]: { waitMinutes: day } } };
  const before = boardTime([stage, form, post, link]);
  const beforeToBe = boardTime([stage, form, post, link], toBe);
  const costOnly = { ...post, volume: 500, unitCents: 250, owner: 'Post room' };
  expect(boardTime([stage, form, costOnly, link])).toBe(before);
  expect(boardTime([stage, form, costOnly, link], toBe)).toBe(beforeToBe);
  // A wait changed: worked out again, and the same as from a list it never saw.
  const waited = { ...costOnly, waitMinutes: 3 * day };
  const after = boardTime([stage, form, waited, link]);
  expect(after.lead.leadMinutes).toBe(10 + 3 * day + 60);
  expect(boardTime(new Set([stage, form, waited, link]))).toEqual(after);
  // Another stage for a step, an arrow turned round: worked out again.
  expect(boardTime([stage, form, { ...waited, stageId: null }, link]).steps.get(post.id)?.stageId).toBeNull();
  expect(boardTime([stage, form, waited, { ...link, fromId: post.id, toId: form.id }]).lead.criticalPath).toEqual([post.id, form.id]);
});
