import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, spawnHost, type HostProcess } from '../helpers/cli.js';
import { cliHere, cliHereAnswer } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';

const hosts: HostProcess[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.child.kill('SIGKILL')));

/** Every file in the data dir with its bytes, to show an error changed nothing. */
function snapshotDir(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]));
}

describe('brownpaper session', () => {
  it('create prints the new session as one JSON line; list --json returns them all', async () => {
    const data = tempDir();
    const r = await cliHere('session', 'create', '--data', data, '--title', 'Onboarding journey', '--template', 'customer-journey');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const created = JSON.parse(r.stdout);
    expect(created).toMatchObject({ title: 'Onboarding journey', template: 'customer-journey' });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const blank = await cliHereAnswer('session', 'create', '--data', data, '--title', 'Blank');
    expect(blank.template).toBe('blank');
    const list = await cliHereAnswer<{ id: string }[]>('session', 'list', '--data', data, '--json');
    expect(list.map((s) => s.id).sort()).toEqual([created.id, blank.id].sort());
  });

  it('every template id is accepted', async () => {
    const data = tempDir();
    for (const t of ['blank', 'value-chain', 'service-blueprint', 'customer-journey', 'sample-info-request']) {
      expect((await cliHereAnswer('session', 'create', '--data', data, '--title', t, '--template', t)).template).toBe(t);
    }
  });
});

describe('brownpaper invite', () => {
  it('prints a token and a browser join link for the running host', async () => {
    const data = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'T');
    const host = await spawnHost(data);
    hosts.push(host);
    const inv = await cliHereAnswer<{ token: string; url: string }>('invite', s.id, '--data', data, '--role', 'viewer');
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(inv.url).toBe(`${host.url}/s/${s.id}#token=${inv.token}`);
    const res = await fetch(inv.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
    const withUrl = await cliHereAnswer<{ url: string }>('invite', s.id, '--data', data, '--role', 'participant', '--url', 'http://10.0.0.5:4380');
    expect(withUrl.url.startsWith(`http://10.0.0.5:4380/s/${s.id}#token=`)).toBe(true);
  });
});

describe('brownpaper host', () => {
  it('--port 0 picks a free port; SIGTERM closes cleanly with exit 0', async () => {
    const data = tempDir();
    const host = await spawnHost(data);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fs.existsSync(path.join(data, 'host.json'))).toBe(true);
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    // Clean close: SQLite checkpoints the WAL away on the last close, and the host file goes.
    expect(fs.existsSync(path.join(data, 'brownpaper.sqlite-wal'))).toBe(false);
    expect(fs.existsSync(path.join(data, 'host.json'))).toBe(false);
  });
});

describe('errors: one line on stderr, non-zero exit, data dir untouched', () => {
  const expectOneLineError = (r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  };

  it('unknown session', async () => {
    const data = tempDir();
    await cliHere('session', 'create', '--data', data, '--title', 'T');
    const before = snapshotDir(data);
    expectOneLineError(await cliHere('invite', 'AAAAAAAAAAAAAAAAAAAAAA', '--data', data, '--role', 'viewer', '--url', 'http://127.0.0.1:1'), /no session AAAAAAAAAAAAAAAAAAAAAA/);
    expect(snapshotDir(data)).toEqual(before);
  });

  it('bad arguments', async () => {
    const data = tempDir();
    await cliHere('session', 'create', '--data', data, '--title', 'T');
    const before = snapshotDir(data);
    expectOneLineError(await cliHere('session', 'create', '--data', data), /--title is required/);
    expectOneLineError(await cliHere('session', 'create', '--data', data, '--title', 'x', '--template', 'mural'), /--template must be one of/);
    expectOneLineError(await cliHere('session', 'list', '--data', data, '--jsn'), /Unknown option '--jsn'/);
    expectOneLineError(await cliHere('invite', 'AAAAAAAAAAAAAAAAAAAAAA', '--data', data, '--role', 'admin'), /--role must be facilitator, participant or viewer/);
    expectOneLineError(await cliHere('host', '--data', data, '--port', 'eighty'), /--port takes a number/);
    expectOneLineError(await cliHere('frobnicate'), /unknown command 'frobnicate'/);
    expect(cli('session', 'create').code).toBe(2);
    expect(snapshotDir(data)).toEqual(before);
  });

  it('unwritable data dir', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'not a directory');
    expectOneLineError(await cliHere('session', 'create', '--data', path.join(file, 'data'), '--title', 'T'), /not writable/);
    expectOneLineError(await cliHere('session', 'list', '--data', path.join(tempDir(), 'missing'), '--json'), /no Brownpaper data in/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a directory');
  });

  it('port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const data = tempDir();
    await cliHere('session', 'create', '--data', data, '--title', 'T');
    const before = snapshotDir(data);
    const r = cli('host', '--port', String(port), '--data', data);
    blocker.close();
    expectOneLineError(r, new RegExp(`port ${port} is already in use on 127.0.0.1`));
    expect(snapshotDir(data)).toEqual(before);
  });
});

