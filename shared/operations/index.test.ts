import { expect, it } from 'vitest';
import { operations } from './index.js';

it('every operation is registered under its own name', () => {
  for (const [key, op] of Object.entries(operations)) expect(op.name).toBe(key);
});
