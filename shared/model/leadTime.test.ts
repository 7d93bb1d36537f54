import { describe, expect, it } from 'vitest';
import { effectiveTime, leadTime, stepLeadMinutes, type Flow, type Ordered, type StepTime } from './leadTime.js';
import type { ValueClass } from './step.js';

const D = 24 * 60; // minutes in a day
const stages: Ordered[] = [
  { id: 'stage3', order: 'a2' },
  { id: 'stage1', order: 'a0' },
  { id: 'stage2', order: 'a1' },
];
function step(id: string, stageId: string | null, wait: number | null, process: number | null, valueClass: ValueClass = 'unclassified', laneId: string | null = null): StepTime {
  return { id, stageId, laneId, valueClass, waitMinutes: wait, processMinutes: process, firstTimeRight: null };
}
const joined = (...ids: string[]): Flow[] => ids.slice(1).map((to, i) => ({ fromId: ids[i], toId: to }));

describe('a step’s lead time and the map’s, stage by stage', () => {
  it('unjoined steps: lanes of one stage run in parallel, stages add up in their order', () => {
    const steps = [
      step('A', 'stage1', 60, 30, 'unclassified', 'lane1'), // 90
      step('B', 'stage1', 0, 120, 'necessary', 'lane2'), // 120: the longer of stage 1
      step('C', 'stage2', D, 60, 'value-adding', 'lane1'), // 1,440 + 60 = 1,500
      step('D', 'stage2', null, 30, 'value-adding', 'lane2'), // 30 (no wait given: incomplete)
      step('E', 'stage3', 0, 15, 'value-adding', 'lane1'), // 15
    ];
    const t = leadTime(steps, stages, []);
    expect(t.leadMinutes).toBe(1635); // 120 + 1,500 + 15
    expect(t.criticalPath).toEqual(['B', 'C', 'E']);
    expect(stepLeadMinutes(steps[0])).toBe(90); // A: 60 + 30
    expect(t.waitMinutes).toBe(1440);
    expect(t.processMinutes).toBe(195); // 120 + 60 + 15
    // the ladder: per stage in order, waits above and process below; it sums to the lead time
    expect(t.ladder).toEqual([
      { stageId: 'stage1', leadMinutes: 120, waitMinutes: 0, processMinutes: 120, longestStepMinutes: 120 },
      { stageId: 'stage2', leadMinutes: 1500, waitMinutes: 1440, processMinutes: 60, longestStepMinutes: 1500 },
      { stageId: 'stage3', leadMinutes: 15, waitMinutes: 0, processMinutes: 15, longestStepMinutes: 15 },
    ]);
    expect(t.byStage.get('stage2')?.leadMinutes).toBe(1500);
    // PCE: value-adding process on the path (C 60 + E 15; B is only necessary) ÷ 1,635
    expect(t.valueAddingMinutes).toBe(75);
    expect(t.pce).toBeCloseTo(75 / 1635, 12);
    expect(t.incomplete).toEqual(['D']);
    expect(t.missing).toEqual([]);
    expect(t.cycles).toEqual([]);
  });

  it('a board without stages is one stage: its unjoined steps run side by side', () => {
    const t = leadTime([step('A', null, 10, 20), step('B', null, 0, 50), step('C', null, 5, 5)], [], []);
    expect(t.leadMinutes).toBe(50); // max(30, 50, 10)
    expect(t.criticalPath).toEqual(['B']);
    expect(t.ladder).toEqual([{ stageId: '', leadMinutes: 50, waitMinutes: 0, processMinutes: 50, longestStepMinutes: 50 }]);
  });
});