describe('brownpaper cost', () => {
  it('prints the sample board rollup as one JSON object with decimal strings', async () => {
    const data = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    const r = await cliHere('cost', s.id, '--data', data, '--json');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      currency: 'USD',
      period: 'year',
      total: '1476000.00',
      missing: 0,
      byLane: { 'Customer actions': '0.00', Frontstage: '960000.00', Backstage: '516000.00', 'Support processes': '0.00' },
      byStage: { Ask: '16000.00', Wait: '600000.00', 'Follow-up': '500000.00', Decide: '360000.00' },
      scenarios: [{ name: 'To-be: brochure in 2 days', total: '876000.00', savings: '600000.00' }],
    });
    expect(typeof report.total).toBe('string');
    expect(report.time).toMatchObject({ leadTime: '33 days', reworkCost: '0.00', cycles: [] });
    expect(report.time.missing).toHaveLength(0); // the support systems take no time of their own
    expect(report.scenarios[0].time).toMatchObject({ leadTime: '7.1 days', reworkCost: '0.00', leadTimeHoursSaved: 624.25 });
  });

  it('the sample tells the primer’s story: the brochure four weeks after the form, the to-be at least 26 days shorter', async () => {
    const data = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    type Time = { leadTimeHours: number; leadTime: string; pce: number | null; reworkCost: string; missing: string[] };
    const report = await cliHereAnswer<{ time: Time; scenarios: { name: string; time: Time & { leadTimeHoursSaved: number } }[] }>('cost', s.id, '--data', data, '--json');
    expect(report.time.leadTimeHours).toBeGreaterThanOrEqual(28 * 24);
    const [toBe] = report.scenarios;
    expect(toBe.name).toBe('To-be: brochure in 2 days');
    expect(toBe.time.leadTimeHoursSaved).toBeGreaterThanOrEqual(26 * 24);
    expect(toBe.time.leadTimeHours).toBeCloseTo(report.time.leadTimeHours - toBe.time.leadTimeHoursSaved, 2);
    // value-adding time is a sliver of an office process's lead time: the point of showing PCE
    expect(report.time.pce).toBeGreaterThan(0);
    expect(report.time.pce).toBeLessThan(toBe.time.pce!);
    const text = await cliHere('cost', s.id, '--data', data);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  lead time 33 days, PCE 0.1 %; rework 0.00 USD of the total\n');
    expect(text.stdout).toContain('    lead time 33 days → 7.1 days, PCE 0.6 %; rework 0.00 USD\n');
  });

  it('a step done right 80 % of the time costs its rework, shown apart in time.reworkCost; a to-be at 100 % saves it', async () => {
    const data = tempDir();
    const out = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    const file = path.join(out, 'board.json');
    await cliHere('export', s.id, '--data', data, '--format', 'json', '--out', file);
    // The team measured the calls after the workshop: 80 % answered right the first time.
    const board = JSON.parse(fs.readFileSync(file, 'utf8'));
    const call = board.elements.find((e: { title?: string }) => e.title?.startsWith('Call-centre'));
    call.firstTimeRight = 0.8;
    const toBe = board.scenarios[0];
    delete toBe.overrides[call.id]; // the to-be keeps the calls, right every time
    toBe.overrides[call.id] = { firstTimeRight: 1 };
    fs.writeFileSync(file, JSON.stringify(board));
    const imported = await cliHereAnswer<{ id: string }>('import', file, '--data', data);
    const report = await cliHereAnswer<{ total: string; time: { reworkCost: string }; scenarios: { total: string; savings: string; time: { reworkCost: string } }[] }>(
      'cost',
      imported.id,
      '--data',
      data,
      '--json',
    );
    // 100,000 × $6.00 ÷ 0.8 − $600,000.00 = $150,000.00 of rework, inside the total
    expect(report.time.reworkCost).toBe('150000.00');
    expect(report.total).toBe('1626000.00');
    expect(report.scenarios[0]).toMatchObject({ total: '1476000.00', savings: '150000.00', time: { reworkCost: '0.00' } });
    // lanes and stages in board order, as the board shows them, also after an import
    const { byLane, byStage } = await cliHereAnswer<{ byLane: object; byStage: object }>('cost', imported.id, '--data', data, '--json');
    expect(Object.keys(byLane)).toEqual(['Customer actions', 'Frontstage', 'Backstage', 'Support processes']);
    expect(Object.keys(byStage)).toEqual(['Ask', 'Wait', 'Follow-up', 'Decide']);
  });

  it('an unknown session is one line on stderr', async () => {
    const data = tempDir();
    await cliHere('session', 'create', '--data', data, '--title', 'T');
    const r = cli('cost', 'AAAAAAAAAAAAAAAAAAAAAA', '--data', data, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('brownpaper: no session AAAAAAAAAAAAAAAAAAAAAA');
  });
});

