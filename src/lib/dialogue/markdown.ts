// What a person types is sent as plain text, plus formatted_body when light Markdown
// (emphasis, code, lists, quotes, links) changes it. HTML typed by the person is text.
import { Marked } from 'marked';
import type { MatrixHtmlSanitizer } from './sanitize.ts';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text)
  }
});

export interface OutgoingText {
  msgtype: 'm.text';
  body: string;
  format?: 'org.matrix.custom.html';
  formatted_body?: string;
}

export function composeText(text: string, sanitize: MatrixHtmlSanitizer): OutgoingText {
  const body = text.trim();
  if (!body) return { msgtype: 'm.text', body };
  const html = sanitize((marked.parse(body, { async: false }) as string).trim());
  // Serialised by the same sanitiser, so entity spelling cannot make plain text look formatted.
  const asPlainText = sanitize(`<p>${escapeHtml(body).replace(/\n/g, '<br>')}</p>`);
  if (html === asPlainText) return { msgtype: 'm.text', body };
  const single = /^<p>((?:(?!<p>)[\s\S])*)<\/p>$/.exec(html);
  return { msgtype: 'm.text', body, format: 'org.matrix.custom.html', formatted_body: single ? single[1] : html };
}
