import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The flags keep it from stalling on
// network calls this machine cannot make. Debian's headless shell (the same Chromium build
// without the browser's UI, as Playwright itself uses for headless runs) is preferred when it is
// installed: the same two specs took 14.0 s of CPU with it against 21.4 s with the full browser.
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium-headless-shell || command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: apt-get install chromium-headless-shell (or chromium, or set CHROMIUM_PATH)');
  }
}

// Chromium 156 preloads two WebUI renderers (the omnibox popup and its AI-mode variant) for
// every window, headless too: two more processes starting per person per test, which nothing
// here ever shows. Chromium keeps only the last --disable-features, so Playwright's own list
// (playwright-core's chromiumSwitches, for the version locked in package.json) is repeated first.
const playwrightDisabledFeatures =
  'AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch,msForceBrowserSignIn,msEdgeUpdateLaunchServicesPreferredVersion';
const unseenBrowserUi = 'WebUIOmniboxPopup,WebUIOmniboxAimPopup';

export default defineConfig({
  testDir: 'test/e2e',
  // Two spec files at a time, each worker with its own browser, its own file host and (for the
  // team specs) its own team server; a file's tests stay in one worker, one after another. On
  // 2026-12-03 (this machine slower than the day before: the same five specs took 1.4 times as
  // long), the whole Playwright suite took 23.7 min on one worker and 12.2 min on two, every test
  // passing in both; the CI way (test:built beside the short benchmarks) took 899 s with two.
  // That evening, with tests that opened the same board each made steps of one (181 tests for the
  // same checks), the suite took 8.6 min on two workers beside the rest, the CI way 524 s.
  // Port 8787 does not stand in the way: hosting.spec joins at whatever address the Invite
  // screen shows, the preferred LAN port or the free one a host falls back to.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [[process.env.CI ? 'line' : 'list'], ['./test/reporters/skipReasons.ts']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        `--disable-features=${playwrightDisabledFeatures},${unseenBrowserUi}`,
      ],
    },
    // A failed test keeps its trace (every action with its call log and timing, console, network,
    // the error at its line) and a picture of the page as it failed (with error-context.md, the
    // page's accessibility tree then). The trace is recorded for every test and thrown away when
    // it passes, so it takes no screenshot and no DOM snapshot per action: the screenshots were
    // about a sixth of the whole run's CPU, the DOM snapshots a fifth of what was left (canvas.spec:
    // 63.9 s of CPU with them, 48.2 s without, 50.6 s with no trace at all, at load ~25).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    screenshot: 'only-on-failure',
  },
});
