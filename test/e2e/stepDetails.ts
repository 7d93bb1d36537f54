import type { Page } from '@playwright/test';
import { board, expect, grid, screenBox, toPage, type ElementSnapshot } from './fixtures.js';

// The set-ups the specs of the details panel share: find a step by its title, open its details
// as a person does, click empty paper to be done with a field.

/** The step titled so, as the board holds it now; a spec may name the fields it reads. */
export async function stepTitled<S extends object = ElementSnapshot>(page: Page, title: string): Promise<S & { id: string }> {
  const step = Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === title);
  if (!step) throw new Error(`no step titled ${title}`);
  return step as unknown as S & { id: string };
}

/** Click a step on the canvas, then open its details with I, as a person does: only if they are not open already (I closes them again). */
export async function openDetails(page: Page, title: string) {
  const step = await stepTitled(page, title);
  const box = await screenBox(page, step.id);
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  const inspector = page.getByRole('complementary', { name: 'Step inspector' });
  if (!(await inspector.isVisible())) await page.keyboard.press('i');
  await expect(inspector).toBeVisible();
  return { step, inspector };
}

/** Empty paper below the last lane: where people click to be done with a field. */
export async function clickEmptyPaper(page: Page): Promise<void> {
  const g = await grid(page);
  const last = g.lanes.at(-1)!;
  const p = await toPage(page, g.stages[0].start + 40, last.start + last.size + 60);
  await page.mouse.click(p.x, p.y);
}
