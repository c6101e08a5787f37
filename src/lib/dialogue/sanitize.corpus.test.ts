// @vitest-environment jsdom
// @vitest-environment-options {"runScripts":"dangerously"}
//
// Runs the hostile-input corpus (tests/hostile/xss-corpus.ts) through the formatted_body
// sanitiser. Each payload is checked twice: statically (what survives is within the Matrix
// allow-list, carries no handlers, styles or script URLs, and sanitising again changes nothing,
// which is how mutation XSS shows) and dynamically (the output is inserted into a live jsdom
// document that runs scripts, every element gets the events a user or the browser would fire,
// and the `window.__tripwire` recorder must stay silent). Positive controls show the dynamic
// check does fire for unsanitised markup, so a silent tripwire means something.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LAYOUT_BREAKERS, XSS_PAYLOADS } from '../../../tests/hostile/xss-corpus.ts';
import { ALLOWED_TAGS, createMatrixSanitizer, type MatrixHtmlSanitizer } from './sanitize.ts';

type TripwireWindow = Window & typeof globalThis & { __tripwire?: (id: string) => void };

/** Attributes the Matrix spec allows, plus rel and target, which the sanitiser sets on links. */
const ALLOWED_ATTRIBUTES = new Set([
  'data-mx-bg-color', 'data-mx-color', 'color', 'data-mx-spoiler', 'href', 'start', 'class', 'rel', 'target'
]);
const FORBIDDEN_TAGS = ['script', 'iframe', 'object', 'embed', 'base', 'meta', 'form', 'svg', 'math', 'style'];
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'dynsrc', 'lowsrc'];
const DANGEROUS_SCHEME = /^(javascript|vbscript|data):/;
/** Spaces and controls browsers skip or strip inside a URL scheme, plus other invisible characters. */
const URL_NOISE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;
const EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mouseover', 'mouseenter', 'mousemove',
  'pointerover', 'pointerdown', 'focus', 'focusin', 'blur', 'toggle', 'beforetoggle', 'error', 'load', 'input',
  'change', 'submit', 'keydown', 'animationstart', 'animationend', 'transitionend', 'dragstart', 'scroll', 'begin'
];

let win: TripwireWindow;
let sanitize: MatrixHtmlSanitizer;
let tripped: string[];
let scriptErrors: string[];
let host: HTMLElement;

beforeAll(() => {
  // The jsdom window itself, whose script context runs inline handlers. Vitest's `window` and
  // `document.defaultView` are Node's global, where a tripwire would never be seen.
  win = (globalThis as unknown as { jsdom: { window: TripwireWindow } }).jsdom.window;
  expect(win).not.toBe(globalThis);
  sanitize = createMatrixSanitizer(win);
  // Exceptions thrown by script in the page arrive as ErrorEvents on the window.
  win.addEventListener('error', (event) => {
    if (!(event instanceof win.ErrorEvent)) return;
    scriptErrors.push(event.message);
    event.preventDefault();
  });
});

beforeEach(() => {
  tripped = [];
  scriptErrors = [];
  win.__tripwire = (id: string) => {
    tripped.push(String(id));
  };
  host = win.document.createElement('div');
  win.document.body.appendChild(host);
});

afterEach(() => {
  host.remove();
  win.document.body.replaceChildren();
});

/** Decodes HTML entities until nothing changes, the way a double-decoding view would. */
function decodeEntities(value: string): string {
  const textarea = win.document.createElement('textarea');
  let current = value;
  for (let round = 0; round < 5; round += 1) {
    textarea.innerHTML = current;
    const next = textarea.value;
    if (next === current) break;
    current = next;
  }
  return current;
}

function normalisedUrl(value: string): string {
  let url = decodeEntities(value.trim()).replace(URL_NOISE, '').toLowerCase();
  try {
    url = decodeURIComponent(url).replace(URL_NOISE, '');
  } catch {
    // Not valid percent-encoding: keep it as it is.
  }
  return url;
}

function parse(html: string): HTMLElement {
  const holder = win.document.createElement('div');
  holder.innerHTML = html;
  return holder;
}

/** Every violation of the output rules, as readable strings (empty when the output is safe). */
function violations(html: string): string[] {
  const found: string[] = [];
  for (const element of Array.from(parse(html).querySelectorAll('*'))) {
    const tag = element.localName;
    if (!ALLOWED_TAGS.includes(tag)) found.push(`element <${tag}> outside the allow-list`);
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`forbidden element <${tag}>`);
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`<${tag}> in namespace ${element.namespaceURI}`);
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push(`event handler ${name} on <${tag}>`);
      if (lower === 'style') found.push(`style on <${tag}>`);
      if (lower === 'srcdoc') found.push(`srcdoc on <${tag}>`);
      if (!ALLOWED_ATTRIBUTES.has(lower)) found.push(`attribute ${name} outside the allow-list on <${tag}>`);
      if (URL_ATTRIBUTES.includes(lower) && DANGEROUS_SCHEME.test(normalisedUrl(value))) {
        found.push(`${name}="${value}" on <${tag}>`);
      }
    }
  }
  return found;
}