describe('brownpaper export / import', () => {
  it('svg of a scenario named with --scenario: its title, ladder and file; an unknown scenario is refused in one line and nothing is written', async () => {
    const data = tempDir();
    const out = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    const svg = path.join(out, 'to-be.svg');
    expect((await cliHere('export', s.id, '--data', data, '--format', 'svg', '--out', svg, '--scenario', 'To-be: brochure in 2 days')).code).toBe(0);
    const drawn = fs.readFileSync(svg, 'utf8');
    expect(drawn).toContain('<title>Info request — To-be: brochure in 2 days</title>');
    expect(drawn).toMatch(/class="ladder-lead"[^>]*>Lead time 33 days → 7.1 days</);
    const asIs = path.join(out, 'as-is.svg');
    expect((await cliHere('export', s.id, '--data', data, '--format', 'svg', '--out', asIs)).code).toBe(0);
    expect(fs.readFileSync(asIs, 'utf8')).toMatch(/class="ladder-lead"[^>]*>Lead time 33 days</);
    const missing = path.join(out, 'missing.svg');
    const r = await cliHere('export', s.id, '--data', data, '--format', 'svg', '--out', missing, '--scenario', 'Dream');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("brownpaper: --scenario: no scenario 'Dream' on this board (there are: To-be: brochure in 2 days) (see: brownpaper help)");
    expect(fs.existsSync(missing)).toBe(false);
  });
  it('json and csv; import prints the new session; re-export is the same file apart from exportedAt', async () => {
    const data = tempDir();
    const out = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    const json = path.join(out, 'board.json');
    const csv = path.join(out, 'costs.csv');
    expect((await cliHere('export', s.id, '--data', data, '--format', 'json', '--out', json)).code).toBe(0);
    expect((await cliHere('export', s.id, '--data', data, '--format', 'csv', '--out', csv, '--bom')).code).toBe(0);
    const table = fs.readFileSync(csv, 'utf8');
    expect(table.startsWith('\uFEFFLane,Stage,Step,Owner,Value class,Volume per year,Cost mode,Unit cost (USD),Minutes,Hourly rate (USD/h),Fixed cost (USD per year),Period cost (USD),')).toBe(true);
    expect(table).toContain(',Customer service,Waste,100000,Unit cost,6.00,,,,600000.00,,,10 min,0.17,6 min,0.1,16 min,0.27,removed,');
    expect(table).toContain('\r\nLead time,33 days,7.1 days\r\n');
    // the file keeps the times people typed, and the to-be's new times
    const file = JSON.parse(fs.readFileSync(json, 'utf8'));
    const rep = file.elements.find((e: { title?: string }) => e.title === 'Sales rep qualifies lead, posts brochure');
    expect(rep).toMatchObject({ waitMinutes: 10 * 24 * 60, waitUnit: 'days', processMinutes: 45, processUnit: 'minutes', firstTimeRight: null });
    expect(file.scenarios[0].overrides[rep.id]).toEqual({ waitMinutes: 24 * 60, processMinutes: 30 });
    const imported = await cliHereAnswer<{ id: string; title: string }>('import', json, '--data', data);
    expect(imported.title).toBe('Info request');
    expect(imported.id).not.toBe(s.id);
    const again = path.join(out, 'again.json');
    const exported = await cliHere('export', imported.id, '--data', data, '--format', 'json', '--out', again);
    expect(exported.stderr).toBe('');
    const strip = (f: string) => fs.readFileSync(f, 'utf8').replace(/"exportedAt": "[^"]+"/, '');
    expect(strip(again)).toBe(strip(json));
    expect((await cliHereAnswer<{ total: string }>('cost', imported.id, '--data', data, '--json')).total).toBe('1476000.00');
  });

  it('never overwrites silently; refuses formats it cannot write yet; a hostile file changes nothing', async () => {
    const data = tempDir();
    const out = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'T');
    const json = path.join(out, 'board.json');
    fs.writeFileSync(json, 'precious');
    const r = await cliHere('export', s.id, '--data', data, '--format', 'json', '--out', json);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exists; pass --force/);
    expect(fs.readFileSync(json, 'utf8')).toBe('precious');
    expect((await cliHere('export', s.id, '--data', data, '--format', 'pptx', '--out', json)).stderr).toMatch(/--format must be one of json, csv, svg, pdf, png/);

    const hostile = path.join(out, 'hostile.json');
    fs.writeFileSync(
      hostile,
      JSON.stringify({
        format: 'brownpaper-session',
        version: 1,
        exportedAt: new Date().toISOString(),
        schemaVersion: 3,
        board: { title: 'x', template: 'blank', createdAt: 0, currency: 'USD', period: 'year', locale: 'en-US' },
        elements: [{ kind: 'step', id: 'AAAAAAAAAAAAAAAAAAAAAA', x: 'NaN' }],
        scenarios: [],
      }),
    );
    const before = snapshotDir(data);
    const imp = await cliHere('import', hostile, '--data', data);
    expect(imp.code).toBe(1);
    expect(imp.stderr.trim().split('\n')).toHaveLength(1);
    expect(imp.stderr).toMatch(/^brownpaper: import hostile\.json\.elements\[0\]/);
    expect(snapshotDir(data)).toEqual(before);
    expect(await cliHereAnswer<unknown[]>('session', 'list', '--data', data, '--json')).toHaveLength(1);
  });
});

