// The description as it will read, drawn under its field once it has text:
// the shared safe Markdown subset (the source escaped first, http(s) links
// only). Fetched the first time the form has a description to show, so the
// file a page loads first holds neither the Markdown renderer nor unsafeHTML.
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { renderOfferMarkdown } from '@passerelle/schema';

/** The preview section, headed `title`. */
export const descriptionPreview = (title: string, description: string): TemplateResult =>
  html`<section aria-labelledby="preview-title"><h3 id="preview-title">${title}</h3>
    <div part="preview" class="preview" data-preview>${unsafeHTML(renderOfferMarkdown(description))}</div></section>`;
