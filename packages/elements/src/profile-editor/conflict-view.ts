// The view after a conflicting save (412), imported by the editor when a save
// meets one (rare): its code is not in the file a page loads first. It imports
// nothing of the editor at run time (types only), so it is a chunk of its own,
// and the model the editor shares with it stays in the editor's chunk.
import { html, nothing, type TemplateResult } from 'lit';
import type { ProfileFieldKey } from '@passerelle/schema';
import type { ChangeKey, Conflict } from './model.ts';
import type { fr } from './translations.ts';

/** A field's value as one line of text, to compare two versions. */
export function describeValue(t: typeof fr, key: ChangeKey, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t.empty;
  if (key.startsWith('visibility.')) return t.visibility[value as keyof typeof t.visibility] ?? String(value);
  if (key === 'emails') return (value as { address: string; primary: boolean }[]).map((e) => (e.primary ? `${e.address} (${t.primaryEmail})` : e.address)).join(', ');
  if (key === 'address') {
    const a = value as { street: string; postalCode: string; city: string; country: string };
    return `${a.street}, ${a.postalCode} ${a.city}, ${a.country}`;
  }
  if (key === 'previousPositions') return (value as { employer: string; jobTitle: string }[]).map((p) => `${p.jobTitle} — ${p.employer}`).join('; ');
  if (key === 'availability') {
    const a = value as Record<'mentoring' | 'talks' | 'hiringInterns', boolean>;
    return (['mentoring', 'talks', 'hiringInterns'] as const).map((k) => t.pair(t[k], a[k] ? t.yes : t.no)).join('; ');
  }
  if (key === 'preferredLanguage') return t.languages[value as 'fr' | 'en'] ?? String(value);
  return String(value);
}

/** The id of the view's heading: it takes focus when the view appears. */
export const CONFLICT_TITLE_ID = 'conflict-title';

/**
 * Both versions side by side, field by field, with a "keep mine" / "take the
 * saved one" choice each, and a button that applies the choices.
 */
export function conflictView(
  t: typeof fr,
  conflicts: readonly Conflict[],
  on: { choose(key: ChangeKey, choice: Conflict['choice']): void; apply(): void },
): TemplateResult | typeof nothing {
  if (conflicts.length === 0) return nothing;
  const labelOf = (key: ChangeKey) =>
    key.startsWith('visibility.') ? t.visibilityOf(t.fields[key.slice('visibility.'.length) as ProfileFieldKey]) : t.fields[key as ProfileFieldKey];
  return html`<section part="conflict" class="conflict" aria-labelledby=${CONFLICT_TITLE_ID}>
    <h3 id=${CONFLICT_TITLE_ID} tabindex="-1">${t.conflictTitle}</h3>
    <p>${t.conflictIntro}</p>
    ${conflicts.map((c, i) => {
      const name = `conflict-${i}`;
      return html`<fieldset class="group" data-conflict=${c.key}>
        <legend>${labelOf(c.key)}</legend>
        <div class="versions">
          <div>
            <h4>${t.yours}</h4>
            <p data-version="mine">${describeValue(t, c.key, c.mine)}</p>
            <div class="choice">
              <input type="radio" id=${`${name}-mine`} name=${name} .checked=${c.choice === 'mine'} @change=${() => on.choose(c.key, 'mine')} />
              <label for=${`${name}-mine`}>${t.keepMine}</label>
            </div>
          </div>
          <div>
            <h4>${t.theirs}</h4>
            <p data-version="theirs">${describeValue(t, c.key, c.theirs)}</p>
            <div class="choice">
              <input type="radio" id=${`${name}-theirs`} name=${name} .checked=${c.choice === 'theirs'} @change=${() => on.choose(c.key, 'theirs')} />
              <label for=${`${name}-theirs`}>${t.takeTheirs}</label>
            </div>
          </div>
        </div>
      </fieldset>`;
    })}
    <button part="button" class="primary" type="button" @click=${() => on.apply()}>${t.applyChoices}</button>
  </section>`;
}
