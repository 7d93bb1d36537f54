import type { BoardElement } from '../../shared/model/board';
import type { Band, Grid } from '../../shared/model/grid';

/**
 * The journey's emotion curve in an emotion lane: one point per stage that has rated steps,
 * at the stage's centre, the mean emotion mapped from +2 (top of the lane) to −2 (bottom).
 */
export function emotionPoints(lane: Band, grid: Grid, elements: Record<string, BoardElement>): { stageId: string; x: number; y: number; value: number }[] {
  const sums = new Map<string, { total: number; n: number }>();
  for (const e of Object.values(elements)) {
    if (e.kind !== 'step' || e.emotion === null || !e.stageId) continue;
    const s = sums.get(e.stageId) ?? { total: 0, n: 0 };
    s.total += e.emotion;
    s.n++;
    sums.set(e.stageId, s);
  }
  const pad = Math.min(24, lane.size / 6);
  return grid.stages
    .filter((s) => sums.has(s.id))
    .map((s) => {
      const { total, n } = sums.get(s.id)!;
      const value = total / n;
      return { stageId: s.id, value, x: s.start + s.size / 2, y: lane.start + pad + ((2 - value) / 4) * (lane.size - 2 * pad) };
    });
}
