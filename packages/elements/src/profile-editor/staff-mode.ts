import { html, type TemplateResult } from 'lit';
import { problemTypes, type ProfileView } from '@passerelle/schema';
import { ApiError } from '../core/api-error.ts';
import type { PasserelleClient } from '../core/client.ts';
import { loadMessages, localesInUse } from '../i18n/messages.ts';
import type { FieldOption } from '../forms/form-controller.ts';
import type { Locale } from '../i18n/locale.ts';
import { displayName } from '../directory/display-name.ts';
import { schoolsOf } from '../offers/schools.ts';

/**
 * What the profile editor needs in staff mode (`person-id`), in a module of
 * its own: only staff open a profile that is not theirs, so the file a page
 * loads first (front-office.js) carries none of it. Its words are here too.
 */
export interface StaffMode {
  /** The institution's schools, for the education field (the person's may not be one of the reader's memberships). */
  schools: FieldOption[];
  /** The heading: whose profile it is. */
  title(locale: Locale, profile: ProfileView): string;
  /** Said where the owner reads what each "who sees" choice means. */
  note(locale: Locale): TemplateResult;
}

const words = {
  fr: {
    title: (name: string) => `Profil de ${name}`,
    unnamed: 'Profil sans nom',
    note: 'Vous corrigez ce profil pour l’établissement. Les informations de formation que vous enregistrez deviennent celles de l’établissement : la personne vous demandera de les corriger. Qui voit chaque information reste le choix de la personne.',
  },
  en: {
    title: (name: string) => `Profile of ${name}`,
    unnamed: 'Profile without a name',
    note: 'You are correcting this profile for the institution. The education details you record become the institution’s: the person will ask you to correct them. Who sees each detail stays the person’s choice.',
  },
} satisfies Record<Locale, unknown>;

/**
 * Opens someone's profile for correction: the profile as its staff read it,
 * with its ETag, and the institution's schools. Only the staff view carries
 * who sees each field (the policy's audience `staff`: an administrator, or
 * staff of one of the person's entities); any other reader may read the
 * profile but not correct it (the policy's `profile.edit`, which the server
 * applies on saving): refused at once, worded as the server words it.
 */
export async function staffLoad(client: PasserelleClient, id: string) {
  const [res, schools] = await Promise.all([client.call(client.rpc.profiles[':id'].$get({ param: { id } })), schoolsOf(client)]);
  if (!res.data.visibility) {
    await loadMessages(localesInUse);
    throw new ApiError({ type: problemTypes.forbidden, title: '', status: 403, detail: '', code: 'policy.refused', params: { action: 'profile.edit' } });
  }
  const staff: StaffMode = {
    schools: schools.map((s) => ({ value: s.id, label: s.name })),
    title: (locale, profile) => {
      const name = displayName(profile);
      return name ? words[locale].title(name) : words[locale].unnamed;
    },
    note: (locale) => html`<p part="visibility-help" class="visibility-help" data-staff-note>${words[locale].note}</p>`,
  };
  return { res, staff };
}
