import { expect, it } from 'vitest';
import { elementsMap, fieldOf } from '../model/board.js';
import { facilitationMap, readTimer, remainingMs } from '../model/facilitation.js';
import { addNote } from './addCard.js';
import { addFrame } from './addStructure.js';
import { setGridLocked, setPresenter, setTimer } from './facilitation.js';
import { setLocked } from './updateElements.js';
import { boardFrom, ctx } from './testDoc.js';

it('the timer: start, pause keeps what is left, resume, a minute more, reset', () => {
  const doc = boardFrom();
  const at = (now: number) => ({ ...ctx, now });
  setTimer.run(doc, { action: 'start', minutes: 5 }, at(1_000));
  expect(remainingMs(readTimer(doc), 61_000)).toBe(240_000);
  setTimer.run(doc, { action: 'pause' }, at(61_000));
  expect(remainingMs(readTimer(doc), 999_000)).toBe(240_000);
  setTimer.run(doc, { action: 'addMinute' }, at(70_000));
  setTimer.run(doc, { action: 'resume' }, at(100_000));
  expect(remainingMs(readTimer(doc), 100_000)).toBe(300_000);
  expect(remainingMs(readTimer(doc), 500_000)).toBe(0);
  setTimer.run(doc, { action: 'reset' }, at(500_000));
  expect(readTimer(doc)).toEqual({ timerRunning: false, timerEndsAt: null, timerRemainingMs: 0 });
});

it('locking a frame locks what lies inside it, and unlocking frees it again', () => {
  const doc = boardFrom();
  const frame = addFrame.run(doc, { x: 0, y: 0, w: 600, h: 400, name: 'Agreed' }, ctx);
  const inside = addNote.run(doc, { x: 50, y: 50, text: 'in' }, ctx);
  const outside = addNote.run(doc, { x: 900, y: 50, text: 'out' }, ctx);
  const locked = () => [frame, inside, outside].map((id) => fieldOf(elementsMap(doc).get(id)!, 'locked'));
  expect(setLocked.run(doc, { ids: [frame], locked: true }, ctx)).toBe(2);
  expect(locked()).toEqual([true, true, false]);
  setLocked.run(doc, { ids: [frame], locked: false }, ctx);
  expect(locked()).toEqual([false, false, false]);
});

it('the grid lock and the presenter are facilitation state, written only when they change', () => {
  const doc = boardFrom();
  let updates = 0;
  doc.on('update', () => updates++);
  setGridLocked.run(doc, { locked: true }, ctx);
  setGridLocked.run(doc, { locked: true }, ctx);
  setPresenter.run(doc, { clientId: 42 }, ctx);
  expect(facilitationMap(doc).toJSON()).toMatchObject({ gridLocked: true, presenter: 42 });
  expect(updates).toBe(2);
  setPresenter.run(doc, { clientId: null }, ctx);
  expect(facilitationMap(doc).get('presenter')).toBeNull();
});
