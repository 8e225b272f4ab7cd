// How the shared code of dist/ is cut into chunks (scripts/esbuild-options.ts
// splitBuildOptions). esbuild writes a shared module into the chunk of the exact
// set of entries (files of dist/, and modules imported dynamically) that reach
// it, each chunk a file to fetch, gzipped on its own: a layout that follows
// reachability alone gave front-office.js 15 files. This plugin makes the sets
// coincide where that pays: one core chunk, small shared modules riding with
// the form machinery, the context provider with the portal only.
import type { Plugin } from 'esbuild';
import { dirname, join } from 'node:path';

/**
 * The modules nearly every `dist/` file runs: Lit, the portal context, the
 * session a component gets from the portal, the words and formats of the
 * locale, the theme. They used to be spread over four chunks (the portal
 * reached some, the email sign-in others). Every entry, and every module
 * imported dynamically, imports them all first (`passerelle-core`, below):
 * they then have one set of entries, and esbuild writes them as one chunk.
 * What no file uses of them is still left out.
 */
const coreModules = [
  'lit',
  'lit/decorators.js',
  'lit/directive.js',
  'lit/directives/live.js',
  './core/api-error.ts',
  './core/context.ts',
  './core/events.ts',
  './core/passerelle-element.ts',
  './core/register.ts',
  './core/session-controller.ts',
  './i18n/locale-controller.ts',
  './i18n/messages.ts',
  './styles/theme.ts',
];
/**
 * Small modules that several components share, each reached by its own set
 * of files: esbuild would write each as a chunk of a few dozen bytes (a file
 * to fetch, gzipped on its own). They travel with the form machinery instead
 * (every import of `forms/form-controller.ts` brings them), in its chunk,
 * which every component with a form loads anyway.
 */
const formRiders = [
  './core/client.ts',
  '../../schema/src/core/common.ts',
  '../../schema/src/policy/audience.ts',
  '../../schema/src/policy/index.ts',
  './offers/offer-styles.ts',
  // The SIRET check (with Luhn): the pledge's tax form and the company space's request for a new company.
  '../../schema/src/identifiers/siret.ts',
  // The consents a form's `purposes` asks for (issue 20 item 1): the offer, pledge and profile forms.
  './core/form-consents.ts',
];
const RIDER = 'passerelle-rider:';
const CORE = 'passerelle-core';
/** `passerelle-with-core:<path>?core`: the module at path, after the core (the suffix keeps the other plugins' filters off it). */
const WITH_CORE = 'passerelle-with-core:';
const AFTER_CORE = '?core';

export interface ChunkLayout {
  /** Goes after the other plugins (English and the message catalogues resolve their dynamic imports first). */
  plugin: Plugin;
  /** An entry point: the module at `path`, after the core. */
  entry(path: string): string;
  /** The import that puts the core first in an entry written as code (a set of budgets.json). */
  coreImport: string;
}

/** The plugin and entry points of that layout, for the modules of `srcDir` (packages/elements/src). */
export function chunkLayout(srcDir: string): ChunkLayout {
  const FORM_CONTROLLER = join(srcDir, 'forms', 'form-controller.ts');
  const plugin: Plugin = {
    name: 'chunk-layout',
    setup(b) {
      b.onResolve({ filter: /^passerelle-core$/ }, () => ({ path: CORE, namespace: CORE }));
      b.onLoad({ filter: /.*/, namespace: CORE }, () => ({ contents: coreModules.map((m) => `import '${m}';`).join('\n'), resolveDir: srcDir, loader: 'ts' }));
      b.onResolve({ filter: /^passerelle-with-core:/ }, (args) => ({ path: args.path.slice(WITH_CORE.length), namespace: WITH_CORE }));
      b.onLoad({ filter: /.*/, namespace: WITH_CORE }, (args) => {
        const path = args.path.slice(0, -AFTER_CORE.length);
        // `rider:` resolves with side effects: packages/schema says it has none, and esbuild would drop a bare import of it.
        const before = path === FORM_CONTROLLER ? formRiders.map((m) => JSON.stringify(`${RIDER}${join(srcDir, m)}`)) : [`'${CORE}'`];
        return { contents: `${before.map((m) => `import ${m};`).join('\n')}\nexport * from ${JSON.stringify(path)};`, resolveDir: dirname(path), loader: 'ts' };
      });
      b.onResolve({ filter: /^passerelle-rider:/ }, (args) => ({ path: args.path.slice(RIDER.length), sideEffects: true }));
      b.onResolve({ filter: /[\\/]form-controller\.ts$/ }, (args) => {
        if (args.namespace !== 'file' || args.kind !== 'import-statement') return undefined;
        const path = join(args.resolveDir, args.path);
        return path === FORM_CONTROLLER ? { path: `${path}${AFTER_CORE}`, namespace: WITH_CORE } : undefined;
      });
      // The components only consume the portal's context: `@lit/context` from src/core/ is its
      // consumer side only, so the provider (the portal's) stays in the portal's chunk.
      b.onResolve({ filter: /^@lit\/context$/ }, async (args) => {
        if (!args.importer.startsWith(join(srcDir, 'core'))) return undefined;
        const index = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
        return { path: dirname(index.path), namespace: 'lit-context-consumer' };
      });
      b.onLoad({ filter: /.*/, namespace: 'lit-context-consumer' }, (args) => ({
        contents: `export { createContext } from './lib/create-context.js';\nexport { ContextConsumer } from './lib/controllers/context-consumer.js';`,
        resolveDir: args.path,
        loader: 'js',
      }));
      // A module of src/ imported dynamically (the email sign-in, a component's own session) is an entry of its own
      // too, after the core. Its named exports only: `export *` leaves a default export out.
      b.onResolve({ filter: /\.ts$/ }, (args) => {
        if (args.kind !== 'dynamic-import' || args.namespace !== 'file') return undefined;
        const path = join(args.resolveDir, args.path);
        return path.startsWith(srcDir) ? { path: `${path}${AFTER_CORE}`, namespace: WITH_CORE } : undefined;
      });
    },
  };
  return { plugin, entry: (path) => `${WITH_CORE}${path}${AFTER_CORE}`, coreImport: `import '${CORE}';` };
}
