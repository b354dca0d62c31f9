#!/usr/bin/env node
/**
 * The disclosure plugin's structure figures: untyped service lookups, admin code importing
 * server code, app code importing the plugin's private files, file and function sizes, casts,
 * imports between modules and files per folder. A report, not a check: it always exits 0.
 *
 *   node scripts/structure.js          human-readable
 *   node scripts/structure.js --json   the same figures as JSON
 */
'use strict';
const fs = require('fs');
const path = require('path');
let ts;
try {
  ts = require('typescript');
} catch {
  console.error('structure: needs the typescript package (a devDependency): npm install');
  process.exit(0);
}

const ROOT = path.join(__dirname, '..');
const PLUGIN = 'src/plugins/disclosure';
const SERVER = `${PLUGIN}/server/src`;
const ADMIN = `${PLUGIN}/admin/src`;
const SHARED = `${PLUGIN}/shared`;
const CODE = /\.(ts|tsx|js|mjs|cjs)$/;
const TEST = /\.(test|spec)\.|__tests__\//;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.cache', '.tmp', '.strapi']);
// The plugin's services as of the layer layout; names in any services/index.ts are added.
const KNOWN_SERVICES = (
  'annual-reports audit calendar index-numbers notifications queue reply-templates ' +
  'request-attachments request-reminders request-replies requests reviews roles staff statistics workflow'
).split(' ');
const MODULE_NAMES = ['kernel', 'review', 'requests', 'reporting'];
const TOP = 8;
const LIST_MAX = 20;

// ---- files and parsing ----

const abs = (rel) => path.join(ROOT, rel);
const exists = (rel) => fs.existsSync(abs(rel));
const isFile = (rel) => exists(rel) && fs.statSync(abs(rel)).isFile();

/** Every file under a folder (relative to the repo root, '/'-separated), build output skipped. */
function walk(dir) {
  if (!exists(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(abs(dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...walk(rel));
    } else out.push(rel);
  }
  return out.sort();
}

const codeFiles = (dir) => walk(dir).filter((f) => CODE.test(f) && !TEST.test(f));
const tsFiles = (dir) => codeFiles(dir).filter((f) => /\.tsx?$/.test(f));

const parsed = new Map();
function parse(file) {
  if (!parsed.has(file)) {
    const kinds = { '.ts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX };
    const kind = kinds[path.extname(file)] ?? ts.ScriptKind.JS;
    const text = fs.readFileSync(abs(file), 'utf8');
    parsed.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind));
  }
  return parsed.get(file);
}

/** Calls fn on every node of a file. */
function visit(file, fn) {
  const sf = parse(file);
  const go = (node) => {
    fn(node, sf);
    ts.forEachChild(node, go);
  };
  go(sf);
}

const lineOf = (sf, node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
const literal = (node) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/** Import, export-from, require() and import() specifiers of a file, with their line. */
function importsOf(file) {
  const out = [];
  visit(file, (node, sf) => {
    let spec = null;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node))
      spec = literal(node.moduleSpecifier);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    )
      spec = literal(node.arguments[0]);
    if (spec !== null) out.push({ file, line: lineOf(sf, node), spec });
  });
  return out;
}

/** The file a relative specifier names (repo-relative), or the bare path when none exists. */
function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(`${path.posix.dirname(from)}/${spec}`);
  const tries = ['', '.ts', '.tsx', '.js', '.json', '/index.ts', '/index.tsx', '/index.js'];
  const hit = tries.map((t) => base + t).find(isFile);
  return hit || base;
}

const where = (x) => `${x.file}:${x.line}`;

// ---- 1. service lookups ----

function serviceNames() {
  const names = new Set(KNOWN_SERVICES);
  for (const file of codeFiles(SERVER).filter((f) => /(^|\/)services\/index\.[jt]s$/.test(f))) {
    visit(file, (node) => {
      const named = ts.isVariableDeclaration(node) && node.name.getText() === 'services';
      const obj = named ? node.initializer : ts.isExportAssignment(node) ? node.expression : null;
      if (!obj || !ts.isObjectLiteralExpression(obj)) return;
      for (const p of obj.properties) if (p.name) names.add(literal(p.name) ?? p.name.getText());
    });
  }
  return names;
}

