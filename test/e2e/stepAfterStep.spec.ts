import { test, type Page } from '@playwright/test';
import { expect, board, clickBoard, grid, join, screenBox, sessionForFile, toPage } from './fixtures.js';

const session = sessionForFile('service-blueprint');

const stepsOf = async (page: Page) => Object.values((await board(page)).elements).filter((e) => e.kind === 'step');
const arrowsOf = async (page: Page) => Object.values((await board(page)).elements).filter((e) => e.kind === 'connector');

test('the facilitator maps step after step, works cards by right-click, and names the stages', async ({ page }) => {
  // Three tests of the former file, on the file's board as before: each step's time as one test's.
  test.setTimeout(3 * 60_000);
  await join(page, session().invite('facilitator'));
  await test.step('map a process step after step: double-click a cell, type, Tab, Shift+Tab, and the + beside a card', async () => {
    const g = await grid(page);
    const customer = g.lanes[1];
    const frontstage = g.lanes[2];
    const cellCentre = (lane: number, stage: number) => [g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2] as const;

    // Double-click inside a lane makes a step there, ready to type into.
    await clickBoard(page, ...cellCentre(1, 0), { clickCount: 2 });
    const title = page.getByLabel('Step title');
    await expect(title).toBeFocused();
    await page.keyboard.type('Fills in web form');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Waits, then calls');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Answers “where is my info?”');
    await page.keyboard.press('Enter');
    await expect(title).toHaveCount(0);

    await expect.poll(async () => (await stepsOf(page)).length).toBe(3);
    const steps = await stepsOf(page);
    const byTitle = (t: string) => steps.find((s) => s.title === t)!;
    const form = byTitle('Fills in web form');
    const waits = byTitle('Waits, then calls');
    const call = byTitle('Answers “where is my info?”');
    expect([form.laneId, form.stageId]).toEqual([customer.id, g.stages[0].id]);
    expect([waits.laneId, waits.stageId]).toEqual([customer.id, g.stages[1].id]);
    expect([call.laneId, call.stageId]).toEqual([frontstage.id, g.stages[1].id]);
    expect((await arrowsOf(page)).map((a) => [a.fromId, a.toId]).sort()).toEqual(
      [
        [form.id, waits.id],
        [waits.id, call.id],
      ].sort(),
    );

    // The call step is still selected: its + on the right makes the next one in the next stage.
    const b = await screenBox(page, call.id);
    await page.mouse.click(b.x + b.w + 24, b.y + b.h / 2);
    await expect(title).toBeFocused();
    await page.keyboard.type('Posts brochure');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await stepsOf(page)).find((s) => s.title === 'Posts brochure')).toMatchObject({ laneId: frontstage.id, stageId: g.stages[2].id });
    expect(await arrowsOf(page)).toHaveLength(3);

    // The step and its arrow came in one operation: one undo takes back both (the title first).
    await page.keyboard.press('ControlOrMeta+z');
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(async () => (await stepsOf(page)).length).toBe(3);
    expect(await arrowsOf(page)).toHaveLength(2);

    // The + handles stand beside the selected card, and step aside while it is dragged.
    const handles = () => page.evaluate(() => (window as unknown as { Konva: { stages: { find(s: string): unknown[] }[] } }).Konva.stages[0].find('.next-card').length);
    const f = await screenBox(page, form.id);
    await page.mouse.click(f.x + f.w / 2, f.y + f.h / 2);
    await expect.poll(handles).toBe(2);
    await page.mouse.move(f.x + f.w / 2, f.y + f.h / 2);
    await page.mouse.down();
    await page.mouse.move(f.x + f.w / 2 + 10, f.y + f.h / 2 + 10, { steps: 4 });
    await expect.poll(handles).toBe(0);
    await page.mouse.move(f.x + f.w / 2, f.y + f.h / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(handles).toBe(2);
    await expect.poll(async () => Math.abs((await screenBox(page, form.id)).x - f.x)).toBeLessThan(3);

    // Drag the + below the web-form step onto the call step: an arrow joins them.
    const c = await screenBox(page, call.id);
    await page.mouse.move(f.x + f.w / 2, f.y + f.h + 24);
    await page.mouse.down();
    await page.mouse.move(c.x + c.w / 2, c.y + c.h / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await arrowsOf(page)).map((a) => [a.fromId, a.toId])).toContainEqual([form.id, call.id]);
    expect(await stepsOf(page)).toHaveLength(3);

    // Drag the + beside the call step out onto empty paper in the last stage: the next step lands there.
    await page.mouse.click(c.x + c.w / 2, c.y + c.h / 2);
    const [x, y] = cellCentre(4, 3);
    const drop = await toPage(page, x, y);
    await page.mouse.move(c.x + c.w + 24, c.y + c.h / 2);
    await page.mouse.down();
    await page.mouse.move(drop.x, drop.y, { steps: 8 });
    await page.mouse.up();
    await expect(title).toBeFocused();
    await page.keyboard.type('Prints the brochure');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stepsOf(page)).find((s) => s.title === 'Prints the brochure')).toMatchObject({ laneId: g.lanes[4].id, stageId: g.stages[3].id });
    const printed = (await stepsOf(page)).find((s) => s.title === 'Prints the brochure')!;
    expect((await arrowsOf(page)).map((a) => [a.fromId, a.toId])).toContainEqual([call.id, printed.id]);
  });

  await test.step('right-click a card for what can be done to it, or the paper for a new card there', async () => {
    const g = await grid(page);
    const [step] = (await stepsOf(page)).filter((s) => s.title === 'Fills in web form');
    const b = await screenBox(page, step.id);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Board menu' });
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Edit textEnter',
      'Step detailsI',
      'Ask the room for an estimate…',
      'CopyCtrl+C',
      'CutCtrl+X',
      'DuplicateCtrl+D',
      'Bring to frontCtrl+]',
      'Send to backCtrl+[',
      'Lock / unlockCtrl+Shift+L',
      'Zoom to selectionShift+2',
      'Delete selectionDelete',
    ]);
    await menu.getByRole('menuitem', { name: /Duplicate/ }).click();
    await expect(menu).toHaveCount(0);
    await expect.poll(async () => (await stepsOf(page)).filter((s) => s.title === 'Fills in web form')).toHaveLength(2);

    // The keyboard opens it too (Shift+F10, by the selection), works it, and Escape closes it without doing anything.
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await page.keyboard.press('Shift+F10');
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    expect((await stepsOf(page)).filter((s) => s.title === 'Fills in web form')).toHaveLength(2);

    // On empty paper in a cell: a new step there.
    const p = await toPage(page, g.stages[2].start + g.stages[2].size / 2, g.lanes[0].start + g.lanes[0].size / 2);
    await page.mouse.click(p.x, p.y, { button: 'right' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Step title')).toBeFocused();
    await page.keyboard.type('Brochure arrives');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stepsOf(page)).find((s) => s.title === 'Brochure arrives')).toMatchObject({ laneId: g.lanes[0].id, stageId: g.stages[2].id });
  });

  await test.step('name the stages one after another with Tab, from a double-click on the first header; past the last one, Tab adds a stage', async () => {
    // Right after a right-click on the paper: this double click was once judged by that right-click and only selected the header.
    const g = await grid(page);
    const first = await toPage(page, g.stages[0].start + 40, -30);
    await page.mouse.dblclick(first.x, first.y);
    const editor = page.getByLabel('Text', { exact: true });
    await expect(editor).toBeFocused();
    for (const name of ['Ask', 'Wait', 'Follow-up', 'Decide']) {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(name);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Close');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Decides');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await grid(page)).stages.map((s) => s.name)).toEqual(['Ask', 'Wait', 'Follow-up', 'Decides', 'Close']);
  });
});

