// CEM analyzer configuration (`pnpm analyze`, also run by the build).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { eventClasses, typeEvents } from './scripts/cem-events.mjs';
import { publishedModules } from './scripts/cem-publish.mjs';

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

/** The `part="…"` names a module renders, with those of the src modules it imports (transitively). */
function renderedParts(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return new Set();
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const parts = new Set([...source.matchAll(/\bpart="([^"$]*)"/g)].flatMap(([, names]) => names.split(/\s+/).filter(Boolean)));
  for (const [, spec] of source.matchAll(/^import\s(?!type\b)[^'"]*['"](\.{1,2}\/[^'"]+\.ts)['"]/gm)) {
    for (const part of renderedParts(normalize(join(dirname(file), spec)), seen)) parts.add(part);
  }
  return parts;
}

/** `--passerelle-x` → its light and dark defaults, read from the theme's `var(--passerelle-x, default)`. */
function themeDefaults() {
  const defaults = new Map();
  for (const [, name, value] of readFileSync(join('src', 'styles', 'theme.ts'), 'utf8').matchAll(/var\((--passerelle-[\w-]+),\s*([^;]+?)\);?$/gm)) {
    defaults.set(name, [...(defaults.get(name) ?? []), value.trim()]);
  }
  return defaults;
}

/**
 * Our components register through `define()` (a warning instead of a crash
 * when loaded twice), which the analyzer cannot follow: read the tags from the
 * define.ts files. Also drop the unnamed events the analyzer infers from
 * `dispatchEvent(new SavedEvent(...))` — the JSDoc `@event` lines name them,
 * and the classes dispatched under each name give its type (scripts/cem-events.mjs).
 * Last, the modules become the files of dist/ (scripts/cem-publish.mjs).
 */
function passerelle() {
  return {
    name: 'passerelle',
    packageLinkPhase({ customElementsManifest }) {
      const tags = tagsFromDefineFiles();
      const defaults = themeDefaults();
      const events = eventClasses();
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          const tag = tags.get(decl.name);
          if (tag && !decl.tagName) {
            decl.tagName = tag;
            decl.customElement = true;
          }
          if (decl.events) decl.events = decl.events.filter((e) => e.name);
          if (!decl.customElement || !decl.tagName) continue;
          // Every ::part the element renders is documented (a JSDoc `@csspart`, here or on its base class).
          const documented = new Set((decl.cssParts ?? []).map((p) => p.name));
          const missing = [...renderedParts(mod.path)].filter((p) => !documented.has(p));
          if (missing.length > 0) throw new Error(`<${decl.tagName}> renders parts its JSDoc does not list (@csspart): ${missing.join(', ')} (${mod.path}).`);
          typeEvents(decl, mod.path, events);
          for (const prop of decl.cssProperties ?? []) {
            const [light, dark] = defaults.get(prop.name) ?? [];
            if (light && !prop.default) prop.default = light;
            if (dark && dark !== light && !prop.description?.includes('dark')) prop.description = `${prop.description ?? ''} Dark scheme default: \`${dark}\`.`.trim();
          }
        }
      }
      publishedModules(customElementsManifest, tags);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**'],
  litelement: true,
  // package.json is published: its `customElements` is written by hand, never by a run with another --outdir.
  packagejson: false,
  plugins: [passerelle()],
};
