import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../../shared/model/checkpoint';
import { pauseInWords, timeLine } from './timeLine';

const MIN = 60_000;
const at = (t: number, name = 'x'): Checkpoint => ({ id: `c${t}`, name, kind: 'activity', people: [], createdAt: t });
const start = new Date(2026, 11, 1, 9, 0).getTime();
const newestFirst = (times: number[]) => times.map((t) => at(start + t)).reverse();
const height = (places: ReturnType<typeof timeLine>) => places.reduce((sum, p) => sum + p.space, 0);

describe('the history time line', () => {
  it('runs top to bottom, oldest first, whatever order the host lists', () => {
    expect(timeLine(newestFirst([0, 10 * MIN, 20 * MIN]), 'en-US').map((p) => p.checkpoint.createdAt - start)).toEqual([0, 10 * MIN, 20 * MIN]);
  });

  it('a three-hour morning: one day named, the coffee break said, ten minutes apart reads close', () => {
    const places = timeLine(newestFirst([0, 10 * MIN, 20 * MIN, 30 * MIN, 90 * MIN, 100 * MIN, 180 * MIN]), 'en-US');
    expect(places.filter((p) => p.day).length).toBe(1);
    expect(places.map((p) => p.pause)).toEqual([null, null, null, null, '60 min later', null, '80 min later']);
    expect(places[1].space).toBeLessThan(places[4].space);
  });

  it('two days of workshop: each day named, the night said, and the line stays short', () => {
    const day = 24 * 60 * MIN;
    const times = [0, 10, 20, 30, 40, 50, 60, 70].flatMap((m) => [m * MIN, day + m * MIN]).sort((a, b) => a - b);
    const places = timeLine(newestFirst(times), 'en-US');
    expect(places.filter((p) => p.day).length).toBe(2);
    expect(places.find((p) => p.day && p.pause)?.pause).toBe('23 h later');
    // the night is further apart than ten minutes, but not a day's worth of scrolling
    expect(Math.max(...places.map((p) => p.space))).toBeLessThanOrEqual(2.4);
    expect(height(places)).toBeLessThan(20);
  });

  it('says pauses as a person would', () => {
    expect(pauseInWords(50 * MIN)).toBe('50 min later');
    expect(pauseInWords(3 * 60 * MIN)).toBe('3 h later');
    expect(pauseInWords(26 * 60 * MIN)).toBe('a day later');
    expect(pauseInWords(3 * 24 * 60 * MIN)).toBe('3 days later');
  });
});
