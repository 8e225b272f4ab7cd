// The esbuild settings every Passerelle browser bundle is made with: the
// build (scripts/build.ts) and the bundle benchmark (test/bench/bundle.ts)
// import them, so the benchmark measures exactly what ships.
import { transformSync, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkLayout } from './chunk-layout.ts';

/** The elements package folder. */
export const elementsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const srcDir = join(elementsDir, 'src');

/**
 * Marks the shared schemas' valibot builder calls as pure. esbuild does not
 * act on valibot's own `@__NO_SIDE_EFFECTS__` annotations, so every schema
 * constant of an imported `@passerelle/schema` file was kept, used or not
 * (~0.7 kB min+gzip in the portal alone). Builders (`v.pipe`, `v.object`,
 * `text(...)`…) have no side effects; running ones (`v.parse`, `v.assert`,
 * setters…) are left alone, and a used result is always kept.
 */
const RUNS = /^(parse|safeParse|parser|safeParser|parseAsync|safeParseAsync|assert|is|getDotPath|flatten|summarize|set\w*|delete\w*|get\w*Config|get\w*Message)$/;
const pureSchemaBuilders: Plugin = {
  name: 'pure-schema-builders',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]schema[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      // Only code is annotated: an annotation inside a block comment would close it early.
      const contents = source.replace(/(\/\*[\s\S]*?\*\/|\/\/[^\n]*)|(?<![\w.$])(v\.(\w+)|text)\(/g, (match, comment?: string, callee?: string, name?: string) =>
        comment !== undefined || (name !== undefined && RUNS.test(name)) ? match : `/* @__PURE__ */ ${callee}(`,
      );
      return { contents, loader: 'ts' };
    });
  },
};

/** Back to template-literal source: the cooked text with `\\`, backquote and `${` escaped. */
const asTemplateText = (cooked: string) => cooked.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/**
 * Minifies the static text of Lit's tagged templates (esbuild keeps template
 * text as written): `css` without interpolations through esbuild's CSS
 * minifier, other `css` and `html` by turning each run of whitespace that
 * holds a line break into one space. HTML renders any whitespace run as one
 * space and Lit reads the strings as given, so what is drawn is unchanged
 * (templates with a `<pre>` are left alone). ~1.3 kB min+gzip over the four
 * components and the portal.
 */
const minifyTemplates: Plugin = {
  name: 'minify-lit-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/\b(html|css)`/.test(source)) return undefined;
      const file = ts.createSourceFile(args.path, source, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
          const tpl = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(tpl) ? [tpl] : [tpl.head, ...tpl.templateSpans.map((s) => s.literal)];
          if (!parts.some((p) => /<pre[\s>]/.test(p.text))) {
            for (const part of parts) {
              let text: string;
              if (node.tag.text === 'css' && ts.isNoSubstitutionTemplateLiteral(part)) text = transformSync(part.text, { loader: 'css', minify: true }).code.trim();
              else text = part.text.replace(/\s*\n\s*/g, ' ');
              // A literal's source runs from its opening delimiter (` or }) to its closing one (` or ${).
              const start = part.getStart(file) + 1;
              const end = part.getEnd() - (ts.isNoSubstitutionTemplateLiteral(part) || ts.isTemplateTail(part) ? 1 : 2);
              edits.push({ start, end, text: asTemplateText(text) });
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      let contents = source;
      for (const e of edits.sort((x, y) => y.start - x.start)) contents = contents.slice(0, e.start) + e.text + contents.slice(e.end);
      return { contents, loader: 'ts' };
    });
  },
};

/** `src/pledge/translations.en.ts` → `pledge`, `src/i18n/translations/en.ts` → `i18n`. */
export const englishName = (path: string): string => relative(srcDir, path).split(sep)[0]!;
/** The English translation modules, built by scripts/build.ts as `dist/en/<folder>.js`. */
export const englishFiles = (): string[] => [
  join(srcDir, 'i18n', 'translations', 'en.ts'),
  ...readdirSync(srcDir)
    .filter((d) => existsSync(join(srcDir, d, 'define.ts')) && existsSync(join(srcDir, d, 'translations.en.ts')))
    .map((d) => join(srcDir, d, 'translations.en.ts')),
];

/**
 * English on demand: `import('./translations.en.ts')` (a LocaleController
 * loader) stays a dynamic import of `./en/<folder>.js`, a file of its own
 * next to the bundle (scripts/build.ts writes them), so a page in French
 * never downloads English. One file per folder, shared by every bundle.
 */
const englishOnDemand: Plugin = {
  name: 'english-on-demand',
  setup(b) {
    b.onResolve({ filter: /(\.en|[\\/]en)\.ts$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const path = join(args.resolveDir, args.path);
      // Every English module of a folder becomes that folder's one file: another module's words would be lost behind it.
      if (!englishFiles().includes(path)) {
        return { errors: [{ text: `${relative(srcDir, path)}: import the folder's translations.en.ts instead (it becomes dist/en/${englishName(path)}.js; re-export these words from it).` }] };
      }
      return { path: `./en/${englishName(path)}.js`, external: true };
    });
  },
};

