import { test, type Locator, type Page } from '@playwright/test';
import { board, boardBox, expect, join, personPage, sessionForFile, type ElementSnapshot } from './fixtures.js';

// Kim has no mouse: she joins by code and works the board with the keyboard alone — no
// page.mouse, no click, no tap in her window. Fran, the facilitator, hands out the code and
// watches the board change in her own window.

const session = sessionForFile('sample-info-request');

// Tabbing through the header and the panels is many key presses: more than a click's minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

const selection = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection);
const steps = async (page: Page) => Object.values((await board(page)).elements).filter((e): e is ElementSnapshot => e.kind === 'step');
const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Tab (or Shift+Tab) until `target` has the focus, as a keyboard user does; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await focused(target)) return;
    await page.keyboard.press(key);
  }
  expect(await focused(target), `${key} never reached it`).toBe(true);
}

async function codeFromFran(fran: Page): Promise<string> {
  await fran.getByRole('button', { name: 'Invite' }).click();
  const code = (await fran.getByTestId('participant-code').textContent())!.trim();
  await fran.keyboard.press('Escape');
  return code;
}

// Fran, the facilitator, on the sample board through what were four tests, in their order:
// Kim joins by her code in the first; then Fran alone, from the keyboard.
test('without a mouse on the sample board: a participant joins by code and works the cards; the facilitator works the header’s menus, New step here and Ctrl+Z', async ({ browser }) => {
  test.setTimeout(4 * 120_000);
  const fran = await personPage(browser);
  await join(fran, session().invite('facilitator'));
  await fran.getByRole('button', { name: 'Skip' }).click();
  await test.step('a participant without a mouse joins, goes from card to card, edits, moves, fills in a figure, uses the menu and deletes', async () => {
    const code = await codeFromFran(fran);

    // The join page: the name field has the focus; Tab to the code; Enter joins.
    const kim = await personPage(browser);
    await kim.goto(`${session().host.url}/join`);
    await expect(kim.getByLabel('Your name')).toBeFocused();
    await kim.keyboard.type('Kim');
    await kim.keyboard.press('Tab');
    await expect(kim.getByLabel('Code from the big screen')).toBeFocused();
    await kim.keyboard.type(code);
    await kim.keyboard.press('Enter');
    await expect(kim.getByTestId('connection-status')).toHaveText('Live');

    // Tab through the header and the tools to the board, which says how to reach the cards.
    const boardRegion = kim.getByRole('application', { name: 'Board' });
    await tabTo(kim, boardRegion);
    await expect(boardRegion).toHaveAccessibleDescription(/Tab and Shift\+Tab go from card to card/);
    const status = kim.getByTestId('board-status');
    const all = await steps(kim);
    await kim.keyboard.press('Tab');
    // Reading order: the first lane's steps stage by stage, then the next lane's.
    await expect(status).toHaveText(`Selected step ‘Fills in web form’, lane Customer actions, stage Ask, 1 of ${all.length}`);
    const [first] = await selection(kim);
    await kim.keyboard.press('Tab');
    await expect(status).toHaveText(`Selected step ‘Waits, then calls’, lane Customer actions, stage Wait, 2 of ${all.length}`);
    const [second] = await selection(kim);
    expect(second).not.toBe(first);
    expect(all.map((s) => s.id)).toContain(second);
    await kim.keyboard.press('Shift+Tab');
    await expect(status).toHaveText(/, 1 of \d+$/);
    expect(await selection(kim)).toEqual([first]);

    // Enter edits the title; Enter keeps it, and the focus is back on the board.
    await kim.keyboard.press('Enter');
    await expect(kim.getByLabel('Step title')).toBeFocused();
    await kim.keyboard.type('Quote by phone');
    await kim.keyboard.press('Enter');
    await expect.poll(async () => (await board(fran)).elements[first]?.title).toBe('Quote by phone');
    await expect(boardRegion).toBeFocused();
    // F2 edits too; Escape leaves.
    await kim.keyboard.press('F2');
    await expect(kim.getByLabel('Step title')).toBeFocused();
    await kim.keyboard.press('Escape');
    await expect(boardRegion).toBeFocused();

    // Shift+→ moves the card ten units right, in Fran's window too.
    const x0 = (await boardBox(fran, first)).x;
    await kim.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await boardBox(fran, first)).x).toBe(x0 + 10);
    await expect(status).toHaveText(/^Moved/);

    // I opens the details with the focus in them; Tab to the volume, type it, Enter.
    await kim.keyboard.press('i');
    const details = kim.getByRole('complementary', { name: 'Step inspector' });
    await expect(details).toBeFocused();
    await tabTo(kim, details.getByLabel('Volume', { exact: true }), 40);
    await kim.keyboard.type('1200');
    await kim.keyboard.press('Enter');
    await expect.poll(async () => (await board(fran)).elements[first]?.volume).toBe(1200);
    // Escape: back to the board, where Tab goes on from this card.
    await kim.keyboard.press('Escape');
    await expect(boardRegion).toBeFocused();

    // Shift+F10 opens the card's menu; the arrows go down it, Enter chooses Duplicate.
    await kim.keyboard.press('Shift+F10');
    const menu = kim.getByRole('menu', { name: 'Board menu' });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await tabTo(kim, menu.getByRole('menuitem', { name: /^Duplicate/ }), 15, 'ArrowDown');
    await kim.keyboard.press('Enter');
    await expect(menu).toHaveCount(0);
    await expect.poll(async () => (await steps(fran)).length).toBe(all.length + 1);
    await expect(boardRegion).toBeFocused();
    const [copy] = await selection(kim);
    expect(copy).not.toBe(first);

    // Delete deletes the copy, and says so.
    await kim.keyboard.press('Delete');
    await expect.poll(async () => (await steps(fran)).length).toBe(all.length);
    await expect(status).toHaveText('Deleted the step');
    expect((await board(fran)).elements[first]?.title).toBe('Quote by phone');
    // Kim has gone; Fran goes on alone in the steps after this one.
    await kim.context().close();
  });
  await test.step('the header’s menu buttons from the keyboard: Enter opens Facilitate ▾ on its first item, the arrows go through it and never move the selected card, Escape gives the focus back', async () => {
    const boardRegion = fran.getByRole('application', { name: 'Board' });
    await tabTo(fran, boardRegion);
    expect(await selection(fran)).toEqual([]);
    await fran.keyboard.press('Tab');
    const [card] = await selection(fran);
    const where = async () => {
      const e = (await board(fran)).elements[card];
      return [e.x, e.y];
    };
    const before = await where();

    // Back up to Facilitate ▾ and press Enter: the menu opens with its first item focused.
    const facilitate = fran.getByRole('button', { name: /^Facilitate/ });
    await tabTo(fran, facilitate, 80, 'Shift+Tab');
    await fran.keyboard.press('Enter');
    const menu = fran.getByRole('menu', { name: 'Facilitate' });
    const items = menu.getByRole('menuitem');
    await expect(items.first()).toBeFocused();
    await fran.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await fran.keyboard.press('ArrowUp');
    await fran.keyboard.press('ArrowUp');
    await expect(items.last()).toBeFocused();
    await fran.keyboard.press('ArrowLeft');
    await fran.keyboard.press('ArrowRight');
    await fran.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(facilitate).toBeFocused();
    // ↓ on the button opens it too; Space on the timer's opens that one.
    await fran.keyboard.press('ArrowDown');
    await expect(items.first()).toBeFocused();
    await fran.keyboard.press('Escape');
    await expect(facilitate).toBeFocused();
    const timer = fran.getByRole('button', { name: 'Start the timer' });
    await tabTo(fran, timer, 30, 'Shift+Tab');
    await fran.keyboard.press(' ');
    const lengths = fran.getByRole('menu', { name: 'Timer length' }).getByRole('menuitem');
    await expect(lengths.first()).toBeFocused();
    await fran.keyboard.press('ArrowDown');
    await expect(lengths.nth(1)).toBeFocused();
    await fran.keyboard.press('Escape');
    await expect(timer).toBeFocused();

    // None of those arrows reached the board: the card is where it was, still the one selected.
    expect(await selection(fran)).toEqual([card]);
    expect(await where()).toEqual(before);
  });
  await test.step('New step here from the keyboard (Shift+F10 on the paper, mid-screen) twice: the second lands beside the first, not on it, and each is said on the status line; so is Ctrl+Z', async () => {
    const boardRegion = fran.getByRole('application', { name: 'Board' });
    await tabTo(fran, boardRegion);
    // Escape: no card selected, as on a board she has just tabbed to.
    await fran.keyboard.press('Escape');
    expect(await selection(fran)).toEqual([]);
    const status = fran.getByTestId('board-status');
    const menu = fran.getByRole('menu', { name: 'Board menu' });
    const newStepHere = async (title: string) => {
      await fran.keyboard.press('Shift+F10');
      await tabTo(fran, menu.getByRole('menuitem', { name: 'New step here' }), 20, 'ArrowDown');
      await fran.keyboard.press('Enter');
      await expect(status).toHaveText('New step: type its title, Enter keeps it');
      await fran.keyboard.type(title);
      await fran.keyboard.press('Enter');
      await expect(boardRegion).toBeFocused();
      await fran.keyboard.press('Escape');
      return (await steps(fran)).find((s) => s.title === title)!;
    };
    const first = await newStepHere('Sorts the post');
    const second = await newStepHere('Scans the letters');
    const [a, b] = [await boardBox(fran, first.id), await boardBox(fran, second.id)];
    expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, 'the second new step lies on the first').toBe(false);
    await fran.keyboard.press('Control+z');
    await expect(status).toHaveText('Undone: text of ‘Scans the letters’');
  });
  await test.step('Ctrl+Z and Ctrl+Shift+Z say what they took back and did again: the move of a card, then the wait typed in its details', async () => {
    const boardRegion = fran.getByRole('application', { name: 'Board' });
    await tabTo(fran, boardRegion);
    // Escape: no card selected, as on a board she has just tabbed to.
    await fran.keyboard.press('Escape');
    expect(await selection(fran)).toEqual([]);
    const status = fran.getByTestId('board-status');
    await fran.keyboard.press('Tab');
    const [card] = await selection(fran);
    const title = (await board(fran)).elements[card].title;
    const x = async () => (await boardBox(fran, card)).x;
    const x0 = await x();
    await fran.keyboard.press('Shift+ArrowRight');
    await expect.poll(x).toBe(x0 + 10);
    await fran.keyboard.press('Control+z');
    await expect(status).toHaveText(`Undone: move of ‘${title}’`);
    await expect.poll(x).toBe(x0);
    await fran.keyboard.press('Control+Shift+z');
    await expect(status).toHaveText(`Redone: move of ‘${title}’`);
    await expect.poll(x).toBe(x0 + 10);

    // I, Tab to the wait, type it, Enter; Escape back to the board, then undo and redo it.
    await fran.keyboard.press('i');
    const details = fran.getByRole('complementary', { name: 'Step inspector' });
    await tabTo(fran, details.getByLabel('Wait before', { exact: true }), 40);
    await fran.keyboard.type('3 days');
    await fran.keyboard.press('Enter');
    const wait = async () => (await board(fran)).elements[card].waitMinutes;
    await expect.poll(wait).toBe(3 * 24 * 60);
    await fran.keyboard.press('Escape');
    await expect(boardRegion).toBeFocused();
    await fran.keyboard.press('Control+z');
    await expect(status).toHaveText(`Undone: wait of ‘${title}’`);
    await expect.poll(wait).not.toBe(3 * 24 * 60);
    await fran.keyboard.press('Control+Shift+z');
    await expect(status).toHaveText(`Redone: wait of ‘${title}’`);
    await expect.poll(wait).toBe(3 * 24 * 60);
  });
});

