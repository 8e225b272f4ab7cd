/**
 * What messages read from the institution's settings: its branding
 * (`settings.branding`: the name at the top of each message and its colours)
 * and its pages (`settings.pages`: where the links that sign people in land,
 * one `https://` page of its site with the portal on it per place a person
 * acts). Administrators set them with `PUT /v1/mail/branding` and
 * `PUT /v1/mail/pages`, operators with `pnpm passerelle institution
 * set-branding` and `set-pages`; both go through these schemas.
 */
import * as v from 'valibot';

/** The colours of a message when the institution set none. */
export const DEFAULT_MAIL_COLOURS = { primaryColor: '#1f3a93', textColor: '#1a1a1a', backgroundColor: '#f5f5f5' } as const;

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text on a message's white card, and white text on the primary colour (header, buttons), must read: WCAG AA, 4.5:1. */
export const MIN_CONTRAST = 4.5;

const HEX = /^#[0-9a-fA-F]{6}$/;
const colour = v.pipe(v.string('mail.branding.colour'), v.regex(HEX, 'mail.branding.colour'));
/** A colour white text sits on, or that sits on white: readable at 4.5:1 at least. */
const readableOnWhite = v.pipe(
  colour,
  // A malformed colour is said once, by the format.
  v.check((c) => !HEX.test(c) || contrastRatio(c, '#ffffff') >= MIN_CONTRAST, 'mail.branding.contrast'),
);

/** The institution's branding as an administrator sets it: each part optional (a default then), checked for contrast. */
export const MailBrandingInputSchema = v.strictObject({
  /** The name at the top of messages and in their subject; the institution's registered name without it. */
  name: v.optional(v.pipe(v.string('mail.branding.name'), v.trim(), v.minLength(1, 'mail.branding.name'), v.maxLength(120, 'mail.branding.name'), v.regex(/^[^\p{Cc}]*$/u, 'mail.branding.name'))),
  /** The header and the buttons, white text on it. */
  primaryColor: v.optional(readableOnWhite),
  /** The text, on the message's white card. */
  textColor: v.optional(readableOnWhite),
  /** Around the card. */
  backgroundColor: v.optional(colour),
});
export type MailBrandingInput = v.InferOutput<typeof MailBrandingInputSchema>;

/**
 * The branding as messages read it from the settings: six-digit hex only, so
 * nothing else reaches a style; a stored value that does not pass falls back
 * to the defaults (`brandingOf` on the server).
 */
export const MailBrandingSchema = v.object({
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120), v.regex(/^[^\p{Cc}]*$/u))),
  primaryColor: v.optional(colour),
  textColor: v.optional(colour),
  backgroundColor: v.optional(colour),
});
export type MailBranding = v.InferOutput<typeof MailBrandingSchema>;

/** A page of the institution's site: https, without credentials. */
const HttpsPageSchema = v.pipe(
  v.string('mail.pages.https'),
  v.trim(),
  v.maxLength(2000, 'mail.pages.https'),
  v.check((page) => {
    try {
      const u = new URL(page);
      return u.protocol === 'https:' && u.username === '' && u.password === '' && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'mail.pages.https'),
);

const pageFields = {
  profile: v.optional(HttpsPageSchema),
  consents: v.optional(HttpsPageSchema),
  offers: v.optional(HttpsPageSchema),
  pledges: v.optional(HttpsPageSchema),
  company: v.optional(HttpsPageSchema),
};

/** The pages as an administrator sets them (`PUT /v1/mail/pages`): a place left out has no link. */
export const InstitutionPagesInputSchema = v.strictObject(pageFields);

/** The pages as messages read them from the settings. */
export const InstitutionPagesSchema = v.object(pageFields);
export type InstitutionPages = v.InferOutput<typeof InstitutionPagesSchema>;
