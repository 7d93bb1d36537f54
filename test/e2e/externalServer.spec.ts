import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { expect, notes, personPage, sessionForFile } from './fixtures.js';

// The web client needs a Brownpaper host only to be served; the board itself syncs through
// the stock y-websocket server, as a team's shared server would run it.
const session = sessionForFile();
let server: http.Server;
let wss: WebSocketServer;
let port = 0;
test.beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => setupWSConnection(ws, req));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
test.afterAll(async () => {
  // Upgraded sockets are the WebSocketServer's, not the HTTP server's: end them, then close.
  for (const ws of wss.clients) ws.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
});

test('two people open the same room on a stock y-websocket server and work on one board', async ({ browser }) => {
  const a = await personPage(browser);
  const b = await personPage(browser);
  const ownerPage = session().host.url;
  await a.goto(`${ownerPage}/remote#server=${encodeURIComponent(`ws://127.0.0.1:${port}`)}&room=team-blueprint`);
  await expect(a.getByTestId('connection-status')).toHaveText('Live');
  await expect(a.getByRole('heading', { name: 'team-blueprint' })).toBeVisible();
  await a.keyboard.press('n');
  const box = (await a.getByTestId('board-canvas').boundingBox())!;
  await a.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await a.keyboard.type('Shared on the team server');
  await a.keyboard.press('Escape');

  await b.goto(`${ownerPage}/remote#server=${encodeURIComponent(`ws://127.0.0.1:${port}`)}&room=team-blueprint`);
  await expect(b.getByTestId('connection-status')).toHaveText('Live');
  await expect.poll(async () => (await notes(b)).map((n) => n.text)).toEqual(['Shared on the team server']);
  // No Brownpaper host behind the room: no codes, no voting.
  await expect(b.getByRole('button', { name: 'Invite' })).toHaveCount(0);
  await b.getByRole('button', { name: 'Facilitate ▾' }).click();
  await expect(b.getByRole('menuitem', { name: 'Start a dot vote…' })).toHaveCount(0);
});
