import { expect as playwrightExpect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawnHost, type HostProcess } from '../helpers/cli.js';
import { cliHereJson } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';

/** How long expect.poll waits between reads: a value the page has 30 ms after an action is read then, not at Playwright's 100 ms (then 250, 500, 1,000). */
const pollIntervals = [20, 50, 100, 250];

/**
 * Playwright's expect, with `expect.poll` reading again sooner (pollIntervals) unless a test
 * gives its own intervals: each poll of the board's state after a click then waits for that
 * state, not for the next step of Playwright's back-off. Nothing else differs.
 */
export const expect: typeof playwrightExpect = playwrightExpect.extend({});
const slowPoll = expect.poll;
expect.poll = ((actual: () => unknown, options?: string | { message?: string; timeout?: number; intervals?: number[] }) =>
  slowPoll(actual, typeof options === 'string' ? { message: options, intervals: pollIntervals } : { intervals: pollIntervals, ...options })) as typeof slowPoll;

export interface TestSession {
  host: HostProcess;
  dataDir: string;
  sessionId: string;
  invite(role: 'facilitator' | 'participant' | 'viewer'): string;
}

/**
 * A real host process on port 0 with one session, as a facilitator would set it up from the CLI
 * (its session and invite commands run in this process: see cliHere.ts).
 */
export async function hostSession(template = 'blank'): Promise<TestSession> {
  const dataDir = tempDir('brownpaper-e2e-');
  const { id } = cliHereJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', 'E2E workshop', '--template', template);
  const host = await spawnHost(dataDir);
  return {
    host,
    dataDir,
    sessionId: id,
    invite: (role) => cliHereJson<{ url: string }>('invite', id, '--data', dataDir, '--role', role).url,
  };
}

/** An element as the page's store holds it, loosely typed: tests read the fields they check. */
export interface ElementSnapshot {
  id: string;
  kind: string;
  order: string;
  x: number;
  y: number;
  text?: string;
  title?: string;
  laneId?: string | null;
  stageId?: string | null;
  fromId?: string;
  toId?: string;
  style?: string;
  afterLaneId?: string | null;
  [field: string]: unknown;
}

const contexts: BrowserContext[] = [];
let contextsOf: string | null = null;

/**
 * The people of earlier tests leave: their contexts are closed. A `test.afterEach` in this module
 * is registered only for the first spec file that imports it (the module is evaluated once per
 * worker), so from the second file on every person's page stayed open, live and syncing, for the
 * rest of the run (64 pages by the time `time.spec` failed, each in its failure screenshots). So
 * the next test that joins or makes a person closes what earlier tests left.
 */
async function earlierPeopleLeave(): Promise<void> {
  const now = test.info().testId;
  if (contextsOf === now) return;
  contextsOf = now;
  await Promise.all(contexts.splice(0).map((c) => c.close()));
}

/** A page in a browser context of its own (one person), closed when the test ends or the next one starts. */
export async function personPage(browser: Browser): Promise<Page> {
  await earlierPeopleLeave();
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

/**
 * The one host the spec files' sessions share (sessionForFile, sessionPerTest): started by the
 * first that needs it and kept while the worker runs, file after file (Playwright runs the spec
 * files one after another in the same worker); a host start is about a second of CPU, 7 s of
 * wall time on a loaded 2-core machine, once per file before. Each session on it is a board of
 * its own, made by the CLI's own session command on the host's data dir while it runs, as a
 * facilitator would. A spec that needs a host to itself (its flags, its owner link, stopping it)
 * starts one with hostSession or spawnHost.
 */
let fileHost: { dataDir: string; host: Promise<HostProcess> } | null = null;

function useFileHost(): { dataDir: string; host: Promise<HostProcess> } {
  if (!fileHost) {
    const dataDir = tempDir('brownpaper-e2e-');
    const host = spawnHost(dataDir);
    fileHost = { dataDir, host };
    // Stopped as the worker ends; one that failed to start is tried again by the next file.
    host.then(
      (h) => process.once('exit', () => h.child.kill('SIGTERM')),
      () => {
        if (fileHost?.host === host) fileHost = null;
      },
    );
  }
  return fileHost;
}

async function sessionOnFileHost(template: string): Promise<TestSession> {
  const { dataDir, host } = fileHost!;
  const { id } = cliHereJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', 'E2E workshop', '--template', template);
  return { host: await host, dataDir, sessionId: id, invite: (role) => cliHereJson<{ url: string }>('invite', id, '--data', dataDir, '--role', role).url };
}

/**
 * A board of its own for one test, made on the file's host when the test needs it: the test
 * stays clear of what the file's other tests put on their board without a host start of its own.
 */
export function sessionOnSharedHost(template = 'blank'): Promise<TestSession> {
  useFileHost();
  return sessionOnFileHost(template);
}

/** One session for a whole spec file (or describe block), on the file's host, made before its tests. */
export function sessionForFile(template = 'blank'): () => TestSession {
  let s: TestSession | null = null;
  test.beforeAll(async () => {
    useFileHost();
    s = await sessionOnFileHost(template);
  });
  return () => s!;
}

/** A fresh session for each test, on the file's host: for tests that each need a board of their own. */
export function sessionPerTest(template = 'blank'): () => TestSession {
  let s: TestSession | null = null;
  test.beforeAll(async () => {
    await useFileHost().host;
  });
  test.beforeEach(async () => {
    s = await sessionOnFileHost(template);
  });
  return () => s!;
}

export interface BoardSnapshot {
  elements: Record<string, ElementSnapshot>;
}

export function board(page: Page): Promise<BoardSnapshot> {
  return page.evaluate(() => (window as unknown as { __brownpaper: { board(): BoardSnapshot } }).__brownpaper.board());
}

export function notes(page: Page) {
  return board(page).then((b) => Object.values(b.elements).filter((e) => e.kind === 'note'));
}

type Box = { x: number; y: number; w: number; h: number };

export function boardBox(page: Page, id: string): Promise<Box> {
  return page.evaluate((i) => (window as unknown as { __brownpaper: { boardBox(id: string): Box } }).__brownpaper.boardBox(i), id);
}

export function viewportScale(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { viewport: { scale: number } } } }).__brownpaper.ui().viewport.scale);
}

export function screenBox(page: Page, id: string) {
  return page.evaluate((i) => (window as unknown as { __brownpaper: { screenBox(id: string): { x: number; y: number; w: number; h: number } } }).__brownpaper.screenBox(i), id);
}

/** Open a join link and wait until the board is live and synced. */
export async function join(page: Page, url: string): Promise<void> {
  await earlierPeopleLeave();
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  // Awaited in the page (checked every frame), not polled from here at 100, 250, 500 ms…
  await page.waitForFunction(() => (window as unknown as { __brownpaper: { ui(): { synced: boolean } } }).__brownpaper.ui().synced, null, { timeout: 10_000 });
}

export type Grid = { lanes: { id: string; name: string; start: number; size: number }[]; stages: { id: string; name: string; start: number; size: number }[] };

export function grid(page: Page): Promise<Grid> {
  return page.evaluate(() => (window as unknown as { __brownpaper: { grid(): Grid } }).__brownpaper.grid());
}

/** Where a board point is on the page. */
export function toPage(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([bx, by]) => (window as unknown as { __brownpaper: { toPage(x: number, y: number): { x: number; y: number } } }).__brownpaper.toPage(bx, by), [x, y]);
}

export async function clickBoard(page: Page, x: number, y: number, options: { clickCount?: number } = {}): Promise<void> {
  const p = await toPage(page, x, y);
  await page.mouse.click(p.x, p.y, options);
}
