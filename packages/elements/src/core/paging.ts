import type { ReactiveElement } from 'lit';

/** `limit` of a list page from a `page-size` attribute: 1 to 100, 20 when unset or not a number. */
export const pageLimit = (pageSize: number): string => String(Math.min(100, Math.max(1, Math.floor(pageSize) || 20)));

/** The list once a page arrived: after a cursor ("show more"), appended to what was shown; without one, the first page alone. */
export const withPage = <T>(shown: readonly T[] | null, cursor: string | undefined, page: readonly T[]): T[] => (cursor ? [...(shown ?? []), ...page] : [...page]);

/** After "show more", moves focus to the first item it added (`#<prefix><id>`) once drawn, so a keyboard user carries on from there. */
export async function focusFirstAdded(host: ReactiveElement, cursor: string | undefined, first: { id: string } | undefined, prefix: string): Promise<void> {
  if (!cursor || !first) return;
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(`#${prefix}${first.id}`)?.focus();
}
