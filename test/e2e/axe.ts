import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now (or on the parts `include` selects): the
 * serious and critical violations, each with its nodes, and the lesser ones by name.
 *
 * Two settings keep it to seconds rather than a minute on a ledger of 400 cells: only violations
 * are detailed (axe otherwise builds a selector and an HTML snippet for every node that passes
 * every rule, and sends all of it back), and it runs in the page itself (the board has no
 * frames; the default opens an extra page to merge frames' results).
 */
export async function axeProblems(page: Page, include: string | string[] = []): Promise<{ serious: string[]; minor: string[] }> {
  // AxeBuilder evaluates axe-core's 650 KB source in the page twice a run (analyze, then inject)
  // and the page compiles and runs it each time; once per page is enough: a page that already
  // has axe gets an empty source instead (AxeBuilder takes the default only for a falsy one).
  const loaded = await page.evaluate(() => 'axe' in window);
  let axe = new AxeBuilder({ page, ...(loaded ? { axeSource: ';' } : {}) })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true);
  for (const part of typeof include === 'string' ? [include] : include) axe = axe.include(part);
  const { violations } = await axe.analyze();
  const isSerious = (impact: string | null | undefined) => impact === 'serious' || impact === 'critical';
  return {
    serious: violations.filter((v) => isSerious(v.impact)).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ')}`),
    minor: violations.filter((v) => !isSerious(v.impact)).map((v) => `${v.id} (${v.impact})`),
  };
}
