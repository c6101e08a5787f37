// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeText } from './markdown.ts';
import { ALLOWED_TAGS, createMatrixSanitizer, type MatrixHtmlSanitizer } from './sanitize.ts';

let sanitize: MatrixHtmlSanitizer;

beforeAll(() => {
  sanitize = createMatrixSanitizer(window);
});

function elementsOf(html: string): Element[] {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return Array.from(holder.querySelectorAll('*'));
}

function textOf(html: string): string {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder.textContent ?? '';
}

describe('composeText: plain text', () => {
  it.each([
    'hello',
    'Shall we meet on Tuesday?',
    "it's fine, isn't it",
    'she said "yes" and "no"',
    `mixed 'single' and "double" quotes`,
    'a & b < c > d',
    '2 * 3 * 4',
    'snake_case_name',
    'line one\nline two',
    'Привет, ce mai faci? Bună ziua',
    '🙂 emoji 🕊️'
  ])('sends %j without formatted_body', (text) => {
    const out = composeText(text, sanitize);
    expect(out).toEqual({ msgtype: 'm.text', body: text });
    expect(out).not.toHaveProperty('format');
    expect(out).not.toHaveProperty('formatted_body');
  });

  it('trims surrounding whitespace from the body', () => {
    expect(composeText('  \n hello there \n ', sanitize)).toEqual({ msgtype: 'm.text', body: 'hello there' });
  });
});

describe('composeText: Markdown', () => {
  it.each([
    ['**bold**', 'strong', 'bold'],
    ['__bold__', 'strong', 'bold'],
    ['*italic*', 'em', 'italic'],
    ['_italic_', 'em', 'italic'],
    ['`code`', 'code', 'code'],
    ['~~gone~~', 'del', 'gone']
  ])('%s becomes <%s>', (text, tag, inner) => {
    const out = composeText(text, sanitize);
    expect(out.body).toBe(text);
    expect(out.format).toBe('org.matrix.custom.html');
    expect(out.formatted_body).toBe(`<${tag}>${inner}</${tag}>`);
  });

  it('unwraps a single paragraph but keeps the surrounding text', () => {
    const out = composeText('this is **very** important', sanitize);
    expect(out.formatted_body).toBe('this is <strong>very</strong> important');
  });

  it('keeps line breaks inside formatted text', () => {
    const out = composeText('**a**\nb', sanitize);
    expect(out.formatted_body).toBe('<strong>a</strong><br>b');
  });

  it('renders lists, quotes and code blocks', () => {
    expect(elementsOf(composeText('- one\n- two', sanitize).formatted_body ?? '').map((e) => e.tagName)).toEqual(['UL', 'LI', 'LI']);
    expect(elementsOf(composeText('> quoted', sanitize).formatted_body ?? '')[0]?.tagName).toBe('BLOCKQUOTE');
    const code = composeText('```\nlet x = <b>1</b>;\n```', sanitize).formatted_body ?? '';
    expect(elementsOf(code).map((e) => e.tagName)).toEqual(['PRE', 'CODE']);
    expect(textOf(code)).toBe('let x = <b>1</b>;\n');
  });

  it('renders links safely and drops javascript: targets', () => {
    const [link] = elementsOf(composeText('[site](https://example.org)', sanitize).formatted_body ?? '');
    expect(link.getAttribute('href')).toBe('https://example.org');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    const [bad] = elementsOf(composeText('[click](javascript:alert(1))', sanitize).formatted_body ?? '');
    expect(bad.tagName).toBe('A');
    expect(bad.hasAttribute('href')).toBe(false);
  });

  it('turns Markdown images into their text, never an img element', () => {
    const out = composeText('![a cat](https://tracker.example/cat.png)', sanitize);
    expect(elementsOf(out.formatted_body ?? '')).toHaveLength(0);
    expect(out.formatted_body ?? '').not.toContain('tracker.example');
    expect(textOf(out.formatted_body ?? '')).toBe('a cat');
  });
});

describe('composeText: typed HTML is text', () => {
  it('sends <b>x</b> as plain text', () => {
    const out = composeText('<b>x</b>', sanitize);
    expect(out.body).toBe('<b>x</b>');
    expect(elementsOf(out.formatted_body ?? '')).toHaveLength(0);
    expect(out.formatted_body).toBeUndefined();
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '<div onclick="x()">hi</div>',
    '<!-- hidden -->'
  ])('never produces an element from %s', (text) => {
    const out = composeText(text, sanitize);
    expect(out.body).toBe(text);
    const html = out.formatted_body ?? '';
    expect(elementsOf(html)).toHaveLength(0);
    if (out.formatted_body !== undefined) expect(textOf(html)).toBe(text);
  });

  it('escapes HTML mixed with Markdown', () => {
    const out = composeText('**bold** and <i>x</i> <script>y</script>', sanitize);
    expect(elementsOf(out.formatted_body ?? '').map((e) => e.tagName)).toEqual(['STRONG']);
    expect(textOf(out.formatted_body ?? '')).toBe('bold and <i>x</i> <script>y</script>');
  });
});

describe('composeText properties', () => {
  it('sends text without Markdown characters as plain text', () => {
    // (Empty input is never sent: the composer refuses it before composeText is called.)
    const plain = fc.stringMatching(/^[A-Za-z0-9ăîșțâАБВабв ,?!'"(]{1,60}$/).filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(plain, (text) => {
        const out = composeText(text, sanitize);
        expect(out).toEqual({ msgtype: 'm.text', body: text.trim() });
      }),
      { numRuns: 200 }
    );
  });

  it('only ever produces allowed, already sanitised HTML', () => {
    const pieces = fc.constantFrom('**', '*', '_', '`', '<b>', '</b>', '<script>', '<img src=x>', '[a](javascript:x)', '> ', '- ', '\n', ' ', 'word', '"', "'", '&');
    const input = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')));
    fc.assert(
      fc.property(input, (text) => {
        const out = composeText(text, sanitize);
        expect(out.msgtype).toBe('m.text');
        expect(out.body).toBe(text.trim());
        expect(out.format === undefined).toBe(out.formatted_body === undefined);
        if (out.formatted_body === undefined) return;
        expect(out.format).toBe('org.matrix.custom.html');
        for (const element of elementsOf(out.formatted_body)) {
          expect(ALLOWED_TAGS).toContain(element.tagName.toLowerCase());
          expect(element.tagName).not.toBe('SCRIPT');
        }
        expect(out.formatted_body).not.toMatch(/<script|<img/i);
      }),
      { numRuns: 200 }
    );
  });
});
