// The order in which a set of budgets.json (`dist/front-office.js`,
// `dist/passerelle.js`) runs its components. Such a file is only imports of
// chunks, and esbuild lists them in an order of its own: it put the pledge and
// the profile editor, and the form machinery and valibot, before the portal,
// so components upgraded before the provider they join was defined, against
// the build's intent (scripts/build.ts). A browser runs a module's imports in
// the order written (each one's own imports first), so this rewrites them:
// the chunk defining each component in the set's order (the portal first),
// then the others as esbuild had them. Every chunk imports what it needs
// itself, so any order of these imports is complete; only what runs first
// changes. (It does not make the first render faster: the whole graph is
// fetched and compiled before any of it runs, and sending the sign-in as the
// portal was defined, tried with it, measured no different: README.)
import type { Metafile } from 'esbuild';
import { basename } from 'node:path';

const importLine = /^import\s*"\.\/chunks\/([\w.-]+\.js)";?$/;

/**
 * `code` (a set's entry as esbuild wrote it) with its imports in the set's
 * order: `components` are the set's folders, portal first; `chunkDefining`
 * gives the chunk file (`chunk-….js`) holding `src/<folder>/define.ts`.
 * Throws if the entry is anything but chunk imports: its code would then run
 * in an order this cannot keep.
 */
export function inSetOrder(code: string, components: readonly string[], chunkDefining: (folder: string) => string | undefined): string {
  const lines = code.split(/(?<=;)|\n/).map((l) => l.trim()).filter(Boolean);
  const chunks = lines.map((line) => {
    const match = importLine.exec(line);
    if (!match) throw new Error(`A set's entry holds more than chunk imports (${JSON.stringify(line)}): its order cannot be set.`);
    return match[1]!;
  });
  const first = [...new Set(components.map(chunkDefining).filter((c): c is string => !!c && chunks.includes(c)))];
  const ordered = [...first, ...chunks.filter((c) => !first.includes(c))];
  return `${ordered.map((c) => `import"./chunks/${c}";`).join('')}\n`;
}

/** From esbuild's metafile: which chunk of `dist/chunks/` holds `src/<folder>/define.ts`. */
export function definingChunks(metafile: Metafile): (folder: string) => string | undefined {
  const byFolder = new Map<string, string>();
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    if (!/[\\/]chunks[\\/]/.test(output)) continue;
    for (const input of Object.keys(inputs)) {
      const folder = /(?:^|[\\/])src[\\/]([\w-]+)[\\/]define\.ts$/.exec(input)?.[1];
      if (folder) byFolder.set(folder, basename(output));
    }
  }
  return (folder) => byFolder.get(folder);
}
