// Incoming formatted_body is reduced to the Matrix spec's allow-list of tags and attributes
// (client-server API, "m.room.message msgtypes": HTML). DOMPurify does the parsing; this file
// only says what is allowed. Images are never fetched: they become their alt text.
import createDOMPurify, { type WindowLike } from 'dompurify';

export const ALLOWED_TAGS = [
  'font', 'del', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'p', 'a', 'ul', 'ol', 'sup', 'sub',
  'li', 'b', 'i', 'u', 'strong', 'em', 's', 'strike', 'code', 'hr', 'br', 'div', 'table', 'thead',
  'tbody', 'tr', 'th', 'td', 'caption', 'pre', 'span', 'details', 'summary'
];

const ALLOWED_ATTR = ['data-mx-bg-color', 'data-mx-color', 'color', 'data-mx-spoiler', 'href', 'start', 'class'];
const SAFE_LINK = /^(https?|ftp|mailto|magnet|matrix):/i;
const SAFE_COLOR = /^#[0-9a-f]{6}$/i;
/** The spec asks clients to limit nesting to 100 levels. */
export const MAX_DEPTH = 100;

function flattenBeyond(root: Element, maxDepth: number): void {
  const walk = (element: Element, depth: number) => {
    for (const child of Array.from(element.children)) {
      if (depth + 1 > maxDepth) child.replaceWith(child.ownerDocument.createTextNode(child.textContent ?? ''));
      else walk(child, depth + 1);
    }
  };
  walk(root, 0);
}

export type MatrixHtmlSanitizer = (html: string) => string;

// A pair, kept, or a lone surrogate, which becomes U+FFFD. String.prototype.toWellFormed does
// this only from Chrome 111 and Safari 16.4, later than the phones we support. Without the `u`
// flag the pattern sees UTF-16 code units, and it needs no look-behind.
const SURROGATE = /[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/**
 * HTML as well-formed Unicode: a lone surrogate cannot be sent (the server refuses such JSON) and
 * some HTML parsers throw on one (parse5 reads a lone low surrogate and the next as a pair).
 */
export function wellFormed(text: string): string {
  return text.replace(SURROGATE, (match) => (match.length === 2 ? match : '\ufffd'));
}

export function createMatrixSanitizer(window: WindowLike): MatrixHtmlSanitizer {
  const purify = createDOMPurify(window);
  purify.addHook('uponSanitizeElement', (node, data) => {
    // Images would load from wherever the sender points them: show the alt text instead.
    if (data.tagName === 'img' && node.parentNode) {
      const alt = (node as Element).getAttribute('alt') ?? '';
      node.parentNode.replaceChild(node.ownerDocument!.createTextNode(alt ? `[${alt}]` : ''), node);
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (!element.getAttribute) return;
    if (element.tagName === 'A') {
      const href = element.getAttribute('href');
      if (href && !SAFE_LINK.test(href)) element.removeAttribute('href');
      element.setAttribute('rel', 'noopener noreferrer nofollow');
      element.setAttribute('target', '_blank');
    }
    for (const name of ['data-mx-bg-color', 'data-mx-color', 'color']) {
      const value = element.getAttribute(name);
      if (value !== null && !SAFE_COLOR.test(value)) element.removeAttribute(name);
    }
    const className = element.getAttribute('class');
    if (className !== null && !(element.tagName === 'CODE' && /^language-[\w-]+$/.test(className))) {
      element.removeAttribute('class');
    }
  });
  return (html: string) => {
    const fragment = purify.sanitize(wellFormed(html), {
      ALLOWED_TAGS: [...ALLOWED_TAGS, 'img'],
      ALLOWED_ATTR: [...ALLOWED_ATTR, 'alt'],
      // Added to DOMPurify's own list: a reply's quoted fallback and embeds' fallbacks are dropped.
      ADD_FORBID_CONTENTS: ['mx-reply', 'object', 'iframe', 'noscript', 'template'],
      ALLOW_DATA_ATTR: false,
      RETURN_DOM_FRAGMENT: true
    }) as DocumentFragment | null;
    // DOMPurify returns no fragment at all for a document whose body is a <frameset>.
    if (!fragment) return '';
    const holder = fragment.ownerDocument.createElement('div');
    holder.appendChild(fragment);
    flattenBeyond(holder, MAX_DEPTH);
    return holder.innerHTML;
  };
}
