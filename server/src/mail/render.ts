/**
 * A queued message put in words: the recipient's language from the mail
 * catalogue, a text part and an HTML part (every value escaped), the
 * institution's name and colours from its settings, the footer saying why
 * the person receives it, and `List-Unsubscribe` on optional messages.
 */
import * as v from 'valibot';
import { DEFAULT_MAIL_COLOURS, MailBrandingSchema, type LinkAction, type MailKind, type MailParams } from '@passerelle/schema';
import { mailCatalogues, mailWords, type MailWords } from '@passerelle/schema/messages/mail';
import type { Mail } from '../auth/mailer.ts';
import type { MailRow } from './queries/outbox.ts';

export interface Institution {
  name: string;
  settings: Record<string, unknown>;
}

export interface Branding {
  name: string;
  primaryColor: string;
  textColor: string;
  backgroundColor: string;
}

/**
 * What messages show (`settings.branding`, set with `PUT /v1/mail/branding`):
 * the name it gives, else the institution's; its colours, each checked as
 * #rrggbb. A stored value that does not pass falls back to the defaults.
 */
export function brandingOf(institution: Institution): Branding {
  const parsed = v.safeParse(MailBrandingSchema, institution.settings.branding ?? {});
  const set = parsed.success ? parsed.output : {};
  return { ...DEFAULT_MAIL_COLOURS, ...set, name: set.name ?? institution.name };
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML: every character that could open markup or an attribute escaped. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!);
/** A link only when it is http(s); anything else is shown as text. */
const safeUrl = (url: string): string | null => (/^https?:\/\//i.test(url) ? url : null);

export interface Rendered extends Mail {
  html: string;
  headers: Record<string, string>;
}

/**
 * Builds the message of an outbox row; `unsubscribe` is the link of an
 * optional message (null for transactional ones), `link` the one that signs
 * the person in where they act (`links.ts`), when there is one.
 */
export function renderMail(
  row: Pick<MailRow, 'address' | 'language' | 'kind' | 'params'>,
  institution: Institution,
  unsubscribe: { url: string; oneClick: boolean } | null,
  name: string | null = null,
  link: { action: LinkAction; url: string; days: number } | null = null,
): Rendered {
  const language = row.language;
  const words: MailWords = mailWords(language, row.kind, row.params as unknown as MailParams[MailKind]);
  const chrome = mailCatalogues[language].chrome;
  const c = brandingOf(institution);
  const subject = `${c.name} — ${words.subject}`;
  // The link's own words when the message has them (what this link does), else the chrome's for where it goes.
  const linkLabel = link ? (words.link?.label ?? chrome.link[link.action]) : null;
  const beforeLink = link ? words.link?.says : words.link?.otherwise;

  const text = [
    chrome.greeting(name),
    '',
    ...words.paragraphs.flatMap((p) => [p, '']),
    ...(words.list ? [...words.list.map((item) => `- ${item}`), ''] : []),
    ...(words.action ? [`${words.action.label}: ${words.action.url}`, ''] : []),
    ...(beforeLink ? [beforeLink, ''] : []),
    ...(link ? [`${linkLabel}: ${link.url}`, chrome.linkNote(link.days), ''] : []),
    '--',
    words.why,
    ...(unsubscribe ? [chrome.unsubscribe(unsubscribe.url)] : []),
    chrome.sentBy(c.name),
  ].join('\n');

  const e = escapeHtml;
  const action = words.action && safeUrl(words.action.url);
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:${c.backgroundColor};color:${c.textColor};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:${c.primaryColor};color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold">${e(c.name)}</div>
<div style="padding:24px">
<p>${e(chrome.greeting(name))}</p>
${words.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
${words.list ? `<ul>${words.list.map((item) => `<li>${e(item)}</li>`).join('')}</ul>` : ''}
${words.action ? (action ? `<p><a href="${e(action)}" style="display:inline-block;background:${c.primaryColor};color:#ffffff;padding:10px 18px;text-decoration:none;border-radius:4px">${e(words.action.label)}</a></p>` : `<p>${e(words.action.label)}: ${e(words.action.url)}</p>`) : ''}
${beforeLink ? `<p>${e(beforeLink)}</p>` : ''}
${link ? `<p><a href="${e(link.url)}" style="display:inline-block;background:${c.primaryColor};color:#ffffff;padding:10px 18px;text-decoration:none;border-radius:4px">${e(linkLabel ?? '')}</a></p>
<p style="font-size:13px;color:#555555">${e(chrome.linkNote(link.days))}</p>` : ''}
</div>
<div style="padding:16px 24px;border-top:1px solid #dddddd;font-size:13px;color:#555555">
<p>${e(words.why)}</p>
${unsubscribe ? `<p><a href="${e(unsubscribe.url)}" style="color:${c.primaryColor}">${e(chrome.unsubscribeLabel)}</a></p>` : ''}
<p>${e(chrome.sentBy(c.name))}</p>
</div>
</div>
</body></html>`;

  const headers: Record<string, string> = {};
  if (unsubscribe) {
    headers['List-Unsubscribe'] = `<${unsubscribe.url}>`;
    if (unsubscribe.oneClick) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { to: row.address ?? '', subject, text, html, headers };
}
