/**
 * Loads the definition of every `<passerelle-*>` tag used on the page, from
 * the elements package's `src/<name>/define.ts`. An institution would load
 * the published bundle instead; the demo takes the sources so that it shows
 * each component as soon as it exists. A tag whose folder is not there yet
 * keeps its fallback content.
 */
// `core/define.ts` is the registration helper, not a component.
const definitions = import.meta.glob(['../../packages/elements/src/*/define.ts', '!../../packages/elements/src/core/**']);

const folderOf = (tag: string) => tag.replace(/^passerelle-/, '');

export function missingTags(): string[] {
  return usedTags().filter((tag) => !definitions[`../../packages/elements/src/${folderOf(tag)}/define.ts`]);
}

function usedTags(): string[] {
  const tags = new Set<string>();
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    if (tag.startsWith('passerelle-')) tags.add(tag);
  }
  return [...tags];
}

/** Imports the definitions the page needs; resolves when they are registered (or known to be missing). */
export async function defineUsedComponents(): Promise<{ defined: string[]; missing: string[] }> {
  const defined: string[] = [];
  const missing: string[] = [];
  // The portal first: the other components read its context when they connect.
  const tags = usedTags().sort((a, b) => Number(b === 'passerelle-portal') - Number(a === 'passerelle-portal'));
  for (const tag of tags) {
    const load = definitions[`../../packages/elements/src/${folderOf(tag)}/define.ts`];
    if (!load) {
      missing.push(tag);
      continue;
    }
    try {
      await load();
      defined.push(tag);
    } catch (err) {
      console.warn(`[demo] could not load <${tag}>:`, err);
      missing.push(tag);
    }
  }
  for (const tag of missing) {
    for (const el of document.querySelectorAll(tag)) el.setAttribute('data-demo-missing', '');
  }
  return { defined, missing };
}