test('drag a step or a sticky note out of the toolbar onto the board, as in Miro', async ({ page }) => {
  await join(page, session().invite('participant'));
  const g = await grid(page);
  const before = await stepsOf(page);
  const drag = async (tool: string, x: number, y: number) => {
    const button = (await page.getByRole('button', { name: tool }).boundingBox())!;
    const to = await toPage(page, x, y);
    await page.mouse.move(button.x + button.width / 2, button.y + button.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
  };
  // A step into the Backstage lane, last stage.
  await drag('Process step (S)', g.stages[3].start + g.stages[3].size / 2, g.lanes[3].start + g.lanes[3].size / 2);
  await expect(page.getByLabel('Step title')).toBeFocused();
  await page.keyboard.type('Qualifies the lead');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await stepsOf(page)).find((s) => s.title === 'Qualifies the lead')).toMatchObject({ laneId: g.lanes[3].id, stageId: g.stages[3].id });
  expect(await stepsOf(page)).toHaveLength(before.length + 1);

  // A sticky note onto the paper beside the map (zoomed out to see paper there).
  await page.getByRole('button', { name: 'Zoom out (-)' }).click();
  await page.getByRole('button', { name: 'Zoom out (-)' }).click();
  const right = g.stages.at(-1)!.start + g.stages.at(-1)!.size + 250;
  await drag('Sticky note (N)', right, 200);
  await expect(page.getByLabel('Note text')).toBeFocused();
  await page.keyboard.type('Why four weeks?');
  // Tab after a note: another note beside it, no arrow — a brainstorm.
  const arrows = (await arrowsOf(page)).length;
  await page.keyboard.press('Tab');
  await page.keyboard.type('Who posts it?');
  await page.keyboard.press('Escape');
  await expect.poll(async () => Object.values((await board(page)).elements).find((e) => e.kind === 'note' && e.text === 'Why four weeks?')).toMatchObject({ stageId: null });
  const notes = Object.values((await board(page)).elements).filter((e) => e.kind === 'note');
  const first = notes.find((n) => n.text === 'Why four weeks?')!;
  const second = notes.find((n) => n.text === 'Who posts it?')!;
  expect(second).toMatchObject({ color: first.color });
  expect(second.x).toBeGreaterThan(first.x);
  expect(await arrowsOf(page)).toHaveLength(arrows);
});
