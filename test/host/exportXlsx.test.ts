import { afterEach, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Host } from '../../electron/host/host.js';
import { readBoard } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import type { Step } from '../../shared/model/step.js';
import { setElementText } from '../../shared/operations/setElementText.js';
import { connectClient, startTestHost, synced, until } from '../helpers/host.js';

let host: (Host & { dataDir: string }) | null = null;
const closers: (() => void)[] = [];
afterEach(async () => {
  closers.splice(0).forEach((c) => c());
  await host?.close();
});

it('any role downloads the cost workbook of the board as it is now, named after the session; without a link it is refused', async () => {
  host = await startTestHost();
  const session = host.store.sessions.create({ title: 'Info request — Q3 / "draft"', template: 'sample-info-request' });
  const participant = connectClient(host.url, session.id, host.store.tokens.issue(session.id, 'participant'));
  const watcher = connectClient(host.url, session.id, host.store.tokens.issue(session.id, 'viewer'));
  closers.push(participant.close, watcher.close);
  await Promise.all([synced(participant.provider), synced(watcher.provider)]);
  // Someone renames a step on the board a moment before the download: the workbook has it.
  const call = [...readBoard(participant.doc).elements.values()].find((e): e is Step => e.kind === 'step' && e.title.startsWith('Call-centre'))!;
  setElementText.run(participant.doc, { id: call.id, text: '=HYPERLINK("http://x","click")' }, { origin: localOrigin, now: 1 });
  await until(watcher.doc, () => (readBoard(watcher.doc).elements.get(call.id) as Step).title.startsWith('='));

  const url = `${host.url}/api/sessions/${session.id}/export.xlsx`;
  for (const role of ['viewer', 'participant', 'facilitator'] as const) {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${host.store.tokens.issue(session.id, role)}` } });
    expect(res.status, role).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Info-request-Q3-draft-costs.xlsx"; filename*=UTF-8''Info-request-Q3-draft-costs.xlsx`);
    const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { cellFormula: true });
    expect(wb.SheetNames).toEqual(['Steps', 'To-be brochure in 2 days', 'Summary']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Steps);
    expect(rows.map((r) => r.Step)).toContain(`'=HYPERLINK("http://x","click")`);
    expect(rows.at(-1)).toMatchObject({ Lane: 'Total', 'Period cost (USD)': 1_476_000 });
  }
  expect((await fetch(url)).status).toBe(401);
  expect((await fetch(url, { headers: { Authorization: 'Bearer nonsense' } })).status).toBe(401);
});
