#!/usr/bin/env node
// The CLI entry: the TypeScript sources are bundled into dist/node/cli.mjs by `npm run build`
// (which `npm install` runs through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/node/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('brownpaper: not built yet; run: npm run build\n');
  process.exit(1);
}
// `brownpaper cost … | head -5`: the reader has gone and nothing more is wanted, as for any
// Unix tool; a stack trace about EPIPE would only confuse.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import(bundle);
const code = await main(process.argv.slice(2));
process.exitCode = code;
// A command that failed ends now, once its line is written: a connection left half-open behind
// the failure (a PostgreSQL that asked for a password the URL did not carry) would otherwise keep
// the process waiting for ever.
if (code !== 0) process.stderr.write('', () => process.stdout.write('', () => process.exit(code)));
