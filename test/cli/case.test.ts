import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHere, cliHereAnswer } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';

interface CaseReport {
  currency: string;
  period: string;
  discountRate: number;
  scenarios: {
    id: string;
    name: string;
    investment: string | null;
    runningCost: string | null;
    rampMonths: number | null;
    savingPerPeriod: string;
    netSavingPerPeriod: string;
    paybackMonths: number | null;
    netValue3y: string;
    presentValue3y: string;
    roi: number | null;
  }[];
  evidence: { guessShare: number };
}

describe('brownpaper case', () => {
  it("the sample's to-be: $150,000 once and $24,000 a year against $600,000 saved pays back in 3.1 months", async () => {
    const data = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    const r = await cliHere('case', s.id, '--data', data, '--json');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(r.stdout) as CaseReport;
    expect(report).toMatchObject({ currency: 'USD', period: 'year', discountRate: 0.08, evidence: { guessShare: 0 } });
    expect(report.scenarios).toEqual([
      {
        id: expect.any(String),
        name: 'To-be: brochure in 2 days',
        investment: '150000.00',
        runningCost: '24000.00',
        rampMonths: null,
        owner: '',
        note: '',
        savingPerPeriod: '600000.00',
        netSavingPerPeriod: '576000.00',
        paybackMonths: 3.1,
        netValue3y: '1578000.00',
        presentValue3y: '1388079.91',
        roi: 10.52,
        bands: null,
      },
    ]);
    const text = await cliHere('case', s.id, '--data', data);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('To-be: brochure in 2 days: saves 600000.00 USD per year, costs 150000.00 once and 24000.00 per year\n');
    expect(text.stdout).toContain('  pays back in 3.1 months; net value over 3 years 1578000.00, present value 1388079.91; ROI 1052 %\n');
  });

  it('a guessed volume, a ramp-up and a scenario that saves nothing, from a session file', async () => {
    const data = tempDir();
    const out = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    const json = path.join(out, 'board.json');
    expect((await cliHere('export', s.id, '--data', data, '--format', 'json', '--out', json)).code).toBe(0);
    const file = JSON.parse(fs.readFileSync(json, 'utf8'));
    // The agent's 100,000 calls ($600,000 of the $1,476,000) are a guess.
    file.elements.find((e: { title?: string }) => e.title?.startsWith('Call-centre agent')).volumeEvidence = 'guess';
    file.scenarios[0].price.rampMonths = 6;
    file.scenarios.push({ ...file.scenarios[0], id: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'Nothing changes', order: 'a9', overrides: {} });
    file.board.discountRate = 0;
    fs.writeFileSync(json, JSON.stringify(file));
    const imported = await cliHereAnswer<{ id: string }>('import', json, '--data', data);
    const report = await cliHereAnswer<CaseReport>('case', imported.id, '--data', data, '--json');
    expect(report.evidence.guessShare).toBeCloseTo(600_000 / 1_476_000, 5);
    expect(report.discountRate).toBe(0);
    const [toBe, nothing] = report.scenarios;
    expect(toBe).toMatchObject({ rampMonths: 6, paybackMonths: 6.3, netValue3y: '1428000.00', presentValue3y: '1428000.00' });
    expect(nothing).toMatchObject({ name: 'Nothing changes', savingPerPeriod: '0.00', netSavingPerPeriod: '-24000.00', paybackMonths: null, netValue3y: '-222000.00' });
    expect((await cliHere('case', imported.id, '--data', data)).stdout).toContain('  never pays back; net value over 3 years -222000.00');
  });

  it("a to-be's investment as a range gives each figure's P10 / P50 / P90 around the likely figures' exact case", async () => {
    const data = tempDir();
    const out = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    const json = path.join(out, 'board.json');
    expect((await cliHere('export', s.id, '--data', data, '--format', 'json', '--out', json)).code).toBe(0);
    const file = JSON.parse(fs.readFileSync(json, 'utf8'));
    Object.assign(file.scenarios[0].price, { investmentCentsLow: 10_000_000, investmentCentsHigh: 30_000_000 });
    fs.writeFileSync(json, JSON.stringify(file));
    const imported = await cliHereAnswer<{ id: string }>('import', json, '--data', data);
    type Bands = { paybackMonths: { p10: number; p50: number; p90: number; never: number }; savingPerPeriod: { p10: string; p90: string } };
    const report = await cliHereAnswer<CaseReport & { scenarios: { bands: Bands }[] }>('case', imported.id, '--data', data, '--json');
    const [toBe] = report.scenarios;
    expect(toBe.paybackMonths).toBe(3.1);
    const { paybackMonths, savingPerPeriod } = toBe.bands;
    expect(paybackMonths.p10).toBeLessThan(3.1);
    expect(paybackMonths.p90).toBeGreaterThan(3.1);
    expect(paybackMonths.never).toBe(0);
    // Only the investment is a range: the saving is the same $600,000 in every draw.
    expect(savingPerPeriod).toMatchObject({ p10: '600000.00', p90: '600000.00' });
    // The same board gives the same figures on every run.
    expect((await cliHereAnswer<CaseReport & { scenarios: { bands: Bands }[] }>('case', imported.id, '--data', data, '--json')).scenarios[0].bands).toEqual(toBe.bands);
  });

  it('an unknown session or a missing id is one line on stderr', async () => {
    const data = tempDir();
    await cliHere('session', 'create', '--data', data, '--title', 'T');
    const r = await cliHere('case', 'AAAAAAAAAAAAAAAAAAAAAA', '--data', data, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('brownpaper: no session AAAAAAAAAAAAAAAAAAAAAA');
    const bare = await cliHere('case', '--data', data);
    expect(bare.code).toBe(2);
    expect(bare.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cliHere('--help')).stdout).toContain('brownpaper case <sessionId> (--data <dir> | --postgres <url>) [--json]');
  });
});
