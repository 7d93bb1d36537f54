import { describe, expect, it } from 'vitest';
import { nameBeforeRevert } from './checkpoint.js';

describe('the checkpoint a revert makes first', () => {
  it('names the checkpoint reverted to', () => {
    expect(nameBeforeRevert({ name: 'before voting', kind: 'named' })).toBe('Before reverting to “before voting”');
  });
  it('undoing a revert names the first checkpoint once, however often it is undone', () => {
    const first = nameBeforeRevert({ name: 'before voting', kind: 'named' });
    const undo = nameBeforeRevert({ name: first, kind: 'before-revert' });
    expect(undo).toBe('Before undoing the revert to “before voting”');
    expect(nameBeforeRevert({ name: undo, kind: 'before-revert' })).toBe('Before undoing the revert to “before voting”');
  });
  it('a named checkpoint that reads like one is taken as it is written', () => {
    expect(nameBeforeRevert({ name: 'Before reverting to “x”', kind: 'named' })).toBe('Before reverting to “Before reverting to “x””');
  });
  it('stays within a checkpoint name’s 200 characters', () => {
    expect(nameBeforeRevert({ name: 'x'.repeat(200), kind: 'named' }).length).toBeLessThanOrEqual(200);
  });
});