describe('joined steps follow the connectors', () => {
  it('a chain counts every step, even two in one stage', () => {
    // A 100 → B 50 → C 10, B in the same stage as A: 160, not max-per-stage (100 + 50… + 10)
    const steps = [step('A', 'stage1', 40, 60), step('B', 'stage1', 20, 30), step('C', 'stage3', 0, 10)];
    const t = leadTime(steps, stages, joined('A', 'B', 'C'));
    expect(t.leadMinutes).toBe(160); // 100 + 50 + 10
    expect(t.criticalPath).toEqual(['A', 'B', 'C']);
    expect(t.byStage.get('stage1')?.leadMinutes).toBe(150);
    expect(t.byStage.get('stage2')?.leadMinutes).toBe(0); // the flow does not wait for an empty stage
  });

  it('a fork and a join: the longest branch makes the lead time', () => {
    //        ┌→ B 50 ─┐
    // A 100 ─┤        ├→ D 10      A→B→D = 160, A→C→D = 310
    //        └→ C 200 ┘
    const steps = [step('A', 'stage1', 0, 100), step('B', 'stage2', 20, 30), step('C', 'stage2', 150, 50, 'value-adding'), step('D', 'stage3', 0, 10, 'value-adding')];
    const flows = [...joined('A', 'B', 'D'), ...joined('A', 'C', 'D')];
    const t = leadTime(steps, stages, flows);
    expect(t.leadMinutes).toBe(310);
    expect(t.criticalPath).toEqual(['A', 'C', 'D']);
    expect(t.pce).toBeCloseTo(60 / 310, 12); // C 50 + D 10 value-adding process
    // the order connectors are listed in does not change the answer
    expect(leadTime([...steps].reverse(), stages, [...flows].reverse()).leadMinutes).toBe(310);
  });

  it('mixed: a joined pair inside stage 2 takes its two steps’ time; unjoined stages add around it', () => {
    const steps = [step('X1', 'stage1', 0, 60), step('X2', 'stage2', 0, 60), step('X3', 'stage3', 0, 60), step('P', 'stage2', 20, 30), step('Q', 'stage2', 30, 10)];
    const t = leadTime(steps, stages, joined('P', 'Q'));
    expect(t.leadMinutes).toBe(210); // 60 + max(60, 50 + 40) + 60
    expect(t.criticalPath).toEqual(['X1', 'P', 'Q', 'X3']);
  });

  it('mixed: a flow from stage 1 to stage 3 runs alongside the three stages', () => {
    const stageSteps = [step('X1', 'stage1', 0, 60), step('X2', 'stage2', 0, 60), step('X3', 'stage3', 0, 60)];
    // P 30 → Q 30 spans stages 1–3: 60 against 60 + 60 + 60 = 180
    expect(leadTime([...stageSteps, step('P', 'stage1', 0, 30), step('Q', 'stage3', 0, 30)], stages, joined('P', 'Q')).leadMinutes).toBe(180);
    // P 200 → Q 30: the flow is longer, 230
    const long = leadTime([...stageSteps, step('P', 'stage1', 0, 200), step('Q', 'stage3', 0, 30)], stages, joined('P', 'Q'));
    expect(long.leadMinutes).toBe(230);
    expect(long.criticalPath).toEqual(['P', 'Q']);
    // the path runs from P (stage 1) to Q (stage 3): stage 2 has none of it, but its own 60 minutes still show
    expect(long.byStage.get('stage2')).toMatchObject({ leadMinutes: 0, longestStepMinutes: 60 });
  });

  it('a flow drawn backwards across stages (stage 3 → stage 1) still ends, holding up stage 3', () => {
    const t = leadTime([step('X1', 'stage1', 0, 60), step('P', 'stage3', 0, 30), step('Q', 'stage1', 0, 30)], stages, joined('P', 'Q'));
    expect(t.leadMinutes).toBe(120); // X1 60 in stage 1, then P→Q 60 from stage 3's start
    expect(t.cycles).toEqual([]);
  });

  it('connectors to notes and other non-steps are ignored', () => {
    const t = leadTime([step('A', 'stage1', 0, 10), step('B', 'stage1', 0, 20)], stages, [
      { fromId: 'A', toId: 'note1' },
      { fromId: 'note1', toId: 'B' },
    ]);
    expect(t.leadMinutes).toBe(20); // unjoined: max(10, 20)
  });
});

describe('loops back for rework', () => {
  it('are reported and left out: the lead time is one pass through', () => {
    // A 10 → B 20 → C 30 → back to B (rework): one pass is 10 + 20 + 30 = 60
    const steps = [step('A', 'stage1', 0, 10), step('B', 'stage2', 0, 20), step('C', 'stage3', 0, 30)];
    const t = leadTime(steps, stages, [...joined('A', 'B', 'C'), { fromId: 'C', toId: 'B' }]);
    expect(t.leadMinutes).toBe(60);
    expect(t.cycles).toEqual([['B', 'C']]);
    expect(t.loopBacks).toEqual([{ fromId: 'C', toId: 'B' }]);
    expect(t.criticalPath).toEqual(['A', 'B', 'C']);
  });

  it('a step joined to itself, and a loop with no first step, are reported too', () => {
    const self = leadTime([step('A', 'stage1', 0, 10)], stages, [{ fromId: 'A', toId: 'A' }]);
    expect(self.cycles).toEqual([['A']]);
    expect(self.leadMinutes).toBe(10);
    // A ⇄ B: the loop is entered at the earlier stage, so B → A is the loop-back
    const both = leadTime([step('B', 'stage2', 0, 20), step('A', 'stage1', 0, 10)], stages, [...joined('A', 'B'), { fromId: 'B', toId: 'A' }]);
    expect(both.cycles).toEqual([['A', 'B']]);
    expect(both.loopBacks).toEqual([{ fromId: 'B', toId: 'A' }]);
    expect(both.leadMinutes).toBe(30);
  });

  it('a loop of 20,000 steps ends, in one pass (no recursion to overflow)', () => {
    const n = 20_000;
    const steps = Array.from({ length: n }, (_, i) => step(`s${i}`, null, 0, 1));
    const flows = Array.from({ length: n }, (_, i) => ({ fromId: `s${i}`, toId: `s${(i + 1) % n}` }));
    const t = leadTime(steps, [], flows);
    expect(t.leadMinutes).toBe(n); // every step once
    expect(t.cycles).toHaveLength(1);
    expect(t.cycles[0]).toHaveLength(n);
  });
});

