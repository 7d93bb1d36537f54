import { expect, it } from 'vitest';
import { readTimer, remainingMs } from '../model/facilitation.js';
import { setTimer } from './setTimer.js';
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