const blueprint = sessionForFile('service-blueprint');

test('without a mouse: two new steps from the menu, a copy, an arrow to it, the selection bar, a dot in a vote', async ({ browser }) => {
  const fran = await personPage(browser);
  await join(fran, blueprint().invite('facilitator'));
  await fran.getByRole('button', { name: 'Skip' }).click();
  const kim = await personPage(browser);
  await join(kim, blueprint().invite('participant'));
  // The card asking for a name: Tab to it (straight after the header, before the tools and the board's cards), type, Enter.
  await tabTo(kim, kim.getByLabel('What should the others call you?'), 20);
  expect(await selection(kim)).toEqual([]);
  await kim.keyboard.type('Kim');
  await kim.keyboard.press('Enter');
  await expect(kim.getByRole('form', { name: 'Introduce yourself' })).toHaveCount(0);
  // Enter leaves her on the board (the card went with the focus in it, leaving it on nothing).
  const boardRegion = kim.getByRole('application', { name: 'Board' });
  await expect(boardRegion).toBeFocused();

  // The paper's menu (Shift+F10, nothing selected): New step here, a title, Tab to the next one, Enter.
  await kim.keyboard.press('Shift+F10');
  const menu = kim.getByRole('menu', { name: 'Board menu' });
  await tabTo(kim, menu.getByRole('menuitem', { name: 'New step here' }), 15, 'ArrowDown');
  await kim.keyboard.press('Enter');
  await expect(kim.getByLabel('Step title')).toBeFocused();
  await kim.keyboard.type('Claim arrives');
  await kim.keyboard.press('Tab');
  await kim.keyboard.type('Claim checked');
  await kim.keyboard.press('Enter');
  await expect.poll(async () => (await steps(fran)).map((s) => s.title).sort()).toEqual(['Claim arrives', 'Claim checked']);
  await expect(boardRegion).toBeFocused();

  // Tab on from a title drew the arrow between them: Shift+C on the first says so.
  const arrows = async () => Object.values((await board(fran)).elements).filter((e) => e.kind === 'connector');
  await expect.poll(async () => (await arrows()).length).toBe(1);
  await kim.keyboard.press('Shift+Tab');
  await expect(kim.getByTestId('board-status')).toHaveText(/^Selected step ‘Claim arrives’, .*1 of 2$/);
  await kim.keyboard.press('Shift+C');
  await expect(kim.getByTestId('board-status')).toHaveText('‘Claim arrives’ already has an arrow to ‘Claim checked’');

  // Ctrl+D copies the second step; Shift+C from the second draws an arrow to its copy, the next step.
  await kim.keyboard.press('Tab');
  await expect(kim.getByTestId('board-status')).toHaveText(/^Selected step ‘Claim checked’, .*2 of 2$/);
  const [checked] = await selection(kim);
  await kim.keyboard.press('Control+D');
  await expect.poll(async () => (await steps(fran)).length).toBe(3);
  const [copy] = await selection(kim);
  await kim.keyboard.press('Shift+Tab');
  await expect(kim.getByTestId('board-status')).toHaveText(/^Selected step ‘Claim checked’, .*2 of 3$/);
  expect(await selection(kim)).toEqual([checked]);
  await kim.keyboard.press('Shift+C');
  await expect.poll(async () => (await arrows()).length).toBe(2);
  expect(await arrows()).toContainEqual(expect.objectContaining({ fromId: checked, toId: copy }));
  await expect(kim.getByTestId('board-status')).toHaveText(/^Arrow from ‘Claim checked’ to ‘Claim checked’; selected step ‘Claim checked’, .*3 of 3$/);
  expect(await selection(kim)).toEqual([copy]);

  // Alt+F10: to the selection's bar, where Tab reaches the value class; Escape comes back.
  await kim.keyboard.press('Alt+F10');
  const bar = kim.getByRole('toolbar', { name: 'Selection' });
  await tabTo(kim, bar.getByLabel('Value class'), 20);
  await kim.keyboard.press('Escape');
  await expect(boardRegion).toBeFocused();

  // A dot vote: O places a dot on the selected card, Shift+O takes it back.
  await fran.getByRole('button', { name: /^Facilitate/ }).click();
  await fran.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
  await fran.getByLabel('Vote on').selectOption({ label: 'The whole board' });
  await fran.getByRole('button', { name: 'Start voting' }).click();
  await expect(kim.getByTestId('dots-left')).toContainText('3 of 3 dots left');
  await kim.keyboard.press('o');
  await expect(kim.getByTestId('dots-left')).toContainText('2 of 3 dots left');
  await expect(kim.getByTestId('board-status')).toHaveText(/^Dot placed on ‘Claim checked’/);
  // The bar counts in English (one dot, one person) and its hint names the keys too.
  await expect(kim.getByTestId('vote-bar')).toContainText('1 dot from 1 person');
  await expect(kim.getByTestId('dots-left')).toContainText('press O; Shift+click or Shift+O takes one back');
  await kim.keyboard.press('Shift+O');
  await expect(kim.getByTestId('dots-left')).toContainText('3 of 3 dots left');
});
