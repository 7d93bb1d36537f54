// The ledger bench's board: 10,000 seeded steps in a real session on a real host, opened as the
// facilitator in headless Chromium with the ledger showing. Shared by bench:ledger and the dev
// scripts that profile the same table (scripts/dev/ledgerScrollProfile.mjs).
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brownpaperBin, ensureBuilt, frameBenchArgs, startHost } from './browserBench.mjs';
import { boardCode, seededBoard, seededCosts, seededWho } from './seededBoard.mjs';

/** The session file of a seeded board of `nSteps` steps (the same on every run), written into `data`. */
async function seededSession(nSteps, data) {
  // The board's own code for Node: a doc, its records and the session file the app imports.
  const { Y, newElement, elementSchema, insertElement, initBoard, exportSession, sessionFileText } = await boardCode(
    ['shared/model/kinds.ts', 'shared/model/board.ts', 'shared/operations/initBoard.ts', 'shared/exchange/sessionFile.ts'],
    { Y: 'yjs' },
  );
  const seeded = seededBoard({
    seed: 19,
    steps: nSteps,
    connectors: 0,
    newElement: (kind, fields) => elementSchema.parse(newElement(kind, fields)),
    stepFields: (i, draw) => {
      const { rnd, minutes, place } = draw;
      const unit = rnd() < 0.5;
      return {
        ...place(i),
        title: `Step ${i + 1}`,
        ...seededWho(draw),
        painPoint: rnd() < 0.1,
        ...seededCosts(draw, unit),
        waitMinutes: rnd() < 0.8 ? minutes() : null,
        processMinutes: minutes(),
      };
    },
    override: () => ({}),
  });
  const doc = new Y.Doc();
  initBoard.run(doc, { title: 'Ledger bench', template: 'blank' }, { origin: null, now: Date.now() });
  doc.transact(() => [...seeded.lanes, ...seeded.stages, ...seeded.steps].forEach((e) => insertElement(doc, e)));
  const file = path.join(data, 'ledger-bench.brownpaper');
  writeFileSync(file, sessionFileText(exportSession(doc)));
  return file;
}

/**
 * A page on the seeded board with the ledger open (`L`), once all `nSteps` steps are in its store.
 * `close()` ends the browser and the host.
 */
export async function openLedgerBench({ nSteps = 10_000, viewport = { width: 1600, height: 900 }, phone = false } = {}) {
  ensureBuilt();
  const data = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-'));
  const file = await seededSession(nSteps, data);
  const cli = (...a) => JSON.parse(execFileSync(process.execPath, [brownpaperBin, ...a], { encoding: 'utf8' }));
  const session = cli('import', file, '--data', data);
  const sessionId = session.id ?? session.sessionId;
  const { host, base } = await startHost(data);
  const { url } = cli('invite', sessionId, '--data', data, '--role', 'facilitator', '--url', base);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: frameBenchArgs });
  const close = async () => {
    await browser.close();
    host.kill();
  };
  try {
    const page = await browser.newPage({ viewport, ...(phone ? { hasTouch: true, isMobile: true } : {}) });
    page.setDefaultTimeout(120_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction((n) => window.__brownpaper?.ui().synced && Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'step').length === n, nSteps, {
      timeout: 120_000,
    });
    if (phone) await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true })));
    else await page.keyboard.press('l');
    await page.locator('[role=grid]').waitFor();
    await page.waitForTimeout(500);
    return { page, errors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** In the page: a rAF-paced scroll down the rows, `step` px every frame as a flick would; the frames' rAF deltas. */
export const scrollDown = (page, frames, step = 120) =>
  page.evaluate(
    async ([frames, step]) => {
      const el = document.querySelector('.ledger-scroll');
      const deltas = [];
      let last = await new Promise(requestAnimationFrame);
      for (let i = 0; i < frames; i++) {
        el.scrollTop += step;
        const t = await new Promise(requestAnimationFrame);
        deltas.push(t - last);
        last = t;
      }
      return { deltas, rows: Math.round(el.scrollTop / 30) };
    },
    [frames, step],
  );