/** Events that do not bubble in browsers; in particular, synthetic error events must not reach the window. */
const NON_BUBBLING = new Set(['focus', 'blur', 'toggle', 'beforetoggle', 'error', 'load', 'scroll', 'mouseenter', 'begin']);

function fire(element: Element, type: string): void {
  const init = { bubbles: !NON_BUBBLING.has(type), cancelable: true };
  const event = ['click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mouseover', 'mouseenter', 'mousemove'].includes(type)
    ? new win.MouseEvent(type, init)
    : type.startsWith('focus') || type === 'blur'
      ? new win.FocusEvent(type, init)
      : new win.Event(type, init);
  element.dispatchEvent(event);
}

/**
 * Inserts markup the way a view would (innerHTML), fires every event on every element, then
 * lets queued tasks (javascript: navigations, timers) run. Scripts inserted by innerHTML never
 * run, so each one is also re-created the way jQuery-style `.html()` helpers do, which does run.
 */
async function renderAndPoke(html: string): Promise<void> {
  const { document } = win;
  host.innerHTML = html;
  for (const old of Array.from(host.querySelectorAll('script'))) {
    const fresh = document.createElement('script');
    for (const { name, value } of Array.from(old.attributes)) fresh.setAttribute(name, value);
    fresh.textContent = old.textContent;
    old.replaceWith(fresh);
  }
  // jsdom never follows target=_blank links, so the target is dropped to let a surviving
  // javascript: href navigate (and run) on click. Navigations jsdom cannot do are cancelled.
  host.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a, area') as HTMLAnchorElement | null;
    if (link && link.protocol !== 'javascript:') event.preventDefault();
  });
  for (const element of Array.from(host.querySelectorAll('*'))) {
    element.removeAttribute('target');
    for (const type of EVENTS) fire(element, type);
    if (element instanceof win.HTMLElement) element.focus();
  }
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => win.setTimeout(resolve, 0));
}

describe('hostile corpus', () => {
  it('has at least 120 payloads and 12 layout breakers with unique ids', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(120);
    expect(new Set(XSS_PAYLOADS.map(({ id }) => id)).size).toBe(XSS_PAYLOADS.length);
    expect(LAYOUT_BREAKERS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(LAYOUT_BREAKERS.map(({ id }) => id)).size).toBe(LAYOUT_BREAKERS.length);
  });
});

describe('positive controls: the dynamic check can fail', () => {
  it('an unsanitised img onerror inserted the same way calls the tripwire', async () => {
    const html = `<img src=x onerror="__tripwire('control')">`;
    expect(violations(html)).not.toEqual([]);
    await renderAndPoke(html);
    expect(tripped).toContain('control');
  });

  it('an unsanitised javascript: link, clicked, calls the tripwire', async () => {
    await renderAndPoke(`<a href="javascript:__tripwire('control-href')">x</a>`);
    expect(tripped).toContain('control-href');
  });

  it('an unsanitised script element, re-created after insertion, calls the tripwire', async () => {
    await renderAndPoke(`<script>__tripwire('control-script')</script>`);
    expect(tripped).toContain('control-script');
  });

  it('the static check flags handlers, styles and disguised script URLs', () => {
    for (const html of [
      '<b onclick="x()">b</b>', '<p style="color:red">p</p>', '<a href="jav&amp;#x09;ascript:x()">a</a>',
      '<a href=" &#x0A;JaVaScRiPt:x()">a</a>', '<a href="%64ata:text/html,x">a</a>', '<a href="VBScript:x">a</a>',
      '<svg></svg>', '<img src="x">', '<div id="clobber">d</div>'
    ]) {
      expect(violations(html), html).not.toEqual([]);
    }
    expect(violations('<a href="https://example.org" rel="noopener" target="_blank">a</a><code class="language-js">c</code>')).toEqual([]);
  });

  it('the same three, sanitised, stay silent', async () => {
    await renderAndPoke(sanitize(
      `<img src=x onerror="__tripwire('control')"><a href="javascript:__tripwire('control-href')">x</a><script>__tripwire('control-script')</script>`
    ));
    expect(tripped).toEqual([]);
  });
});

describe('sanitised XSS corpus', () => {
  it.each(XSS_PAYLOADS)('$id', async ({ id, payload }) => {
    const out = sanitize(payload);
    expect(violations(out), `${id}: ${out}`).toEqual([]);
    expect(sanitize(out), `${id}: not idempotent`).toBe(out);
    await renderAndPoke(out);
    expect(tripped, `${id}: ${out}`).toEqual([]);
    expect(scriptErrors, `${id}: script ran and threw`).toEqual([]);
  });
});

describe('sanitised layout breakers', () => {
  it.each(LAYOUT_BREAKERS)('$id', async ({ text }) => {
    const out = sanitize(text);
    expect(parse(out).querySelectorAll('*')).toHaveLength(0);
    expect(sanitize(out)).toBe(out);
    await renderAndPoke(out);
    expect(tripped).toEqual([]);
  });
});
