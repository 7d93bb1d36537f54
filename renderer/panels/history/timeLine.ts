import type { Checkpoint } from '../../../shared/model/checkpoint';
import { dayName } from '../../../shared/model/dateText';

/** One checkpoint's place on the time line, oldest at the top. */
export interface TimeLinePlace {
  checkpoint: Checkpoint;
  /** the day's name when this is the first checkpoint of a day ("Tue 1 Dec"), else null */
  day: string | null;
  /** the pause before it in words when it is long enough to say ("2 h later"), else null */
  pause: string | null;
  /** the space above it, in rem: grows with the pause, but slowly, so that two days still fit */
  space: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A pause is said from this long on: shorter ones are the rhythm of a working session. */
const SAID_FROM = 45 * MINUTE;

export function pauseInWords(ms: number): string {
  // up to two hours in minutes: "80 min later" says more than "1 h later"
  if (ms < 2 * HOUR) return `${Math.round(ms / MINUTE)} min later`;
  if (ms < 24 * HOUR) return `${Math.round(ms / HOUR)} h later`;
  const days = Math.round(ms / (24 * HOUR));
  return days === 1 ? 'a day later' : `${days} days later`;
}

const dayKey = (t: number) => new Date(t).toDateString();

/**
 * The checkpoints (newest first, as the host lists them) placed on a time line that runs top to
 * bottom: a day's name where a day begins, the space between two checkpoints growing with the
 * log of the pause (ten minutes apart reads as close, an evening apart as far, without two days
 * of workshop taking two days of scrolling), and long pauses said in words.
 */
export function timeLine(newestFirst: readonly Checkpoint[], locale: string): TimeLinePlace[] {
  const oldestFirst = [...newestFirst].sort((a, b) => a.createdAt - b.createdAt);
  return oldestFirst.map((checkpoint, i) => {
    const before = oldestFirst[i - 1];
    const gap = before ? checkpoint.createdAt - before.createdAt : 0;
    return {
      checkpoint,
      day: !before || dayKey(before.createdAt) !== dayKey(checkpoint.createdAt) ? dayName(checkpoint.createdAt, locale) : null,
      pause: before && gap >= SAID_FROM ? pauseInWords(gap) : null,
      space: before ? Math.min(2.4, 0.5 * Math.log2(1 + gap / (10 * MINUTE))) : 0,
    };
  });
}
