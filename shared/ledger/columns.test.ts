import { describe, expect, it } from 'vitest';
import { readBoard, readMeta } from '../model/board.js';
import { readScenarios } from '../model/scenario.js';
import { boardFrom } from '../operations/testDoc.js';
import { ledgerColumns } from './columns.js';
import { ledgerContext, stepsInLedgerOrder } from './rows.js';
import { valueClassWords, wordKey } from './spreadsheetWords.js';

function sample(locale?: string) {
  const doc = boardFrom('sample-info-request');
  if (locale) doc.getMap('meta').set('locale', locale);
  const { elements } = readBoard(doc);
  const steps = stepsInLedgerOrder(elements);
  const ctx = ledgerContext(elements, steps, readMeta(doc), readScenarios(doc));
  const columns = ledgerColumns(ctx);
  const column = (key: string) => columns.find((c) => c.key === key)!;
  return { steps, ctx, columns, column };
}

describe('the ledger columns', () => {
  it('read every step of the sample, and the period cost column adds up to the rollup', () => {
    const { steps, ctx, column } = sample();
    expect(steps.length).toBeGreaterThan(5);
    const total = steps.reduce((sum, s) => sum + BigInt((column('periodCost').value(s, ctx) as number | null) ?? 0), 0n);
    expect(total).toBe(ctx.asIs.total);
    expect(column('lane').text(steps[0], ctx)).not.toBe('');
  });

  it('parse a typed figure in the board’s number format into the operation the details panel uses', () => {
    const { steps, ctx, column } = sample('de-DE');
    const step = steps.find((s) => s.costMode === 'unit')!;
    expect(column('unitCents').parse!('1.234,50', step, ctx)).toEqual({
      ok: true,
      edit: { op: 'setStepCost', args: { id: step.id, patch: { unitCents: 123450, unitCentsLow: null, unitCentsHigh: null } } },
    });
    const r = column('volume').parse!('1,5', step, ctx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Volume/);
  });

  it('read a value class, a flag and a wait as people type them', () => {
    const { steps, ctx, column } = sample();
    const s = steps[0];
    expect(column('valueClass').parse!('value adding', s, ctx)).toMatchObject({ ok: true, edit: { op: 'updateElements', args: { patch: { valueClass: 'value-adding' } } } });
    expect(column('painPoint').parse!('x', s, ctx)).toMatchObject({ ok: true, edit: { args: { patch: { painPoint: true } } } });
    expect(column('painPoint').parse!('maybe', s, ctx).ok).toBe(false);
    expect(column('waitMinutes').parse!('2–3 days', s, ctx)).toMatchObject({
      ok: true,
      edit: { op: 'setStepCost', args: { patch: { waitMinutes: 3600, waitMinutesLow: 2880, waitMinutesHigh: 4320, waitUnit: 'days' } } },
    });
    expect(column('periodCost').parse).toBeUndefined();
  });

  it('issue 19: read a value class in a German workshop’s words and the English ones, any case; a refusal names both', () => {
    const { steps, ctx, column } = sample('de-DE');
    const s = steps[0];
    const valueClass = (t: string) => {
      const r = column('valueClass').parse!(t, s, ctx);
      return r.ok ? (r.edit.args as unknown as { patch: { valueClass: string } }).patch.valueClass : r.error;
    };
    expect(['Wertschöpfend', 'wertschöpfend', 'WERTSCHÖPFUNG', 'Value-adding', 'value added', 'VA'].map(valueClass)).toEqual(Array(6).fill('value-adding'));
    expect(['notwendig', 'Notwendig', 'nicht wertschöpfend, aber notwendig', 'Necessary', 'NNVA'].map(valueClass)).toEqual(Array(5).fill('necessary'));
    expect(['Verschwendung', 'verschwendung', 'nicht wertschöpfend', 'Nicht-wertschöpfend', 'Waste', 'non-value-adding', 'Muda'].map(valueClass)).toEqual(Array(7).fill('waste'));
    expect(['', 'Unclassified'].map(valueClass)).toEqual(['unclassified', 'unclassified']);
    expect(valueClass('wichtig')).toBe('Value class: “wichtig” is not one of Unclassified, Value-adding, Necessary, Waste (or wertschöpfend, notwendig, Verschwendung).');
    expect(column('valueClass').parse!('meh', s, sample().ctx)).toEqual({ ok: false, error: 'Value class: “meh” is not one of Unclassified, Value-adding, Necessary, Waste.' });
  });

  it('issue 19: no word of the sheets names two value classes', () => {
    const seen = new Map<string, string>();
    for (const [v, words] of Object.entries(valueClassWords))
      for (const w of words) {
        expect(seen.get(wordKey(w)) ?? v, w).toBe(v);
        seen.set(wordKey(w), v);
      }
  });

  it('issue 19: read a cost mode in the words the step-list import reads over its columns ("Stückkosten", "Minuten × Stundensatz"), any case, as typed or pasted', () => {
    const { steps, ctx, column } = sample('de-DE');
    const s = steps[0];
    const mode = (t: string) => {
      const r = column('costMode').parse!(t, s, ctx);
      return r.ok ? (r.edit.args as unknown as { patch: { costMode: string } }).patch.costMode : r.error;
    };
    expect(['Stückkosten', 'stückkosten', 'Kosten pro Fall', 'Stückpreis', 'Unit cost', 'unit', 'Coût unitaire'].map(mode)).toEqual(Array(7).fill('unit'));
    expect(['Minuten × Stundensatz', 'Minuten', 'Stundensatz', 'Zeit', 'Minutes × hourly rate', 'time', 'Taux horaire'].map(mode)).toEqual(Array(7).fill('time'));
    expect(mode('Pauschale')).toBe('Cost mode: “Pauschale” is not Unit cost or Minutes × hourly rate.');
  });
});
