import { afterEach, expect, it, vi } from 'vitest';
import { AWARENESS_BURST, AWARENESS_PER_SECOND, AwarenessRate } from './awarenessRate.js';

afterEach(() => vi.useRealTimers());

it('passes a burst, then holds back all but the newest update and applies it when the bucket refills', () => {
  vi.useFakeTimers();
  let now = 0;
  const applied: number[] = [];
  const rate = new AwarenessRate(
    (p) => applied.push(p[0]),
    () => now,
  );
  for (let i = 0; i < AWARENESS_BURST + 50; i++) rate.offer(new Uint8Array([i % 256]));
  expect(applied).toHaveLength(AWARENESS_BURST);
  const tick = Math.ceil(1000 / AWARENESS_PER_SECOND);
  now += tick;
  vi.advanceTimersByTime(tick);
  // Of the 50 held back, only the newest is applied: each update is the whole state.
  expect(applied).toHaveLength(AWARENESS_BURST + 1);
  expect(applied.at(-1)).toBe((AWARENESS_BURST + 49) % 256);
  // At the sustained rate nothing is held back.
  for (let i = 0; i < 10; i++) {
    now += 1000 / AWARENESS_PER_SECOND;
    rate.offer(new Uint8Array([200 + i]));
  }
  expect(applied.slice(-10)).toEqual([200, 201, 202, 203, 204, 205, 206, 207, 208, 209]);
});

it('drops what it holds when the connection closes', () => {
  vi.useFakeTimers();
  const applied: number[] = [];
  const rate = new AwarenessRate(
    (p) => applied.push(p[0]),
    () => 0,
  );
  for (let i = 0; i < AWARENESS_BURST + 5; i++) rate.offer(new Uint8Array([1]));
  rate.stop();
  vi.advanceTimersByTime(10_000);
  expect(applied).toHaveLength(AWARENESS_BURST);
});
