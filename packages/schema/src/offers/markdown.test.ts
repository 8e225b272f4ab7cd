import { describe, expect, it } from 'vitest';
import { renderOfferMarkdown } from './markdown.ts';

describe('renderOfferMarkdown', () => {
  it('renders paragraphs, bold, italic, lists and http(s) links', () => {
    expect(renderOfferMarkdown('Hello **you** and *them*.\n\n- one\n- two\n\n1. first\n2. second\n\nSee [site](https://acme.fr/jobs?a=1&b=2).')).toBe(
      '<p>Hello <strong>you</strong> and <em>them</em>.</p>\n<ul><li>one</li><li>two</li></ul>\n<ol><li>first</li><li>second</li></ol>\n<p>See <a href="https://acme.fr/jobs?a=1&amp;b=2" rel="noopener noreferrer nofollow">site</a>.</p>',
    );
  });

  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '[click](https://x.fr" onmouseover="alert(1))',
    '[x](https://a.fr/"><script>alert(1)</script>)',
    '**<b onclick=alert(1)>bold</b>**',
    '[x](data:text/html,<script>alert(1)</script>)',
    '<a href="javascript:alert(1)">x</a>',
  ];
  for (const attack of attacks) {
    it(`never lets markup through: ${attack}`, () => {
      const html = renderOfferMarkdown(attack);
      expect(html).not.toMatch(/<(script|img|b |a href="(?!https?:))/i);
      // Only our own attributes, quoted, inside tags.
      for (const attrs of html.match(/<a [^>]*>/g) ?? []) expect(attrs).toMatch(/^<a href="https?:\/\/[^"<>]*" rel="noopener noreferrer nofollow">$/);
      expect(html).not.toContain('javascript:alert(1)">');
      // Every tag produced is one of ours.
      for (const tag of html.match(/<\/?([a-z]+)/g) ?? []) expect(['<p', '</p', '<strong', '</strong', '<em', '</em', '<a', '</a', '<br', '<ul', '</ul', '<ol', '</ol', '<li', '</li']).toContain(tag);
    });
  }

  it('keeps a link only when it is http(s), with escaped attribute', () => {
    expect(renderOfferMarkdown('[x](https://x.fr" onmouseover="alert(1))')).not.toContain('<a');
    expect(renderOfferMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
  });
});
