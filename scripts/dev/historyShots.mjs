// Dev: the history dialog's time line for a three-hour morning and for a two-day workshop, at
// 1,280 × 800, on a 1,920 × 1,080 projector and on a 390 × 844 phone (touch). The checkpoints of
// the past are written into the data folder beside the one the host made on opening (a copy of
// its board), as if the host had made them then. Run after npm run build:
//   node scripts/dev/historyShots.mjs [outDir]
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { devHost, launchChromium, synced } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-history';
mkdirSync(out, { recursive: true });
const host = await devHost();
const browser = await launchChromium();
const MIN = 60_000;
const people = [['Ana'], ['Ana', 'Ben', 'Chidi'], ['Ana', 'Ben', 'Chidi', 'Dana', 'Emeka', 'Fatima', 'Grace']];

/** Checkpoints at these times (minutes after 09:00 `daysAgo` days back): automatic unless named. */
function pastCheckpoints(sessionId, daysAgo, marks) {
  const db = new Database(path.join(host.data, 'brownpaper.sqlite'));
  db.pragma('busy_timeout = 5000');
  const { state } = db.prepare('SELECT state FROM checkpoints WHERE session_id = ? LIMIT 1').get(sessionId);
  const nine = new Date();
  nine.setDate(nine.getDate() - daysAgo);
  nine.setHours(9, 0, 0, 0);
  const insert = db.prepare('INSERT INTO checkpoints (id, session_id, name, kind, people, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  marks.forEach(([minutes, name], i) => {
    const kind = name ? 'named' : i === 0 ? 'opened' : 'activity';
    insert.run(
      randomBytes(9).toString('base64url'),
      sessionId,
      name ?? (kind === 'opened' ? 'Session opened' : 'After 10 minutes of work'),
      kind,
      JSON.stringify(people[i % 3]),
      state,
      nine.getTime() + minutes * MIN,
    );
  });
  db.close();
}

async function session(title) {
  const { id } = host.cli('session', 'create', '--data', host.data, '--title', title, '--template', 'service-blueprint');
  const { url } = host.cli('invite', id, '--data', host.data, '--role', 'facilitator');
  // Opened once so the host makes its "Session opened" checkpoint (the board the past ones copy).
  const page = await browser.newPage();
  await page.goto(url);
  await synced(page);
  await page.close();
  return { id, url };
}

const morning = await session('Claims handling, a morning');
pastCheckpoints(morning.id, 0, [[0], [10], [20], [30, 'before voting'], [40], [50], [60], [90], [100, 'after the dot vote'], [120], [150], [170], [180]]);
const twoDays = await session('Onboarding, two days');
const day = [[0], [15], [30], [45, 'as-is agreed'], [60], [75], [100], [180], [200], [220, 'before voting'], [240], [300], [320], [400], [420]];
pastCheckpoints(twoDays.id, 2, day);
pastCheckpoints(
  twoDays.id,
  1,
  day.map(([m, n]) => [m, n && `day 2: ${n}`]),
);

async function shoot(url, name, viewport, { phone = false, pickNamed = null } = {}) {
  const context = await browser.newContext({ viewport, ...(phone ? { hasTouch: true, isMobile: true } : {}) });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(url);
  await synced(page);
  const skip = page.getByRole('button', { name: 'Skip' });
  if (await skip.isVisible()) await (phone ? skip.tap() : skip.click());
  if (phone) {
    await page.getByRole('button', { name: 'More' }).tap();
    await page.getByRole('menuitem', { name: 'History and checkpoints…' }).tap();
  } else {
    await page.getByRole('button', { name: 'Facilitate ▾' }).click();
    await page.getByRole('menuitem', { name: 'History and checkpoints…' }).click();
  }
  const history = page.getByRole('dialog', { name: 'History' });
  if (pickNamed)
    await history
      .getByRole('option', { name: new RegExp(`^${pickNamed}`) })
      .first()
      [phone ? 'tap' : 'click']();
  await history.getByRole('img').waitFor();
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  await context.close();
}

await shoot(morning.url, 'morning-1280x800', { width: 1280, height: 800 }, { pickNamed: 'before voting' });
await shoot(twoDays.url, 'two-days-1280x800', { width: 1280, height: 800 });
await shoot(twoDays.url, 'two-days-projector-1920x1080', { width: 1920, height: 1080 }, { pickNamed: 'day 2: before voting' });
await shoot(twoDays.url, 'two-days-phone-390x844', { width: 390, height: 844 }, { phone: true, pickNamed: 'as-is agreed' });
await browser.close();
host.kill();
console.log(`shots in ${out}`);
