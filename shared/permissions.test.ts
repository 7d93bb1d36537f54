import { describe, expect, it } from 'vitest';
import { estimateRefusal, may, refusal, voteRefusal, type ElementTouch, type Touch } from './permissions.js';

const open = { gridLocked: false };
const gridLocked = { gridLocked: true };
const card = (locked = false): ElementTouch => ({ on: 'element', id: 'card1', kind: 'step', locked });
const lane: ElementTouch = { on: 'element', id: 'lane1', kind: 'lane', locked: false };

describe('a viewer', () => {
  it('changes nothing, not even nothing', () => {
    expect(refusal('viewer', [], open)).toBe('a viewer cannot change the board');
    expect(refusal('viewer', [card()], open)).toBe('a viewer cannot change the board');
    expect(may('viewer', 'changeBoard')).toBe(false);
  });
});

describe('a participant', () => {
  it('changes unlocked cards, scenarios and board settings', () => {
    expect(refusal('participant', [card(), { on: 'scenarios' }, { on: 'meta', key: 'currency' }], open)).toBeNull();
  });
  it('may not touch a locked element', () => {
    expect(refusal('participant', [card(), card(true)], open)).toBe('element card1 is locked');
  });
  it('may not lock or unlock', () => {
    expect(refusal('participant', [{ ...card(), locks: true }], open)).toBe('only the facilitator locks and unlocks');
    expect(may('participant', 'lock')).toBe(false);
  });
  it('may not run the facilitation state', () => {
    expect(refusal('participant', [{ on: 'facilitation' }], open)).toBe('only the facilitator runs the timer, the grid lock and the presentation');
    expect(may('participant', 'facilitate')).toBe(false);
  });
  it('may not rename the session', () => {
    expect(refusal('participant', [{ on: 'meta', key: 'title' }], open)).toBe('only the facilitator renames the session');
    expect(may('participant', 'renameSession')).toBe(false);
  });
  it('changes lanes while the grid is open, and not while it is locked, adding one included', () => {
    expect(refusal('participant', [lane], open)).toBeNull();
    expect(refusal('participant', [card(), lane], gridLocked)).toBe('the grid is locked: lane lane1 cannot change');
    expect(refusal('participant', [{ on: 'element', id: 'new', kind: 'line', locked: false }], gridLocked)).toBe('the grid is locked: line new cannot change');
    expect(refusal('participant', [card()], gridLocked)).toBeNull();
  });
});

describe('the facilitator', () => {
  it('may do everything but write the votes', () => {
    const all: Touch[] = [card(true), { ...lane, locks: true }, { on: 'facilitation' }, { on: 'meta', key: 'title' }];
    expect(refusal('facilitator', all, gridLocked)).toBeNull();
    expect(refusal('facilitator', [{ on: 'votes' }], open)).toBe('votes are placed through the host, not written to the board');
    for (const action of ['renameSession', 'lock', 'facilitate', 'runVote'] as const) expect(may('facilitator', action)).toBe(true);
  });
});

it('nobody writes the votes into the board: the host does', () => {
  expect(refusal('participant', [card(), { on: 'votes' }], open)).toBe('votes are placed through the host, not written to the board');
});

it('the first rule broken is the one said', () => {
  expect(refusal('participant', [card(true), { on: 'facilitation' }, { ...card(), locks: true }], gridLocked)).toBe('only the facilitator locks and unlocks');
});

describe('votes', () => {
  it('a viewer does not vote; a participant places dots; the facilitator runs the round', () => {
    expect(voteRefusal('viewer', 'place')).toBe('a viewer does not vote');
    expect(voteRefusal('participant', 'place')).toBeNull();
    expect(voteRefusal('participant', 'unplace')).toBeNull();
    expect(voteRefusal('participant', 'reveal')).toBe('only the facilitator may reveal a vote');
    expect(voteRefusal('facilitator', 'start')).toBeNull();
  });
});

describe('estimates from the floor', () => {
  it('nobody writes the estimates into the board, the facilitator neither: the host does', () => {
    for (const role of ['facilitator', 'participant'] as const) expect(refusal(role, [{ on: 'estimates' }], open)).toBe('estimates are answered through the host, not written to the board');
  });

  it('a viewer does not answer; a participant answers; only the facilitator asks, reveals and cancels', () => {
    expect(estimateRefusal('viewer', 'answer')).toBe('a viewer does not answer estimates');
    expect(estimateRefusal('participant', 'answer')).toBeNull();
    expect(estimateRefusal('facilitator', 'answer')).toBeNull();
    for (const action of ['ask', 'reveal', 'cancel'] as const) {
      expect(estimateRefusal('participant', action)).toBe(`only the facilitator may ${action} an estimate`);
      expect(estimateRefusal('facilitator', action)).toBeNull();
    }
    expect(may('participant', 'askEstimate')).toBe(false);
  });
});
