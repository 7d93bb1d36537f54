// Lint: no import cycles among our TypeScript files (`npm run lint` runs it). A module that
// imports one which (through others) imports it back may find the first half-loaded. It follows
// what ESLint's import-x/no-cycle followed — static imports, re-exports (`export … from`) and
// dynamic `import()`, but not type-only imports, which leave nothing at run time — by parsing
// each file alone (no type-checking): ~2 s of CPU where the ESLint rule took ~20.
//   node scripts/importCycles.mjs     one line per cycle, exit 1 if any
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The folders ESLint lints (eslint.config.js) but for test/bench, which it leaves out. */
const folders = ['shared', 'electron', 'renderer', 'test'];

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || p === path.join(root, 'test', 'bench') ? [] : sourceFiles(p);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** A relative specifier to the file it names: './x.js' is x.ts or x.tsx, as TypeScript resolves it. */
function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const bare = path.resolve(path.dirname(from), specifier).replace(/\.(m?js|jsx)$/, '');
  for (const candidate of [`${bare}.ts`, `${bare}.tsx`, path.join(bare, 'index.ts'), path.join(bare, 'index.tsx')]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

const typeOnly = (node) =>
  ts.isImportDeclaration(node)
    ? !!node.importClause &&
      (node.importClause.isTypeOnly ||
        (!node.importClause.name &&
          !!node.importClause.namedBindings &&
          ts.isNamedImports(node.importClause.namedBindings) &&
          node.importClause.namedBindings.elements.length > 0 &&
          node.importClause.namedBindings.elements.every((e) => e.isTypeOnly)))
    : ts.isExportDeclaration(node) &&
      (node.isTypeOnly || (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly)));

/** The files `file` loads at run time. */
function imports(file) {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = new Set();
  const add = (specifier) => {
    const target = resolve(file, specifier);
    if (target) found.add(target);
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!typeOnly(node)) add(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && !node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      add(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found];
}

const graph = new Map();
const pending = folders.flatMap((f) => sourceFiles(path.join(root, f)));
while (pending.length) {
  const file = pending.pop();
  if (graph.has(file)) continue;
  const next = imports(file);
  graph.set(file, next);
  pending.push(...next.filter((n) => !graph.has(n)));
}

// Tarjan's strongly connected components: each of more than one file (or a file importing itself) is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let counter = 0;
function connect(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v)) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v).includes(v)) cycles.push(component);
  }
}
for (const v of graph.keys()) if (!index.has(v)) connect(v);

/** One route round the cycle, from its first file (by name) back to it. */
function route(component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (w === start) {
        const back = [];
        for (let at = v; at !== null; at = previous.get(at)) back.unshift(at);
        return [...back, start];
      }
      if (members.has(w) && !previous.has(w)) (previous.set(w, v), queue.push(w));
    }
  }
  return [start];
}

for (const component of cycles)
  console.error(
    `import cycle: ${route(component)
      .map((f) => path.relative(root, f))
      .join(' → ')}`,
  );
if (cycles.length) process.exit(1);
