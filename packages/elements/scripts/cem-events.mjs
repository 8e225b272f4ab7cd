// The manifest's events, typed from the code (custom-elements-manifest.config.mjs):
// which event classes an element dispatches, and which event name each class carries.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'testing') yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/**
 * Every class of src/ that is a `CustomEvent`, by class name: the event name
 * it passes to `super('passerelle-…')` (or inherits from the class it extends).
 */
export function eventClasses(srcDir = 'src') {
  const declared = new Map();
  for (const file of sourceFiles(srcDir)) {
    const visit = (node) => {
      if (ts.isClassDeclaration(node) && node.name) {
        const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
        let name;
        const findSuper = (n) => {
          if (name === undefined && ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) name = n.arguments[0].text;
          ts.forEachChild(n, findSuper);
        };
        findSuper(node);
        if (base && ts.isIdentifier(base)) declared.set(node.name.text, { base: base.text, name, file });
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(file));
  }
  const events = new Map();
  const resolve = (cls, seen = new Set()) => {
    if (cls === 'CustomEvent') return { name: undefined };
    const d = declared.get(cls);
    if (!d || seen.has(cls)) return null;
    seen.add(cls);
    const parent = resolve(d.base, seen);
    return parent && { name: d.name ?? parent.name };
  };
  for (const cls of declared.keys()) {
    const resolved = resolve(cls);
    if (resolved?.name) events.set(cls, { name: resolved.name, file: declared.get(cls).file });
  }
  return events;
}

/**
 * `new X(…)` of an event class in a module and the src modules it imports
 * (transitively, statically or with `import('./x.ts')`: a module fetched when
 * needed, such as a component's own session, still dispatches from the
 * element): event name → class names.
 */
export function dispatchedEvents(file, classes, seen = new Set(), found = new Map()) {
  if (seen.has(file) || !existsSync(file)) return found;
  seen.add(file);
  const source = parse(file);
  const imported = [];
  const visit = (node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && classes.has(node.expression.text)) {
      const { name } = classes.get(node.expression.text);
      found.set(name, new Set([...(found.get(name) ?? []), node.expression.text]));
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) imported.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    imported.push(statement.moduleSpecifier.text);
  }
  for (const spec of imported) if (/^\.{1,2}\/.*\.ts$/.test(spec)) dispatchedEvents(normalize(join(dirname(file), spec)), classes, seen, found);
  return found;
}

/**
 * Gives each documented event of an element (`@event name - …`, here or on
 * its base class) the type of the classes it dispatches under that name, and
 * fails on an event documented but never dispatched, or dispatched but not
 * documented: the JSDoc says what the code does, or the build stops.
 */
export function typeEvents(decl, modulePath, classes) {
  const dispatched = dispatchedEvents(modulePath, classes);
  const documented = new Set((decl.events ?? []).map((e) => e.name));
  const undocumented = [...dispatched.keys()].filter((name) => !documented.has(name));
  if (undocumented.length > 0) throw new Error(`<${decl.tagName}> dispatches events its JSDoc does not list (@event): ${undocumented.join(', ')} (${modulePath}).`);
  for (const event of decl.events ?? []) {
    const types = dispatched.get(event.name);
    if (!types) throw new Error(`<${decl.tagName}> documents @event ${event.name} but never dispatches it (${modulePath}).`);
    event.type = { text: [...types].sort().join(' | ') };
  }
}