describe('brownpaper export: images', () => {
  it('svg, png (scale, transparent) and a pdf poster tiled over A4 pages', async () => {
    const data = tempDir();
    const out = tempDir();
    const s = await cliHereAnswer<{ id: string }>('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request');
    const file = (n: string) => path.join(out, n);
    expect((await cliHere('export', s.id, '--data', data, '--format', 'svg', '--out', file('b.svg'))).code).toBe(0);
    expect(fs.readFileSync(file('b.svg'), 'utf8')).toContain('>Line of visibility</text>');
    expect((await cliHere('export', s.id, '--data', data, '--format', 'png', '--scale', '1', '--out', file('b1.png'))).code).toBe(0);
    expect((await cliHere('export', s.id, '--data', data, '--format', 'png', '--scale', '2', '--transparent', '--out', file('b2.png'))).code).toBe(0);
    const size = (f: string) => {
      const b = fs.readFileSync(f);
      expect(b.subarray(1, 4).toString()).toBe('PNG');
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    const [w1, h1] = size(file('b1.png'));
    const [w2, h2] = size(file('b2.png'));
    expect(w1).toBeGreaterThan(1000);
    expect([w2, h2]).toEqual([w1 * 2, h1 * 2]);
    expect((await cliHere('export', s.id, '--data', data, '--format', 'pdf', '--paper', 'a4', '--out', file('b.pdf'))).code).toBe(0);
    const bytes = fs.readFileSync(file('b.pdf'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(4);
    expect(pdf.getPage(0).getSize().width).toBeCloseTo((297 * 72) / 25.4, 1);
    expect((await cliHere('export', s.id, '--data', data, '--format', 'png', '--scale', '9', '--out', file('x.png'))).stderr).toMatch(/--scale takes 1 to 4/);
  });
});