/** Every `.service('<name>')`, sorted into the plugin's own services and Strapi's. */
function serviceLookups(files, names) {
  const found = { disclosure: [], core: [] };
  for (const file of files) {
    visit(file, (node, sf) => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const name = node.expression.name.text === 'service' ? literal(node.arguments[0]) : null;
      if (name === null) return;
      const receiver = node.expression.expression; // `strapi.plugin('x')`, `plugin`, `strapi`…
      const onPlugin =
        ts.isCallExpression(receiver) && /(^|\.)plugin$/.test(receiver.expression.getText());
      const otherPlugin =
        onPlugin && ![null, 'disclosure'].includes(literal(receiver.arguments[0]));
      const own =
        name.startsWith('plugin::disclosure.') ||
        (!name.includes('::') && !otherPlugin && names.has(name));
      found[own ? 'disclosure' : 'core'].push({
        file,
        line: lineOf(sf, node.expression.name),
        name,
      });
    });
  }
  return found;
}

// ---- 5. functions ----

const isFunctionValue = (n) => n && (ts.isArrowFunction(n) || ts.isFunctionExpression(n));

/** The name a function is known by: its own, or the variable or property it is assigned to. */
function functionName(node) {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const owner = ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
  if (node.name) return owner + node.name.getText();
  let p = node.parent;
  let callback = false;
  while (ts.isCallExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) {
    callback = callback || ts.isCallExpression(p);
    p = p.parent;
  }
  let name = '(anonymous)';
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p))
    name = p.name.getText();
  else if (ts.isExportAssignment(p)) name = 'export default';
  else if (ts.isBinaryExpression(p)) name = p.left.getText();
  return callback ? `${name} (callback)` : name;
}

/**
 * A top-level service/controller factory: its body is an object literal of methods, or
 * declarations followed by `return { …methods… }`. Skipped; the methods inside are counted.
 */
function isFactory(node) {
  const p = node.parent; // a declaration, `export default`, or `const x =` at the top of the file
  const top =
    ts.isSourceFile(p) ||
    ts.isExportAssignment(p) ||
    (ts.isVariableDeclaration(p) && ts.isSourceFile(p.parent.parent.parent));
  if (!top) return false;
  const hasMethods = (obj) =>
    obj &&
    ts.isObjectLiteralExpression(obj) &&
    obj.properties.some(
      (p) =>
        ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && isFunctionValue(p.initializer))
    );
  let body = node.body;
  while (ts.isParenthesizedExpression(body)) body = body.expression;
  if (!ts.isBlock(body)) return hasMethods(body);
  const last = body.statements[body.statements.length - 1];
  const declarations = body.statements
    .slice(0, -1)
    .every(
      (s) =>
        ts.isVariableStatement(s) ||
        ts.isFunctionDeclaration(s) ||
        ts.isTypeAliasDeclaration(s) ||
        ts.isInterfaceDeclaration(s)
    );
  return declarations && last && ts.isReturnStatement(last) && hasMethods(last.expression);
}

function functions(files) {
  const out = [];
  let factories = 0;
  for (const file of files) {
    visit(file, (node, sf) => {
      if (!ts.isFunctionLike(node) || !node.body) return; // signatures have no body
      if (isFactory(node)) return void factories++;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const line = lineOf(sf, node);
      out.push({ file, line, name: functionName(node), lines: end - line + 1 });
    });
  }
  return { longest: out.sort((a, b) => b.lines - a.lines).slice(0, TOP), factories };
}

// ---- 6. casts ----

function casts(files) {
  const n = { as: 0, nonNull: 0 };
  for (const file of files) {
    visit(file, (node) => {
      if (ts.isAsExpression(node) && node.type.getText() !== 'const') n.as++;
      else if (ts.isTypeAssertionExpression(node)) n.as++;
      else if (ts.isNonNullExpression(node)) n.nonNull++;
    });
  }
  return n;
}

// ---- 7. modules ----

function moduleFolders(side, serverModules = new Set()) {
  if (!exists(side)) return new Set();
  const dirs = fs.readdirSync(abs(side), { withFileTypes: true }).filter((e) => e.isDirectory());
  const looksLikeModule = (d) =>
    ['index.ts', 'index.tsx'].some((f) => exists(`${side}/${d}/${f}`)) &&
    ['services', 'controllers', 'routes.ts', 'content-types'].some((f) =>
      exists(`${side}/${d}/${f}`)
    );
  return new Set(
    dirs
      .map((e) => e.name)
      .filter((d) => MODULE_NAMES.includes(d) || serverModules.has(d) || looksLikeModule(d))
  );
}

