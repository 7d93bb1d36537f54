import { describe, expect, it } from 'vitest';
import { guessShare } from './evidence.js';
import { unpriced, type Scenario } from './scenario.js';
import { newStep } from './step.js';

// $600,000.00 of calls on a guessed volume, $400,000.00 of letters measured: 60 % rests on a guess.
const calls = newStep({ x: 0, y: 0, order: 'a0', volume: 100_000, volumeEvidence: 'guess', unitCents: 600 });
const letters = newStep({ x: 0, y: 0, order: 'a1', volume: 100_000, volumeEvidence: 'measured', unitCents: 400 });

describe('what share of the total rests on guesses', () => {
  it('the cost of steps with a guessed figure, over the total', () => {
    expect(guessShare([calls, letters])).toBe(0.6);
    expect(guessShare([letters])).toBe(0);
    expect(guessShare([])).toBe(0);
  });

  it('under a scenario: its own figures and evidence count', () => {
    const noCalls: Scenario = { id: 'scenario0001', name: 'To-be', order: 'a0', price: unpriced, overrides: { [calls.id]: { removed: true } } };
    expect(guessShare([calls, letters], noCalls)).toBe(0);
    const guessedLetters: Scenario = { ...noCalls, overrides: { [letters.id]: { unitCentsEvidence: 'guess' } } };
    expect(guessShare([calls, letters], guessedLetters)).toBe(1);
  });
});
