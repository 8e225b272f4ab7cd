// The type declarations of the published package, run by `pnpm build` after
// scripts/build.ts (which writes dist/ and custom-elements.json):
//   dist/types/<folder>/…d.ts    tsc's declarations of src/ (tests and src/testing left out)
//   dist/types/schema/…d.ts      those of @passerelle/schema, which dist/ bundles and is not published
//   dist/types/<entry>.d.ts      one per file of dist/ a page loads: the element classes and their event classes
//   dist/types/react.d.ts        React 19 JSX typings of every tag, generated from custom-elements.json
// The declarations of the API's typed client keep their shape but not the
// server's routes: `@passerelle/server` becomes an opaque Hono type (dist/
// exports no client, and the server is not published).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { elementsDir } from './esbuild-options.ts';
import { reactTypings, type Manifest } from './react-types.ts';

const out = join(elementsDir, 'dist', 'types');
const schemaDir = join(elementsDir, '..', 'schema');

/** What a page can load: every src/<folder>/define.ts (declarations follow what they import, and nothing else: no tests, no test helpers). */
function entryPoints(dir: string): string[] {
  return ts.sys.getDirectories(dir).map((d) => join(dir, d, 'define.ts')).filter((f) => ts.sys.fileExists(f));
}

/** Emits the declarations of `roots` (tsconfig of `project`), as { path under `rootDir` → text }. */
function declarations(project: string, roots: string[], rootDir: string): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(join(project, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  if (!config) throw new Error(`No tsconfig.json in ${project}.`);
  const options: ts.CompilerOptions = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir, outDir: '/types' };
  const program = ts.createProgram(roots, options);
  const files = new Map<string, string>();
  const result = program.emit(undefined, (name, text) => files.set(posix.relative('/types', name), text), undefined, true);
  // Only what stops a declaration from being written: type errors are `pnpm typecheck`'s to report.
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) fail(errors);
  return files;
}

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => elementsDir, getNewLine: () => '\n' };
  console.error(ts.formatDiagnostics(diagnostics, host));
  process.exit(1);
}

const schemaPackage = JSON.parse(readFileSync(join(schemaDir, 'package.json'), 'utf8')) as { exports: Record<string, string> };
/** The schema's package exports (`./messages` → `src/messages/index.ts`), as paths under dist/types/schema/. */
const schemaExports = new Map<string, string>(
  Object.entries(schemaPackage.exports).map(([key, file]) => [
    posix.join('@passerelle/schema', key),
    posix.join('schema', posix.relative('./src', file).replace(/\.ts$/, '.js')),
  ]),
);

/** Rewrites the module specifiers of a declaration file at `path` (under dist/types/) to files of dist/types/. */
function relink(path: string, text: string): string {
  const to = (target: string) => {
    const spec = posix.relative(posix.dirname(path), target);
    return spec.startsWith('.') ? spec : `./${spec}`;
  };
  return text.replace(/((?:from|import)\s*\(?\s*)(['"])([^'"]+)\2/g, (match, lead: string, q: string, spec: string) => {
    if (spec.startsWith('.')) return `${lead}${q}${spec.replace(/\.ts$/, '.js')}${q}`;
    const schema = schemaExports.get(spec);
    if (schema) return `${lead}${q}${to(schema)}${q}`;
    if (spec === '@passerelle/server') return `${lead}${q}${to('server-api.js')}${q}`;
    if (spec.startsWith('@passerelle/')) throw new Error(`${path} imports ${spec}, which is not published.`);
    return match;
  });
}

rmSync(out, { recursive: true, force: true });
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), text);
};

const src = join(elementsDir, 'src');
for (const [path, text] of declarations(elementsDir, entryPoints(src), src)) write(path, relink(path, text));
// The schema's public entries the elements import (its staff-only words are not for a browser).
const schemaEntries = Object.values(schemaPackage.exports).filter((f) => !f.includes('/staff/')).map((f) => join(schemaDir, f));
for (const [path, text] of declarations(schemaDir, schemaEntries, join(schemaDir, 'src'))) write(`schema/${path}`, relink(`schema/${path}`, text));
write(
  'server-api.d.ts',
  `// The API's routes are not part of the published types: the typed client of the elements is internal.\nimport type { Hono } from 'hono';\nexport type AppType = Hono;\n`,
);

// One entry per file of dist/ that a page loads, from the manifest's modules: the classes it defines, and their events' classes.
const manifest = JSON.parse(readFileSync(join(elementsDir, 'custom-elements.json'), 'utf8')) as Manifest;
const declaredIn = new Map<string, string>();
for (const file of ts.sys.readDirectory(out, ['.d.ts'])) {
  for (const [, name] of readFileSync(file, 'utf8').matchAll(/^export declare class (\w+)/gm)) declaredIn.set(name!, relative(out, file).split(sep).join('/').replace(/\.d\.ts$/, '.js'));
}
const typeNames = (text: string) => text.split('|').map((t) => t.trim()).filter(Boolean);
for (const mod of manifest.modules) {
  const entry = /^dist\/([\w-]+)\.js$/.exec(mod.path)?.[1];
  if (!entry) throw new Error(`custom-elements.json: module ${mod.path} is not a file of dist/.`);
  const lines = [`// Types of dist/${entry}.js (generated by scripts/types.ts).`];
  const defined = new Set(mod.exports.filter((e) => e.kind === 'custom-element-definition').map((e) => e.declaration.module));
  for (const module of defined) {
    const folder = /^dist\/([\w-]+)\.js$/.exec(module)?.[1];
    lines.push(module === mod.path ? `export * from './${folder}/define.js';` : `export * from './${folder}.js';`);
  }
  // The element classes as types (dist/<folder>.js exports its class only when define.ts does), and their events' classes.
  const exported = new Set(mod.exports.filter((e) => e.kind === 'js').map((e) => e.name));
  const classes = mod.declarations.map((d) => d.name).filter((name) => !exported.has(name));
  const events = new Set(mod.declarations.flatMap((d) => (d.events ?? []).flatMap((e) => (e.type ? typeNames(e.type.text) : []))));
  for (const name of [...classes, ...[...events].sort()]) {
    const at = declaredIn.get(name);
    if (!at) throw new Error(`custom-elements.json: ${name} (${mod.path}) is declared by no class of src/.`);
    lines.push(`export type { ${name} } from './${at}';`);
  }
  write(`${entry}.d.ts`, `${lines.join('\n')}\n`);
}
write('react.d.ts', reactTypings(manifest, 'passerelle'));
console.log(`Type declarations written (${relative(process.cwd(), out) || 'dist/types'}).`);
