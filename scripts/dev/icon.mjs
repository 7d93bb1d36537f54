import { launchChromium } from './devSession.mjs';
import fs from 'node:fs';
const svg = fs.readFileSync('renderer/public/favicon.svg', 'utf8');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`);
await page.screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
