import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
await page.goto('file:///tmp/bx.svg');
await page.screenshot({ path: '/tmp/shots/svg.png' });
await browser.close();
