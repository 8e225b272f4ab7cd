// Apart from register.ts: only the portal warns this way, so the components' shared code does not carry it.
const warned = new Set<string>();

/** A console warning with a stable code, issued once per page. */
export function warnOnce(code: string, message: string): void {
  if (warned.has(code)) return;
  warned.add(code);
  console.warn(`[passerelle:${code}] ${message}`);
}
