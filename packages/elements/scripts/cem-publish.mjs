// The manifest as the package publishes it (custom-elements-manifest.config.mjs):
// modules are the files of dist/ a page loads, not the TypeScript sources.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether src/<folder>/define.ts re-exports the class it defines, so that dist/<folder>.js exports it too. */
const exportsClass = (folder, name) => new RegExp(`export\\s*\\{[^}]*\\b${name}\\b`).test(readFileSync(join('src', folder, 'define.ts'), 'utf8'));

/** The all-in-one file and the sets of budgets.json: name → the folders whose tags it defines. */
export function bundles(folders) {
  const { sets } = JSON.parse(readFileSync('budgets.json', 'utf8'));
  return { passerelle: folders, ...Object.fromEntries(Object.entries(sets).map(([name, set]) => [name, set.components])) };
}

/** Drops what a page cannot use (private and protected members, `#fields`) and links to src/ files that are not published. */
function publicDeclaration(decl) {
  const visible = (m) => !m.privacy && !m.static && !m.name.startsWith('#');
  const out = { ...decl, members: (decl.members ?? []).filter(visible) };
  const strip = (item) => {
    const { inheritedFrom, ...rest } = item;
    return rest;
  };
  for (const key of ['members', 'attributes', 'events', 'cssParts', 'cssProperties', 'slots']) if (out[key]) out[key] = out[key].map(strip);
  if (out.superclass) out.superclass = out.superclass.package ? out.superclass : { name: out.superclass.name };
  return out;
}

/**
 * Replaces the analyzer's src/ modules with one module per dist/<folder>.js
 * (the element's class, exported and defined there) and one per bundle of
 * several (dist/passerelle.js, dist/front-office.js…) that defines its tags.
 */
export function publishedModules(manifest, tags) {
  const elements = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.customElement || !decl.tagName) continue;
      const folder = /^src\/([^/]+)\//.exec(mod.path)?.[1];
      if (!folder || ![...tags.values()].includes(decl.tagName)) continue;
      elements.set(folder, { decl: publicDeclaration(decl), path: `dist/${folder}.js` });
    }
  }
  const folders = [...elements.keys()].sort((a, b) => (a === 'portal' ? -1 : b === 'portal' ? 1 : a.localeCompare(b)));
  const ref = (folder) => ({ name: elements.get(folder).decl.name, module: elements.get(folder).path });
  const modules = folders.map((folder) => {
    const { decl, path } = elements.get(folder);
    return {
      kind: 'javascript-module',
      path,
      declarations: [decl],
      exports: [
        ...(exportsClass(folder, decl.name) ? [{ kind: 'js', name: decl.name, declaration: ref(folder) }] : []),
        { kind: 'custom-element-definition', name: decl.tagName, declaration: ref(folder) },
      ],
    };
  });
  for (const [name, members] of Object.entries(bundles(folders))) {
    const missing = members.filter((f) => !elements.has(f));
    if (missing.length > 0) throw new Error(`dist/${name}.js defines folders with no element: ${missing.join(', ')}.`);
    modules.push({
      kind: 'javascript-module',
      path: `dist/${name}.js`,
      declarations: [],
      exports: members.map((folder) => ({ kind: 'custom-element-definition', name: elements.get(folder).decl.tagName, declaration: ref(folder) })),
    });
  }
  manifest.modules = modules;
}
