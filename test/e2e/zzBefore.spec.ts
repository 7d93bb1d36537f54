import { cliJson } from '../helpers/cli.js';
import { startPostgres } from '../servers/postgres.js';
import { startRedis } from '../servers/redis.js';
import { startNode } from '../team/nodes.js';
import { test } from '@playwright/test';

test('before', async ({ page }) => {
  test.setTimeout(120_000);
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const node = await startNode(postgres.url, redis.url);
  try {
    const { key } = cliJson<{ key: string }>('server', 'add-facilitator', '--postgres', postgres.url, '--name', 'Ana');
    cliJson('session', 'create', '--postgres', postgres.url, '--title', 'Info request, as-is', '--template', 'sample-info-request');
    await page.goto(`${node.url}/`);
    await page.getByLabel('Your facilitator API key').fill(key);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: /^Info request/ }).waitFor();
    await page.screenshot({ path: '/tmp/teamlib-shots/before-1280.png', fullPage: true });
  } finally {
    await node.stop();
    await Promise.all([postgres.stop(), redis.remove()]);
  }
});
