// The package as an institution's web team installs it: `pnpm pack` (which
// builds, as a publish would), the tarball's contents and package.json, then
// a consumer project made of the tarball alone type-checks a React 19 page and
// a plain TypeScript page with tsc (strict, skipLibCheck off), and tsc
// refuses what is wrong. Run: pnpm --filter @passerelle/elements test:package
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Manifest } from '../scripts/react-types.ts';

const elementsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(elementsDir, 'package-tests', 'consumer');
const tsc = join(elementsDir, 'node_modules', 'typescript', 'bin', 'tsc');

let dir = '';
let tarball = '';
let files: string[] = [];
let consumer = '';
let installed = '';
let pkg: Record<string, unknown> & { dependencies?: Record<string, string>; exports: Record<string, unknown> };
let manifest: Manifest;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-pack-'));
  execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: elementsDir, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));

  // A consumer project: the tarball in node_modules, its dependencies as an install brings them (same versions, from this workspace).
  consumer = join(dir, 'consumer');
  mkdirSync(join(consumer, 'node_modules', '@passerelle'), { recursive: true });
  mkdirSync(join(consumer, 'node_modules', '@types'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', join(consumer, 'node_modules', '@passerelle')]);
  installed = join(consumer, 'node_modules', '@passerelle', 'elements');
  renameSync(join(consumer, 'node_modules', '@passerelle', 'package'), installed);
  pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  for (const dep of [...Object.keys(pkg.dependencies ?? {}), '@types/react']) {
    symlinkSync(realpathSync(join(elementsDir, 'node_modules', dep)), join(consumer, 'node_modules', dep), 'dir');
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(consumer, f));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs tsc in the consumer project on `names` with its strictest usual settings. */
function typecheck(names: string[], resolution: 'bundler' | 'nodenext'): { status: number | null; output: string } {
  const config = `tsconfig.${resolution}.${names.join('.')}.json`;
  const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
  const compilerOptions = { strict: true, skipLibCheck: false, noEmit: true, jsx: 'react-jsx', module, moduleResolution: resolution, target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], types: [] };
  writeFileSync(join(consumer, config), JSON.stringify({ compilerOptions, files: names }));
  const run = spawnSync(process.execPath, [tsc, '-p', config], { cwd: consumer, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const elements = () => manifest.modules.flatMap((m) => m.declarations.filter((d) => d.tagName));

describe('the tarball of @passerelle/elements', () => {
  it('holds dist/, the type declarations, custom-elements.json and the README, and no sources, tests or server code', () => {
    for (const f of ['package.json', 'README.md', 'custom-elements.json', 'dist/passerelle.js', 'dist/types/passerelle.d.ts', 'dist/types/react.d.ts']) {
      assert.ok(files.includes(f), `${f} is missing from the tarball`);
    }
    const stray = files.filter(
      (f) =>
        !['package.json', 'README.md', 'custom-elements.json'].includes(f) &&
        (!f.startsWith('dist/') || /\.test\.|(^|\/)(src|scripts|server|node_modules|testing|package-tests)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts'))),
    );
    assert.deepEqual(stray, []);
    const size = statSync(tarball).size;
    console.log(`tarball: ${(size / 1024).toFixed(1)} kB (${size} B), ${files.length} files`);
  });

  it('has a manifest whose every module path is a file of the tarball, with its declarations', () => {
    const paths: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'path' || key === 'module') && typeof value === 'string') paths.push(value);
          else walk(value);
        }
      }
    };
    walk(manifest);
    assert.ok(paths.length > 0);
    assert.deepEqual([...new Set(paths)].filter((p) => !files.includes(p)), [], 'module paths of custom-elements.json missing from the tarball');
    for (const mod of manifest.modules) assert.ok(files.includes(mod.path.replace(/^dist\/(.*)\.js$/, 'dist/types/$1.d.ts')), `no declarations for ${mod.path}`);
    for (const el of elements()) {
      assert.ok(el.events?.length, `<${el.tagName}> lists no event`);
      for (const event of el.events ?? []) assert.match(event.type?.text ?? '', /^\w+(\s\|\s\w+)*$/, `<${el.tagName}> ${event.name} has no type`);
    }
  });

  it('has a package.json that installs outside this workspace', () => {
    assert.equal(pkg.private, undefined);
    assert.doesNotMatch(JSON.stringify(pkg), /workspace:/);
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = Object.keys((pkg[field] as Record<string, string> | undefined) ?? {});
      assert.deepEqual(deps.filter((d) => d.startsWith('@passerelle/')), [], `${field} names an unpublished workspace package`);
    }
    assert.ok(files.includes(String(pkg.types).replace(/^\.\//, '')), 'types');
    assert.ok(files.includes(String(pkg.customElements)), 'customElements');
    // Every file a page loads is exported with its declarations, through the exports map as Node and bundlers read it.
    const pattern = pkg.exports['./*'] as { types: string; default: string };
    for (const mod of manifest.modules) {
      const name = /^dist\/(.*)\.js$/.exec(mod.path)![1]!;
      const target = (pkg.exports[`./${name}`] as typeof pattern | undefined) ?? pattern;
      for (const file of [target.types, target.default]) assert.ok(files.includes(file.replace('*', name).replace(/^\.\//, '')), `${file} for ./${name}`);
    }
    for (const [key, target] of Object.entries(pkg.exports).filter(([k]) => !k.includes('*'))) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target as Record<string, string>)) assert.ok(files.includes(file.replace(/^\.\//, '')), `${key} → ${file}`);
    }
  });

  it('has declarations that import only its own files and its dependencies', () => {
    const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), 'react']);
    const outside = new Set<string>();
    for (const f of files.filter((f) => f.endsWith('.d.ts'))) {
      const text = readFileSync(join(installed, f), 'utf8');
      // import/export … from '…', import '…', import('…') (not the words of a comment).
      for (const [, a, b, c] of text.matchAll(/^(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
        const spec = a ?? b ?? c;
        if (!spec!.startsWith('.') && !allowed.has(spec!.split('/').slice(0, spec!.startsWith('@') ? 2 : 1).join('/'))) outside.add(`${f}: ${spec}`);
      }
    }
    assert.deepEqual([...outside], []);
  });
});

describe('a consumer of the tarball', () => {
  it('has a React 19 page that uses every tag with each of its properties and events', () => {
    // What page.tsx sets on each tag, read from its JSX.
    const used = new Map<string, Set<string>>();
    const source = ts.createSourceFile('page.tsx', readFileSync(join(fixtures, 'page.tsx'), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node): void => {
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
        const names = used.get(node.tagName.getText(source)) ?? new Set();
        for (const attr of node.attributes.properties) if (ts.isJsxAttribute(attr)) names.add(attr.name.getText(source));
        used.set(node.tagName.getText(source), names);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    // Each tag's own properties and events on that tag; those every tag has (api, tenant, sign-in events…) at least once.
    const propsOf = (el: ReturnType<typeof elements>[number]) => [
      ...(el.members ?? []).filter((m) => m.kind === 'field' && !m.readonly).map((m) => m.name),
      ...(el.events ?? []).map((e) => `on${e.name}`),
    ];
    const all = elements();
    const common = propsOf(all[0]!).filter((p) => all.every((el) => propsOf(el).includes(p)));
    const missing = all.flatMap((el) => (used.has(el.tagName!) ? propsOf(el).filter((p) => !common.includes(p) && !used.get(el.tagName!)!.has(p)).map((p) => `<${el.tagName}> ${p}`) : [`<${el.tagName}>`]));
    missing.push(...common.filter((p) => ![...used.values()].some((names) => names.has(p))));
    assert.deepEqual(missing, []);
  });

  for (const resolution of ['bundler', 'nodenext'] as const) {
    it(`type-checks the React page and a plain TypeScript page against the tarball (moduleResolution ${resolution})`, () => {
      const { status, output } = typecheck(['page.tsx', 'dom.ts'], resolution);
      assert.equal(status, 0, output);
    });
  }

  it('is refused what is wrong: a wrong detail property, a wrong property type, an unknown tag', () => {
    const { status, output } = typecheck(['wrong.tsx'], 'bundler');
    assert.notEqual(status, 0);
    const expected = [
      /wrong\.tsx\(8,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
      /wrong\.tsx\(9,\d+\): error TS2339: Property 'amount' does not exist on type '\{ kind: "profile"; item: ProfileView; fields: ChangeKey\[\]; \}'/,
      /wrong\.tsx\(10,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
      /wrong\.tsx\(11,\d+\): error TS2339: Property 'nope' does not exist on type 'ApiError'/,
      /wrong\.tsx\(12,\d+\): error TS2339: Property 'passerelle-nope' does not exist on type 'JSX\.IntrinsicElements'/,
    ];
    for (const error of expected) assert.match(output, error);
    assert.equal(output.match(/error TS/g)?.length, expected.length, output);
  });
});