function crossModuleImports(files) {
  const server = moduleFolders(SERVER);
  const modules = { [SERVER]: server, [ADMIN]: moduleFolders(ADMIN, server) };
  if (!server.size && !modules[ADMIN].size) return null;
  const moduleOf = (file) => {
    for (const side of [SERVER, ADMIN]) {
      const parts = file.startsWith(`${side}/`) ? file.slice(side.length + 1).split('/') : [];
      if (parts.length > 1 && modules[side].has(parts[0])) return parts[0];
    }
    return null;
  };
  // A module's `sdk/` folder is its declared port: imports into it are listed apart.
  const isPort = (file) => /^[^/]+\/sdk(\/|\.ts$)/.test(file.slice(SERVER.length + 1));
  const found = [];
  const throughPorts = [];
  for (const imp of files.flatMap(importsOf)) {
    const from = moduleOf(imp.file);
    const target = from && resolve(imp.file, imp.spec);
    const to = target && moduleOf(target);
    if (!to || to === from || to === 'kernel') continue;
    (isPort(target) ? throughPorts : found).push({ ...imp, from, to });
  }
  return { server: [...server], admin: [...modules[ADMIN]], imports: found, throughPorts };
}

// ---- 8. files per folder ----

function filesPerFolder(side) {
  const counts = {};
  for (const file of walk(side)) {
    const parts = file.slice(side.length + 1).split('/');
    const key = parts.length > 1 ? `${parts[0]}/` : '(top-level files)';
    counts[key] = (counts[key] || 0) + 1;
  }
  const { '(top-level files)': top, ...folders } = counts;
  return top ? { '(top-level files)': top, ...folders } : folders;
}

// ---- the figures ----

function figures() {
  const pkg = JSON.parse(fs.readFileSync(abs(`${PLUGIN}/package.json`), 'utf8'));
  const exportPaths = Object.keys(
    pkg.exports && typeof pkg.exports === 'object' ? pkg.exports : {}
  );
  const srcFiles = codeFiles('src');
  const appFiles = [
    ...srcFiles.filter((f) => !f.startsWith('src/plugins/')),
    ...codeFiles('scripts'),
    ...codeFiles('config'),
  ];
  const pluginFiles = [...tsFiles(SERVER), ...tsFiles(ADMIN), ...tsFiles(SHARED)];
  const names = serviceNames();

  const lookups = serviceLookups(srcFiles, names);
  const notCounted = {};
  for (const dir of ['tests', 'scripts']) {
    const files = walk(dir).filter((f) => CODE.test(f));
    notCounted[dir] = serviceLookups(files, names).disclosure.length;
  }

  const adminToServer = tsFiles(ADMIN)
    .flatMap(importsOf)
    .filter((imp) => (resolve(imp.file, imp.spec) || '').startsWith(`${PLUGIN}/server/`));

  // Public: the package name and its exports only; a relative path into the plugin (even to its
  // sdk.ts) compiles a second copy of plugin code into the app.
  const isPublic = (spec, target) =>
    !target && (spec === pkg.name || exportPaths.includes(`.${spec.slice(pkg.name.length)}`));
  const privateImports = appFiles
    .flatMap(importsOf)
    .map((imp) => ({ ...imp, target: resolve(imp.file, imp.spec) }))
    .filter(({ spec, target }) =>
      target
        ? target.startsWith(`${PLUGIN}/`)
        : spec === pkg.name || spec.startsWith(`${pkg.name}/`)
    )
    .filter(({ spec, target }) => !isPublic(spec, target));

  const largest = pluginFiles
    .map((file) => ({
      file,
      lines: fs.readFileSync(abs(file), 'utf8').trimEnd().split('\n').length,
    }))
    .sort((a, b) => b.lines - a.lines)
    .slice(0, TOP);

  return {
    serviceLookups: { disclosure: lookups.disclosure, core: lookups.core, notCounted },
    adminImportsServer: adminToServer,
    privateImports,
    largestFiles: largest,
    longestFunctions: functions(srcFiles),
    casts: {
      plugin: casts(pluginFiles),
      app: casts(srcFiles.filter((f) => !f.startsWith('src/plugins/'))),
    },
    crossModuleImports: crossModuleImports([...tsFiles(SERVER), ...tsFiles(ADMIN)]),
    filesPerFolder: { [SERVER]: filesPerFolder(SERVER), [ADMIN]: filesPerFolder(ADMIN) },
  };
}

const distinct = (list, key) => [...new Set(list.map(key))];

