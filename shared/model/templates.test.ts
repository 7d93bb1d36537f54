import { expect, it } from 'vitest';
import { readBoard } from './board.js';
import { boardTime } from './boardTime.js';
import { exactCase } from './businessCase.js';
import { rollup, savings } from './rollup.js';
import { readScenarios } from './scenario.js';
import type { Step } from './step.js';
import { boardFrom } from '../operations/testDoc.js';

const day = 24 * 60;

it('the sample’s times tell the primer’s story: the brochure 28 days after the form as-is, two days in the to-be, its money as the primer checks it', () => {
  const doc = boardFrom('sample-info-request');
  const { elements } = readBoard(doc);
  const all = [...elements.values()];
  const stageId = Object.fromEntries(all.flatMap((e) => (e.kind === 'stage' ? [[e.name, e.id]] : [])));
  const [toBe] = readScenarios(doc);
  // Form to brochure: the stages Ask, Wait and Follow-up on the ladder (stages run one after the other).
  const formToBrochure = (t: ReturnType<typeof boardTime>) => ['Ask', 'Wait', 'Follow-up'].reduce((sum, name) => sum + t.lead.byStage.get(stageId[name])!.leadMinutes, 0);
  const asIs = boardTime(all);
  const after = boardTime(all, toBe);
  expect(formToBrochure(asIs)).toBeGreaterThanOrEqual(28 * day);
  expect(formToBrochure(after)).toBeLessThan(2.1 * day); // 1 h in Ask, the calls gone, 2 days to the brochure
  expect(asIs.lead.leadMinutes - after.lead.leadMinutes).toBeGreaterThanOrEqual(26 * day);
  // The support systems take no time of their own (the steps that use them carry it), as they cost nothing of their own: nothing is missing.
  expect(asIs.lead.missing).toEqual([]);
  const support = [...elements.values()].filter((e): e is Step => e.kind === 'step' && ['CRM', 'CRM, print shop', 'SFA', 'Telephony'].includes(e.title));
  expect(support.map((s) => [s.fixedCents, s.waitMinutes, s.processMinutes, s.notes !== ''])).toEqual(support.map(() => [0, 0, 0, true]));
  // The first-time-right shares leave the primer's $1,476,000 as it is.
  expect(rollup(all.filter((e): e is Step => e.kind === 'step')).total).toBe(147_600_000n);
});

it('the sample’s to-be is priced: $150,000 once, $24,000 a year, paid back in 3.1 months out of the primer’s $600,000 a year', () => {
  const doc = boardFrom('sample-info-request');
  const steps = [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');
  const [toBe] = readScenarios(doc);
  expect(toBe.price).toMatchObject({ investmentCents: 15_000_000, runningCents: 2_400_000, rampMonths: null });
  const asIs = rollup(steps);
  const saving = savings(asIs, rollup(steps, toBe)).total;
  expect(asIs.total).toBe(147_600_000n);
  expect(saving).toBe(60_000_000n);
  const c = exactCase({ savingPerPeriod: saving, investment: 15_000_000n, runningPerPeriod: 2_400_000n, rampMonths: toBe.price.rampMonths, period: 'year', discountRate: 0.08 });
  expect(c.paybackMonths).toBe(3.1);
});
