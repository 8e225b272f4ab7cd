// CEM analyzer configuration (`pnpm analyze`, also run by the build).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** `define('passerelle-x', Class)` in every src/<folder>/define.ts: tag name by class name. */
function tagsFromDefineFiles() {
  const tags = new Map();
  for (const dir of readdirSync('src', { withFileTypes: true })) {
    const file = join('src', dir.name, 'define.ts');
    if (!dir.isDirectory() || !existsSync(file)) continue;
    for (const [, tag, cls] of readFileSync(file, 'utf8').matchAll(/define\(\s*['"]([a-z][\w-]*-[\w-]*)['"]\s*,\s*(\w+)\s*\)/g)) tags.set(cls, tag);
  }
  return tags;
}

/**
 * Our components register through `define()` (a warning instead of a crash
 * when loaded twice), which the analyzer cannot follow: read the tags from the
 * define.ts files. Also drop the unnamed events the analyzer infers from
 * `dispatchEvent(new SavedEvent(...))` — the JSDoc `@event` lines name them.
 */
function passerelle() {
  return {
    name: 'passerelle',
    packageLinkPhase({ customElementsManifest }) {
      const tags = tagsFromDefineFiles();
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          const tag = tags.get(decl.name);
          if (tag && !decl.tagName) {
            decl.tagName = tag;
            decl.customElement = true;
          }
          if (decl.events) decl.events = decl.events.filter((e) => e.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**'],
  litelement: true,
  plugins: [passerelle()],
};
