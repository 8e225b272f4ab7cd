/** Shared by every copy of this module on the page (two folders, two versions): which script defined each tag, and which were already reported. */
interface Definitions {
  by: Map<string, string>;
  reported: Set<string>;
}
const registry = Symbol.for('passerelle.definitions');
const definitions = ((globalThis as { [registry]?: Definitions })[registry] ??= { by: new Map(), reported: new Set() });

/** The script this copy of Passerelle runs from (in dist/, the shared chunk that holds this module). */
const here = import.meta.url;

/**
 * Registers a custom element unless the tag is taken. The files of one dist/
 * share their chunks, so combining them defines each tag once; a second copy
 * of Passerelle on the page (another folder or version) warns, once per tag,
 * naming both scripts, instead of throwing, and the first definition stays in use.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) {
    customElements.define(tag, element);
    definitions.by.set(tag, here);
    return;
  }
  if (definitions.reported.has(tag)) return;
  definitions.reported.add(tag);
  const first = definitions.by.get(tag);
  console.warn(
    `[passerelle] <${tag}> is already defined${first ? ` by ${first}` : ''}; the copy in ${here} is ignored. ` +
      'Load Passerelle from one folder, one version, per page: its files share one Lit and one portal only then.',
  );
}
