/**
 * Registers a custom element unless the tag is taken. A third-party page may
 * load our scripts twice (two bundles, two versions): the second copy warns
 * instead of throwing, and the first definition stays in use.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) {
    console.warn(`[passerelle] <${tag}> is already defined; this copy of the script is ignored. Load Passerelle once per page.`);
    return;
  }
  customElements.define(tag, element);
}

const warned = new Set<string>();

/** A console warning with a stable code, issued once per page. */
export function warnOnce(code: string, message: string): void {
  if (warned.has(code)) return;
  warned.add(code);
  console.warn(`[passerelle:${code}] ${message}`);
}
