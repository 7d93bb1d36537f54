import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Says why each skipped test was skipped, one line each, at the end of the run: the stock
 * reporters count a skip but not its reason, and a skip without its reason reads like a pass.
 */
export default class SkipReasons implements Reporter {
  private lines: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const why = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    this.lines.push(`skipped: ${test.titlePath().filter(Boolean).slice(1).join(' › ')} — ${why}`);
  }

  onEnd(): void {
    for (const line of this.lines) console.log(line);
  }

  printsToStdio(): boolean {
    return true;
  }
}