/**
 * The words of message codes per language (packages/schema's catalogue and its
 * mapping of valibot issues), built by scripts/build.ts as `dist/messages/<language>.js`.
 */
export const messageCatalogues = (): Record<'fr' | 'en', string> => ({
  fr: join(srcDir, 'i18n', 'words-fr.ts'),
  en: join(srcDir, 'i18n', 'words-en.ts'),
});

/**
 * Those words on demand, as English above: `import('./words-fr.ts')`
 * (src/i18n/messages.ts) stays a dynamic import of `./messages/fr.js`, fetched the
 * first time an element has an error to word, so a page that shows none never downloads it.
 */
const messagesOnDemand: Plugin = {
  name: 'messages-on-demand',
  setup(b) {
    b.onResolve({ filter: /words-(fr|en)\.ts$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./messages/${args.path.slice(-5, -3)}.js`, external: true } : undefined,
    );
  },
};

/**
 * `src/<name>/define.ts` defines a tag: that is its whole point. The package's
 * `sideEffects` (which lists only dist/) must not let esbuild drop it from an
 * entry that imports it for that effect alone.
 */
const definesHaveEffects: Plugin = {
  name: 'defines-have-effects',
  setup(b) {
    // Entry points too: esbuild remembers a file's side effects from its first resolution.
    b.onResolve({ filter: /(^\.\/[\w-]+\/|[\\/]src[\\/][\w-]+[\\/])define\.ts$/ }, (args) => ({ path: isAbsolute(args.path) ? args.path : join(args.resolveDir, args.path), sideEffects: true }));
  },
};

export const buildOptions: BuildOptions = {
  plugins: [definesHaveEffects, pureSchemaBuilders, minifyTemplates, englishOnDemand, messagesOnDemand],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  platform: 'browser',
  tsconfig: join(elementsDir, 'tsconfig.json'),
  legalComments: 'none',
  metafile: true,
  // Lit's production build (no dev-mode warnings).
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** An esbuild `stdin` entry importing `src/<name>/define.ts` for each name, in order. */
export function definesEntry(names: readonly string[], sourcefile: string): BuildOptions['stdin'] {
  return { contents: names.map((name) => `import './${name}/define.ts';`).join('\n'), resolveDir: srcDir, sourcefile, loader: 'ts' };
}

/** Nothing of the server may be bundled: `AppType` is a type-only import. */
export function assertNoServerCode(metafile: Metafile | undefined): void {
  if (!metafile) throw new Error('esbuild gave no metafile.');
  const offenders = Object.keys(metafile.inputs).filter((input) => /(^|\/)server\/src\/|better-sqlite3|drizzle-orm|@hono\/node-server|nodemailer|hono\/dist\/(hono|hono-base|compose)\.js/.test(input));
  if (offenders.length > 0) throw new Error(`Server code in the browser bundle:\n  ${offenders.join('\n  ')}`);
}

/**
 * The build of every `dist/` file at once, with shared chunks: each component
 * (`<name>.js`) and each set of budgets.json (`<set>.js`, `passerelle.js`) is
 * an entry, and what two of them share is written once, in `dist/chunks/`.
 * So any combination of them on a page loads one Lit, one portal context and
 * one definition of each tag. How that shared code is cut into chunks:
 * scripts/chunk-layout.ts.
 */
export function splitBuildOptions(components: readonly string[], sets: Readonly<Record<string, readonly string[]>>): BuildOptions {
  const layout = chunkLayout(srcDir);
  const setEntries: Plugin = {
    name: 'passerelle-sets',
    setup(b) {
      b.onResolve({ filter: /^passerelle-set:/ }, (args) => ({ path: args.path.slice('passerelle-set:'.length), namespace: 'passerelle-set' }));
      b.onLoad({ filter: /.*/, namespace: 'passerelle-set' }, (args) => {
        const { contents, resolveDir, loader } = definesEntry(sets[args.path] ?? [], `${args.path}.ts`)!;
        return { contents: `${layout.coreImport}\n${contents}`, resolveDir, loader };
      });
    },
  };
  return {
    ...buildOptions,
    plugins: [setEntries, ...(buildOptions.plugins ?? []), layout.plugin],
    entryPoints: {
      ...Object.fromEntries(components.map((name) => [name, layout.entry(join(srcDir, name, 'define.ts'))])),
      ...Object.fromEntries(Object.keys(sets).map((name) => [name, `passerelle-set:${name}`])),
    },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
  };
}

/**
 * English and the message catalogues are fetched as `./en/<folder>.js` and
 * `./messages/<language>.js` relative to the file that asks (see the plugins
 * above); code that lands in `dist/chunks/` must go one folder up for them.
 */
export function onDemandPathsFor(outputPath: string, code: string): string {
  return /[\\/]chunks[\\/][^\\/]+$/.test(outputPath) ? code.replace(/import\("\.\/(en|messages)\//g, 'import("../$1/') : code;
}
