import { describe, expect, it } from 'vitest';
import { connectorPoints, edgePoint, intersects, unionBox } from './geometry.js';
import { computeGrid } from './grid.js';
import { newLane } from './lane.js';
import { snapBox } from './snap.js';
import { newStage } from './stage.js';

describe('geometry', () => {
  const a = { x: 0, y: 0, w: 100, h: 50 };
  const b = { x: 300, y: 0, w: 100, h: 50 };

  it('straight connectors run edge to edge between centres', () => {
    expect(connectorPoints(a, b, 'straight')).toEqual([100, 25, 300, 25]);
    expect(edgePoint(a, 50, 500)).toEqual({ x: 50, y: 50 });
  });

  it('elbow connectors leave through facing sides at right angles', () => {
    expect(connectorPoints(a, { x: 300, y: 100, w: 100, h: 50 }, 'elbow')).toEqual([100, 25, 200, 25, 200, 125, 300, 125]);
    expect(connectorPoints(a, { x: 0, y: 300, w: 100, h: 50 }, 'elbow')).toEqual([50, 50, 50, 175, 50, 175, 50, 300]);
  });

  it('intersects and unions', () => {
    expect(intersects(a, b)).toBe(false);
    expect(intersects(a, { x: 90, y: 40, w: 20, h: 20 })).toBe(true);
    expect(unionBox([a, b])).toEqual({ x: 0, y: 0, w: 400, h: 50 });
  });
});

describe('snapping', () => {
  const grid = computeGrid([newLane({ order: 'a0', size: 200 }), newStage({ order: 'a0', size: 300 }), newStage({ order: 'a1', size: 300 })]);

  it('snaps a card inside the stage edge it is dragged near, with a guide', () => {
    expect(snapBox({ x: 306, y: 43, w: 100, h: 60 }, grid, 12)).toEqual({ x: 310, y: 40, guideX: 300, guideY: null });
  });

  it('falls back to the 10-unit grid', () => {
    expect(snapBox({ x: 143, y: 77, w: 100, h: 60 }, grid, 5)).toEqual({ x: 140, y: 80, guideX: null, guideY: null });
  });
});
