import { describe, expect, it } from 'vitest';
import { newStep, type Step } from '../../shared/model/step';
import { inHeldOrder } from './heldOrder';
import type { LedgerRow } from './ledgerRows';

const step = (id: string): LedgerRow => ({ kind: 'step', step: { ...newStep({ x: 0, y: 0, order: 'a0', title: id }), id } as Step });
const group = (id: string): LedgerRow => ({ kind: 'group', id, label: id, subtotal: undefined, steps: 0, of: 0, count: '' });
const names = (rows: LedgerRow[]) => rows.map((r) => (r.kind === 'group' ? `[${r.id}]` : r.step.id));

describe('the rows held while someone works in a sorted ledger', () => {
  it('keeps each group’s steps in the order held, whatever the sort says now', () => {
    const now = [group('Customer'), step('b'), step('c'), step('a'), group('Backstage'), step('e'), step('d')];
    const { rows, moved } = inHeldOrder(now, ['a', 'b', 'c', 'd', 'e']);
    expect(names(rows)).toEqual(['[Customer]', 'a', 'b', 'c', '[Backstage]', 'd', 'e']);
    expect(moved).toBe(true);
  });

  it('puts a step it did not hold (new, or moved into the group) after the held ones; a deleted one is gone', () => {
    const now = [group('Customer'), step('new'), step('b'), step('a')];
    expect(names(inHeldOrder(now, ['a', 'gone', 'b']).rows)).toEqual(['[Customer]', 'a', 'b', 'new']);
  });

  it('gives back the very rows when nothing is out of place', () => {
    const now = [group('Customer'), step('a'), step('b')];
    const held = inHeldOrder(now, ['a', 'b']);
    expect(held.rows).toBe(now);
    expect(held.moved).toBe(false);
  });
});