describe('missing times are listed, never counted as zero', () => {
  it('a step without times passes the flow through and is listed; one with half its times counts that half', () => {
    const steps = [step('A', 'stage1', 0, 60), step('M', 'stage2', null, null), step('C', 'stage3', 30, null)];
    const t = leadTime(steps, stages, joined('A', 'M', 'C'));
    expect(t.leadMinutes).toBe(90); // 60 + (M unknown) + 30: at least 90
    expect(t.missing).toEqual(['M']);
    expect(t.incomplete).toEqual(['C']);
    expect(stepLeadMinutes(steps[1])).toBeNull();
    expect(stepLeadMinutes(steps[2])).toBe(30);
    expect(t.criticalPath).toEqual(['A', 'M', 'C']);
  });

  it('no times at all: lead time 0, PCE none, every step missing', () => {
    const t = leadTime([step('A', 'stage1', null, null)], stages, []);
    expect(t.leadMinutes).toBe(0);
    expect(t.pce).toBeNull();
    expect(t.missing).toEqual(['A']);
  });

  it('a step outside every stage runs alongside the whole map and gets its own ladder entry', () => {
    const t = leadTime([step('A', 'stage1', 0, 100), step('B', 'stage2', 0, 100), step('U', null, 400, 100)], stages, []);
    expect(t.leadMinutes).toBe(500); // max(100 + 100, 500)
    expect(t.ladder.at(-1)).toEqual({ stageId: '', leadMinutes: 500, waitMinutes: 400, processMinutes: 100, longestStepMinutes: 500 });
  });
});

describe('steps outside every stage, joined', () => {
  it('a last step outside the stages holds up the stage its flow reached; a first one starts with the map', () => {
    // X (stage 1, 60) → U (no stage, 30), then Y (stage 2, 100): stage 1 takes 90, stage 2 100
    const t = leadTime([step('X', 'stage1', 0, 60), step('U', null, 30, 0), step('Y', 'stage2', 0, 100)], stages, joined('X', 'U'));
    expect(t.leadMinutes).toBe(190);
    expect(t.criticalPath).toEqual(['X', 'U', 'Y']);
    expect(t.ladder.map((s) => [s.stageId, s.leadMinutes])).toEqual([
      ['stage1', 60],
      ['stage2', 100],
      ['stage3', 0],
      ['', 30],
    ]);
    // V (no stage, 500) → Z (stage 1, 10): V starts with the map, Z ends stage 1 at 510
    expect(leadTime([step('V', null, 500, 0), step('Z', 'stage1', 0, 10), step('Y', 'stage2', 0, 100)], stages, joined('V', 'Z')).leadMinutes).toBe(610);
  });
});

describe('scenarios', () => {
  it('override wait, process time and first-time-right; a removed step passes the flow through', () => {
    const a = step('A', 'stage1', 28 * D, 30);
    const b = step('B', 'stage2', 0, 60);
    const c = step('C', 'stage3', D, 10);
    const asIs = leadTime([a, b, c], stages, joined('A', 'B', 'C'));
    expect(asIs.leadMinutes).toBe(28 * D + 30 + 60 + D + 10);
    // to-be: A waits 1 day instead of 28; B is removed; C keeps its figures
    const toBe = leadTime([effectiveTime(a, D), effectiveTime(b, undefined, undefined, undefined, true), effectiveTime(c)], stages, joined('A', 'B', 'C'));
    expect(toBe.leadMinutes).toBe(D + 30 + D + 10);
    expect(toBe.criticalPath).toEqual(['A', 'C']);
    expect(toBe.missing).toEqual([]);
    expect(effectiveTime({ ...a, firstTimeRight: 0.5 }, undefined, 45, 0.9)).toMatchObject({ waitMinutes: 28 * D, processMinutes: 45, firstTimeRight: 0.9 });
    expect(effectiveTime(a, null).waitMinutes).toBeNull(); // a scenario may clear a figure
  });
});

describe('exact sums', () => {
  it('hundredths of a minute add exactly: 0.1 + 0.2 minutes is 0.3', () => {
    const t = leadTime([step('A', 'stage1', 0.1, 0.2)], stages, []);
    expect(t.leadMinutes).toBe(0.3);
  });
});
