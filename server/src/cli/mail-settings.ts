/**
 * `institution set-branding <slug> [--name "…"] [--primary-color #rrggbb] [--text-color #rrggbb] [--background-color #rrggbb]`
 * and `institution set-pages <slug> [--profile URL] [--consents URL] [--offers URL] [--pledges URL] [--company URL]`:
 * the name and colours of the institution's messages, and the pages their
 * links open (the same settings as `PUT /v1/mail/branding` and
 * `PUT /v1/mail/pages`, mail/settings.ts), checked with the shared schemas,
 * audited (cli:institution). Each replaces the whole setting: what is left
 * out goes back to its default (no link, for a page).
 */
import * as v from 'valibot';
import { InstitutionPagesInputSchema, MailBrandingInputSchema, fieldIssues, linkActions, type FieldIssue } from '@passerelle/schema';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import { INSTITUTION_CLI_ORIGIN } from '../auth/staff-email-sign-in.ts';
import { ProblemError } from '../http/problem.ts';
import { storeMailBranding, storeMailPages } from '../mail/settings.ts';
import { CliInputError, tenantId } from './tenant.ts';

export const brandingOptions = {
  name: { type: 'string' },
  'primary-color': { type: 'string' },
  'text-color': { type: 'string' },
  'background-color': { type: 'string' },
} as const;

export const pagesOptions = {
  profile: { type: 'string' },
  consents: { type: 'string' },
  offers: { type: 'string' },
  pledges: { type: 'string' },
  company: { type: 'string' },
} as const;

const whoIn = (tenantId: string) => ({ tenantId, actorId: null, origin: INSTITUTION_CLI_ORIGIN, at: new Date().toISOString() });

/** The option each field comes from, so that a refusal names what to change. */
const optionOf: Record<string, string> = { name: '--name', primaryColor: '--primary-color', textColor: '--text-color', backgroundColor: '--background-color', ...Object.fromEntries(linkActions.map((a) => [a, `--${a}`])) };
const refused = (say: Say, errors: readonly FieldIssue[]) => new CliInputError(say('cli.input.invalid', { errors: errors.map((e) => ({ ...e, path: optionOf[e.path] ?? e.path })) }));

/** Only the options given, so that one left out is absent (its default), never an empty value. */
const given = <T extends Record<string, string | undefined>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined));

export async function setBrandingCommand(db: Db, say: Say, slug: string, o: Partial<Record<keyof typeof brandingOptions, string>>): Promise<string> {
  const parsed = v.safeParse(MailBrandingInputSchema, given({ name: o.name, primaryColor: o['primary-color'], textColor: o['text-color'], backgroundColor: o['background-color'] }));
  if (!parsed.success) throw refused(say, fieldIssues(parsed.issues));
  const id = await tenantId(db, say, slug);
  const { changed, answer } = await storeMailBranding(db, whoIn(id), parsed.output);
  return changed ? say('cli.mailBranding.set', { slug, ...answer.effective }) : say('cli.mailBranding.unchanged', { slug });
}

export async function setPagesCommand(db: Db, say: Say, slug: string, o: Partial<Record<keyof typeof pagesOptions, string>>): Promise<string> {
  const parsed = v.safeParse(InstitutionPagesInputSchema, given(o));
  if (!parsed.success) throw refused(say, fieldIssues(parsed.issues));
  const id = await tenantId(db, say, slug);
  try {
    const { changed, answer } = await storeMailPages(db, whoIn(id), parsed.output);
    if (!changed) return say('cli.mailPages.unchanged', { slug });
    const pages = linkActions.flatMap((action) => (answer.pages[action] ? [{ action, page: answer.pages[action] }] : []));
    return say('cli.mailPages.set', { slug, pages, without: linkActions.filter((action) => !answer.pages[action]) });
  } catch (err) {
    if (err instanceof ProblemError && err.options.errors) throw refused(say, err.options.errors);
    throw err;
  }
}
