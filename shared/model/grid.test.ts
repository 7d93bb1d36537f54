import { describe, expect, it } from 'vitest';
import { absoluteBox, computeGrid, placeCard } from './grid.js';
import { newLane } from './lane.js';
import { newNote } from './note.js';
import { newStage } from './stage.js';

const lanes = [newLane({ order: 'a0', name: 'Customer', size: 200 }), newLane({ order: 'a1', name: 'Frontstage', size: 150 })];
const stages = [newStage({ order: 'a0', name: 'Ask', size: 300 }), newStage({ order: 'a1', name: 'Wait', size: 300 })];

describe('grid', () => {
  it('stacks lanes and stages by order', () => {
    const g = computeGrid([stages[1], lanes[1], lanes[0], stages[0]]);
    expect(g.lanes.map((b) => [b.name, b.start])).toEqual([
      ['Customer', 0],
      ['Frontstage', 200],
    ]);
    expect(g.stages.map((b) => [b.name, b.start])).toEqual([
      ['Ask', 0],
      ['Wait', 300],
    ]);
  });

  it('places a card in the cell under its centre, relative to that cell', () => {
    const g = computeGrid([...lanes, ...stages]);
    expect(placeCard(g, 320, 220, 100, 60)).toEqual({ x: 20, y: 20, laneId: lanes[1].id, stageId: stages[1].id });
    expect(placeCard(g, -500, -500, 100, 60)).toEqual({ x: -500, y: -500, laneId: null, stageId: null });
  });

  it('moves a card with its lane when an earlier lane grows', () => {
    const note = newNote({ x: 20, y: 20, order: 'a0', laneId: lanes[1].id, stageId: stages[1].id });
    expect(absoluteBox(note, computeGrid([...lanes, ...stages]))).toMatchObject({ x: 320, y: 220 });
    const grown = { ...lanes[0], size: 400 };
    expect(absoluteBox(note, computeGrid([grown, lanes[1], ...stages]))).toMatchObject({ x: 320, y: 420 });
  });

  it('moves a card with its lane when lanes are reordered', () => {
    const note = newNote({ x: 0, y: 10, order: 'a0', laneId: lanes[0].id, stageId: null });
    const reordered = [{ ...lanes[0], order: 'a2' }, lanes[1]];
    expect(absoluteBox(note, computeGrid(reordered)).y).toBe(160);
  });
});
