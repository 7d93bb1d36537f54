// Writes one section of BENCHMARKS.md (between <!-- name --> markers), keeping the others.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { execSync } from 'node:child_process';

export function machine() {
  let chromium = '';
  try {
    chromium = execSync('chromium --version 2>/dev/null').toString().trim();
  } catch {}
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}${chromium ? `, ${chromium}` : ''}`;
}

/**
 * Rewrite this benchmark's section of BENCHMARKS.md and its entry of BENCHMARKS.json (the
 * figures, machine-readable), leaving every other benchmark's alone. A short run (BENCH_SHORT,
 * `npm run bench -- --short`, as CI runs it) writes neither: its figures are only printed.
 * `date`: when the figures were measured (a section written again from earlier figures keeps theirs).
 */
export function writeSection(name, markdown, figures = null, date = new Date().toISOString()) {
  if (process.env.BENCH_SHORT) {
    console.log(`${name}: short run, BENCHMARKS.md and BENCHMARKS.json left as they are`);
    return;
  }
  const summaryFile = new URL('../../BENCHMARKS.json', import.meta.url);
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : {};
  summary[name] = { date, machine: machine(), figures };
  writeFileSync(summaryFile, JSON.stringify(summary, null, 2) + '\n');
  const file = new URL('../../BENCHMARKS.md', import.meta.url);
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nFigures from `npm run bench:*`; each section is rewritten by its script.\n';
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
