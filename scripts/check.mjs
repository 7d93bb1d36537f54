// Type-checking, then ESLint, in one process on the same TypeScript programs: ESLint's typed rule
// (no-floating-promises) asks the programs typecheck has just checked for its types, instead of
// building and checking a program of its own over every file again (tsconfig.eslint.json, which
// `npm run lint` alone still uses).
//   node scripts/check.mjs          type-check, then ESLint with --max-warnings 0 (npm test, CI)
//   node scripts/check.mjs types    type-check only (npm run typecheck)
//
// The layers keep a program each, with their own lib and types (docs/ARCHITECTURE.md): the Node
// side (tsconfig.json: no DOM), the renderer (tsconfig.renderer.json: no Node) and the end-to-end
// specs (tsconfig.e2e.json: the DOM for page.evaluate's callbacks). Each program reports the
// faults of the files its tsconfig includes; a file it only imports (a spec's helpers) is read
// for its types, as a declaration would be, and reported by the program that includes it — as
// `tsc -b` did, without writing declarations first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const typesOnly = process.argv[2] === 'types';

/** The program of one tsconfig, with the files it includes (its root files). */
function programOf(configName) {
  const configPath = path.join(root, configName);
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) });
  if (!parsed) process.exit(2);
  // No project references: an imported file is read from its source, not from a declaration.
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true }, configFileParsingDiagnostics: parsed.errors });
  return { configName, program };
}

const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
function report(diagnostics) {
  if (!diagnostics.length) return;
  const write = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stdout.write(write(diagnostics, host));
}

function faultsOf({ program }) {
  const own = program.getRootFileNames().map((f) => program.getSourceFile(f));
  return [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...own.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
}

const programs = ['tsconfig.renderer.json', 'tsconfig.json', 'tsconfig.e2e.json'].map(programOf);
let faults = 0;
for (const p of programs) {
  const found = faultsOf(p).filter((d) => d.category === ts.DiagnosticCategory.Error);
  report(found);
  faults += found.length;
}
if (faults) {
  console.error(`typecheck: ${faults} error${faults === 1 ? '' : 's'}`);
  process.exit(1);
}
if (typesOnly) process.exit(0);

const { ESLint } = await import('eslint');
// A file in two programs (shared/ is in the renderer's and the Node side's) is typed by the first.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parserOptions: { programs: programs.map((p) => p.program) } } },
});
const results = await eslint.lintFiles(['.']);
const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
if (problems) {
  process.stdout.write(await (await eslint.loadFormatter('stylish')).format(results));
  process.exit(1);
}