const count = (list, key) =>
  Object.entries(list.reduce((n, x) => ({ ...n, [key(x)]: (n[key(x)] || 0) + 1 }), {}))
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** How each figure is counted, printed under its title. */
const HOW = {
  lookups:
    "`.service('<name>')` in src/, no tests; disclosure = its service names not on plugin('other')",
  admin:
    'import/export/require specifiers in admin/src (.ts/.tsx, no tests) resolving into server/',
  private:
    'specifiers in app src/, scripts/, config/ (no tests) into the plugin, but not its package/sdk',
  largest: "line count of the plugin's .ts/.tsx files in server/src, admin/src, shared (no tests)",
  functions:
    'line span of functions, methods and arrows in src/ (no tests), factories skipped (below)',
  casts: '`as X` and `<X>e` (not `as const`; `as unknown as T` is 2) and non-null `!`, no tests',
  modules: 'imports from module M into module N, N ≠ M and N ≠ kernel, in server/src and admin/src',
  folders: 'all files under each top-level folder of server/src and admin/src, tests included',
};

function print(f) {
  const say = (s) => console.log(s);
  const head = (title, how) => say(`\n${title}\n  how: ${how}`);
  const list = (items, fmt) =>
    items.length <= LIST_MAX && items.forEach((x) => say(`    ${fmt(x)}`));
  const pad = (n) => String(n).padStart(5);

  say(`Structure of the disclosure plugin (${PLUGIN})`);

  const l = f.serviceLookups;
  head('1. Untyped service lookups', HOW.lookups);
  say(`  disclosure services (must go to 0): ${l.disclosure.length}`);
  say(`    by service: ${count(l.disclosure, (x) => x.name) || '-'}`);
  list(l.disclosure, (x) => `${where(x)}  '${x.name}'`);
  say(`  Strapi core lookups: ${l.core.length}`);
  say(`  not counted: ${l.notCounted.tests} in tests/, ${l.notCounted.scripts} in scripts/`);

  const a = f.adminImportsServer;
  head('2. Admin imports of server code', HOW.admin);
  say(`  files: ${distinct(a, (x) => x.file).length}, import statements: ${a.length}`);
  list(a, (x) => `${where(x)}  ${x.spec}`);

  const p = f.privateImports;
  const paths = distinct(p, (x) => x.target || x.spec);
  head('3. App imports of private plugin files', HOW.private);
  say(`  distinct paths: ${paths.length}, import statements: ${p.length}`);
  for (const target of paths) {
    const by = p.filter((x) => (x.target || x.spec) === target);
    say(`    ${target}  ← ${by.map(where).join(', ')}`);
  }

  head(`4. Largest files (top ${TOP})`, HOW.largest);
  f.largestFiles.forEach((x) => say(`    ${pad(x.lines)}  ${x.file}`));

  const fn = f.longestFunctions;
  head(`5. Longest functions (top ${TOP})`, HOW.functions);
  fn.longest.forEach((x) => say(`    ${pad(x.lines)}  ${where(x)}  ${x.name}`));
  say(
    `  skipped: ${fn.factories} top-level factories (helpers + \`return { …methods }\`; those are counted)`
  );

  head('6. Casts', HOW.casts);
  const line = (c) => `${c.as} as-casts, ${c.nonNull} non-null assertions`;
  say(`  plugin (server/src, admin/src, shared): ${line(f.casts.plugin)}`);
  say(`  app (src/ outside src/plugins/): ${line(f.casts.app)}`);

  const c = f.crossModuleImports;
  head('7. Cross-module imports', HOW.modules);
  if (!c) say('  no module folders yet');
  else {
    say(
      `  modules: server/src ${c.server.join(', ') || '-'}; admin/src ${c.admin.join(', ') || '-'}`
    );
    say(`  cross-module imports: ${c.imports.length}`);
    if (c.imports.length) say(`    by pair: ${count(c.imports, (x) => `${x.from} → ${x.to}`)}`);
    list(c.imports, (x) => `${where(x)}  ${x.spec}`);
    say(`  through a declared port (<module>/sdk): ${c.throughPorts.length}`);
    if (c.throughPorts.length) {
      say(`    by pair: ${count(c.throughPorts, (x) => `${x.from} → ${x.to}`)}`);
    }
  }

  head('8. Files per top-level folder', HOW.folders);
  for (const [side, counts] of Object.entries(f.filesPerFolder)) {
    say(`  ${side}`);
    Object.entries(counts).forEach(([dir, n]) => say(`    ${pad(n)}  ${dir}`));
  }
}

try {
  const f = figures();
  if (process.argv.includes('--json')) console.log(JSON.stringify(f, null, 2));
  else print(f);
} catch (error) {
  console.error(`structure: ${error.stack || error}`);
}
process.exitCode = 0;
