/**
 * The small, safe subset of Markdown an offer's description may use:
 * paragraphs, `- ` / `* ` / `1. ` lists, `**bold**`, `*italic*` and
 * `[links](https://…)` to http(s) addresses only. Everything is HTML-escaped
 * first and only these patterns are turned back into tags, so no input can
 * inject markup, attributes or `javascript:` links. The source is what the
 * API stores; this rendering is for display.
 */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five characters that matter in HTML text and attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => escapes[ch]!);
}

// Applied to already-escaped text: a URL can hold no quote or angle bracket.
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s()]+)\)/g;
const BOLD = /\*\*(?=\S)(.+?)\*\*/g;
const ITALIC = /\*(?=\S)([^*]+?)\*/g;

function inline(escaped: string): string {
  return escaped
    .replace(LINK, (_m, label: string, href: string) => `<a href="${href}" rel="noopener noreferrer nofollow">${label}</a>`)
    .replace(BOLD, '<strong>$1</strong>')
    .replace(ITALIC, '<em>$1</em>');
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Renders the safe Markdown subset to HTML. */
export function renderOfferMarkdown(source: string): string {
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const html: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const bullet = lines.every((l) => BULLET.test(l));
    const numbered = !bullet && lines.every((l) => NUMBERED.test(l));
    if (bullet || numbered) {
      const re = bullet ? BULLET : NUMBERED;
      const tag = bullet ? 'ul' : 'ol';
      const items = lines.map((l) => `<li>${inline(escapeHtml(l.match(re)![1]!.trim()))}</li>`);
      html.push(`<${tag}>${items.join('')}</${tag}>`);
    } else {
      html.push(`<p>${lines.map((l) => inline(escapeHtml(l.trim()))).join('<br>')}</p>`);
    }
  }
  return html.join('\n');
}
