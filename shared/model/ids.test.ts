import { expect, it } from 'vitest';
import { idSchema, newId } from './ids.js';

it('ids are 128-bit base64url and do not collide in 100,000 draws', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 100_000; i++) seen.add(newId());
  expect(seen.size).toBe(100_000);
  // A leading dash would read as an option on the command line.
  expect([...seen].some((id) => /^[-_]/.test(id))).toBe(false);
  const id = newId();
  expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(idSchema.safeParse(id).success).toBe(true);
  expect(idSchema.safeParse('../etc').success).toBe(false);
});
