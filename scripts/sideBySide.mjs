// Runs commands at the same time and fails when any fails: type-checking, ESLint, knip and
// Prettier each use one core, so on two cores they finish in about half the time one after
// the other takes. `npm run test:built` runs the end-to-end tests beside all the rest: their
// Playwright workers leave part of the cores idle while their tests wait on the browser and the
// host, and the checks and vitest (on one worker there) fill it. Each command's output is
// printed whole when it ends, never interleaved.
//   node scripts/sideBySide.mjs "tsc -p tsconfig.json" "npm run lint"
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (!commands.length) {
  console.error('sideBySide: no commands given (node scripts/sideBySide.mjs "<command>" "<command>" …)');
  process.exit(2);
}

const started = Date.now();
const results = await Promise.all(
  commands.map(
    (command) =>
      new Promise((resolve) => {
        // npm run puts node_modules/.bin on PATH, so `tsc` here is the project's own.
        const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(0);
          const ok = code === 0;
          process.stdout.write(`${ok ? '✓' : '✗'} ${command} (${ok ? 'done' : `failed: ${code ?? signal}`}, ${seconds} s)\n${output}`);
          resolve(ok);
        });
      }),
  ),
);
if (results.includes(false)) process.exit(1);
