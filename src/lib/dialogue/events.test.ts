import { anything } from '../testing/hostile-arbitraries.ts';
import { EXAMPLE_ENCRYPTED_FILE } from '../matrix/media.fixture.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseMessage,
  parseTranslation,
  parseTranslationService,
  previewText,
  stripReplyFallback,
  translationContent,
  translationServiceContent,
  TRANSLATION_RELATION,
  type MessageView
} from './events.ts';

const MSG = 'm.room.message';
const KINDS = ['text', 'file', 'redacted', 'decrypting', 'undecryptable', 'unsupported', 'invalid'];

describe('parseMessage: text messages', () => {
  it.each(['m.text', 'm.notice', 'm.emote'] as const)('accepts a plain %s', (msgtype) => {
    expect(parseMessage(MSG, { msgtype, body: 'Hello there' })).toEqual({
      kind: 'text', msgtype, body: 'Hello there', html: null, replyTo: null
    });
  });

  it('keeps formatted_body as html when format is org.matrix.custom.html', () => {
    expect(parseMessage(MSG, { msgtype: 'm.text', body: 'hi', format: 'org.matrix.custom.html', formatted_body: '<b>hi</b>' })).toEqual({
      kind: 'text', msgtype: 'm.text', body: 'hi', html: '<b>hi</b>', replyTo: null
    });
  });

  it('ignores formatted_body without the HTML format', () => {
    const view = parseMessage(MSG, { msgtype: 'm.text', body: 'hi', formatted_body: '<b>hi</b>' });
    expect(view).toMatchObject({ kind: 'text', html: null });
  });

  it.each([
    ['another format', { format: 'text/markdown', formatted_body: '**hi**' }],
    ['a format in other case', { format: 'ORG.MATRIX.CUSTOM.HTML', formatted_body: '<b>hi</b>' }],
    ['a non-string formatted_body', { format: 'org.matrix.custom.html', formatted_body: 42 }],
    ['an object formatted_body', { format: 'org.matrix.custom.html', formatted_body: { html: '<b>' } }],
    ['a non-string format', { format: ['org.matrix.custom.html'], formatted_body: '<b>hi</b>' }],
    ['a formatted_body over 65536 characters', { format: 'org.matrix.custom.html', formatted_body: 'x'.repeat(65_537) }]
  ])('drops the html for %s but keeps the text', (_label, extra) => {
    expect(parseMessage(MSG, { msgtype: 'm.text', body: 'hi', ...extra })).toEqual({
      kind: 'text', msgtype: 'm.text', body: 'hi', html: null, replyTo: null
    });
  });

  it('accepts a formatted_body of exactly 65536 characters', () => {
    const html = 'x'.repeat(65_536);
    expect(parseMessage(MSG, { msgtype: 'm.text', body: 'hi', format: 'org.matrix.custom.html', formatted_body: html })).toMatchObject({ html });
  });

  it('accepts an empty body', () => {
    expect(parseMessage(MSG, { msgtype: 'm.text', body: '' })).toMatchObject({ kind: 'text', body: '' });
  });

  it('ignores unknown extra fields', () => {
    expect(parseMessage(MSG, { msgtype: 'm.text', body: 'hi', 'com.example.extra': { deep: [1, 2] }, url: 7 })).toEqual({
      kind: 'text', msgtype: 'm.text', body: 'hi', html: null, replyTo: null
    });
  });
});

describe('parseMessage: replies', () => {
  const relatesTo = { 'm.in_reply_to': { event_id: '$original:example.org' } };

  it('extracts the reply target and strips the quoted fallback', () => {
    const body = '> <@alice:example.org> What time works?\n> For everyone?\n\nTuesday at ten.';
    expect(parseMessage(MSG, { msgtype: 'm.text', body, 'm.relates_to': relatesTo })).toEqual({
      kind: 'text', msgtype: 'm.text', body: 'Tuesday at ten.', html: null, replyTo: '$original:example.org'
    });
  });

  it('keeps a reply body without fallback as it is', () => {
    expect(parseMessage(MSG, { msgtype: 'm.text', body: 'Sure.', 'm.relates_to': relatesTo })).toMatchObject({
      body: 'Sure.', replyTo: '$original:example.org'
    });
  });

  it('does not strip quotes from messages that are not replies', () => {
    const body = '> a quotation\n\nmy comment';
    expect(parseMessage(MSG, { msgtype: 'm.text', body })).toMatchObject({ body, replyTo: null });
  });

  it('keeps the html of a reply (the sanitiser removes mx-reply)', () => {
    const html = '<mx-reply><blockquote>q</blockquote></mx-reply>answer';
    expect(parseMessage(MSG, {
      msgtype: 'm.notice', body: '> <@a:x> q\n\nanswer', format: 'org.matrix.custom.html', formatted_body: html, 'm.relates_to': relatesTo
    })).toEqual({ kind: 'text', msgtype: 'm.notice', body: 'answer', html, replyTo: '$original:example.org' });
  });

  it.each([
    ['a string', 'nope'],
    ['null', null],
    ['an array', [relatesTo]],
    ['an in_reply_to without event_id', { 'm.in_reply_to': {} }],
    ['a numeric event_id', { 'm.in_reply_to': { event_id: 12 } }],
    ['an in_reply_to that is a string', { 'm.in_reply_to': '$x' }],
    ['a thread relation without in_reply_to', { rel_type: 'm.thread', event_id: '$root' }]
  ])('has no reply target when m.relates_to is %s', (_label, value) => {
    const view = parseMessage(MSG, { msgtype: 'm.text', body: '> <@a:x> q\n\nanswer', 'm.relates_to': value });
    expect(view).toEqual({ kind: 'text', msgtype: 'm.text', body: '> <@a:x> q\n\nanswer', html: null, replyTo: null });
  });
});

describe('stripReplyFallback', () => {
  it('removes the leading quote lines and the blank line after them', () => {
    expect(stripReplyFallback('> <@a:x> one\n> two\n\nthree\nfour')).toBe('three\nfour');
  });

  it('removes lines that start with a bare > too once a fallback began', () => {
    expect(stripReplyFallback('> <@a:x> one\n>\n> two\n\nreply')).toBe('reply');
  });

  it('gives an empty string when there is only a fallback', () => {
    expect(stripReplyFallback('> <@a:x> one')).toBe('');
  });

  it('keeps bodies that do not start with a quote', () => {
    expect(stripReplyFallback('hello\n> not a fallback')).toBe('hello\n> not a fallback');
    expect(stripReplyFallback('>no space')).toBe('>no space');
    expect(stripReplyFallback('')).toBe('');
  });

  it('keeps a second blank line', () => {
    expect(stripReplyFallback('> q\n\n\nreply')).toBe('\nreply');
  });
});

describe('parseMessage: files', () => {
  it.each(['m.image', 'm.file', 'm.audio', 'm.video'])('shows %s as a file by name, not loadable when sent in clear', (msgtype) => {
    expect(parseMessage(MSG, { msgtype, body: 'minutes.pdf', url: 'mxc://example.org/abc' })).toEqual({
      kind: 'file', msgtype, name: 'minutes.pdf', replyTo: null, file: null, mimetype: null, size: null
    });
  });

  const encrypted = EXAMPLE_ENCRYPTED_FILE;

  it('keeps an encrypted file with its type and size', () => {
    expect(parseMessage(MSG, { msgtype: 'm.image', body: 'image.jpg', file: encrypted, info: { mimetype: 'image/jpeg', size: 2048, w: 10, h: 10 } })).toMatchObject({
      kind: 'file', file: encrypted, mimetype: 'image/jpeg', size: 2048
    });
  });

  it.each([
    ['a key of the wrong algorithm', { ...encrypted, key: { ...encrypted.key, alg: 'A128CBC' } }],
    ['a url that is not mxc', { ...encrypted, url: 'https://evil.example/x' }],
    ['no hash', { ...encrypted, hashes: {} }],
    ['a string', 'mxc://example.org/abc']
  ])('treats a file with %s as not loadable', (_, file) => {
    expect(parseMessage(MSG, { msgtype: 'm.file', body: 'x', file })).toMatchObject({ kind: 'file', file: null });
  });

  it.each([
    [{ mimetype: 'text/html"><script>', size: -1 }, null, null],
    [{ mimetype: 42, size: 1.5 }, null, null],
    [{ mimetype: 'application/pdf', size: 'big' }, 'application/pdf', null],
    ['not an object', null, null]
  ])('ignores info fields that are not what they should be: %j', (info, mimetype, size) => {
    expect(parseMessage(MSG, { msgtype: 'm.file', body: 'x', file: encrypted, info })).toMatchObject({ kind: 'file', file: encrypted, mimetype, size });
  });

  it('limits the file name to 256 characters', () => {
    const view = parseMessage(MSG, { msgtype: 'm.file', body: 'n'.repeat(1000) });
    expect(view.kind === 'file' && view.name).toBe('n'.repeat(256));
  });

  it('keeps the reply target of a file', () => {
    expect(parseMessage(MSG, { msgtype: 'm.image', body: 'a.png', 'm.relates_to': { 'm.in_reply_to': { event_id: '$e' } } })).toMatchObject({
      kind: 'file', replyTo: '$e'
    });
  });
});

describe('parseMessage: flags and other types', () => {
  it('reports redacted events whatever their content', () => {
    expect(parseMessage(MSG, {}, { redacted: true })).toEqual({ kind: 'redacted' });
    expect(parseMessage('m.room.encrypted', null, { redacted: true })).toEqual({ kind: 'redacted' });
  });

  it('reports undecryptable events', () => {
    expect(parseMessage('m.room.encrypted', { algorithm: 'm.megolm.v1.aes-sha2' }, { undecryptable: true })).toEqual({ kind: 'undecryptable' });
  });

  it('reports events still being decrypted as such, not as undecryptable', () => {
    expect(parseMessage('m.room.encrypted', { algorithm: 'm.megolm.v1.aes-sha2' }, { decrypting: true })).toEqual({ kind: 'decrypting' });
  });

  it('prefers redacted over undecryptable', () => {
    expect(parseMessage(MSG, {}, { redacted: true, undecryptable: true })).toEqual({ kind: 'redacted' });
  });

  it('treats false flags as absent', () => {
    expect(parseMessage(MSG, { msgtype: 'm.text', body: 'x' }, { redacted: false, undecryptable: false })).toMatchObject({ kind: 'text' });
  });

  it('reports other event types as unsupported, with the type shortened to 100 characters', () => {
    expect(parseMessage('m.sticker', { body: 'x' })).toEqual({ kind: 'unsupported', type: 'm.sticker' });
    expect(parseMessage('m.room.encrypted', {})).toEqual({ kind: 'unsupported', type: 'm.room.encrypted' });
    expect(parseMessage('t'.repeat(500), {})).toEqual({ kind: 'unsupported', type: 't'.repeat(100) });
  });

  it('reports unknown msgtypes as unsupported, with the msgtype shortened', () => {
    expect(parseMessage(MSG, { msgtype: 'm.location', body: 'here', geo_uri: 'geo:0,0' })).toEqual({ kind: 'unsupported', type: 'm.location' });
    expect(parseMessage(MSG, { msgtype: 'x'.repeat(300), body: '' })).toEqual({ kind: 'unsupported', type: 'x'.repeat(100) });
    expect(parseMessage(MSG, { msgtype: 'M.TEXT', body: 'hi' })).toEqual({ kind: 'unsupported', type: 'M.TEXT' });
  });
});

describe('parseMessage: invalid content', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'hello'],
    ['a boolean', true],
    ['an array', ['m.text', 'hello']],
    ['an empty array', []],
    ['an empty object', {}],
    ['a missing body', { msgtype: 'm.text' }],
    ['a missing msgtype', { body: 'hello' }],
    ['a numeric body', { msgtype: 'm.text', body: 42 }],
    ['a null body', { msgtype: 'm.text', body: null }],
    ['an object body', { msgtype: 'm.text', body: { text: 'hi' } }],
    ['an array body', { msgtype: 'm.text', body: ['hi'] }],
    ['a boolean body', { msgtype: 'm.text', body: false }],
    ['a numeric msgtype', { msgtype: 1, body: 'hi' }],
    ['a null msgtype', { msgtype: null, body: 'hi' }],
    ['an object msgtype', { msgtype: { type: 'm.text' }, body: 'hi' }],
    ['an array msgtype', { msgtype: ['m.text'], body: 'hi' }]
  ])('is invalid for %s', (_label, content) => {
    expect(parseMessage(MSG, content)).toEqual({ kind: 'invalid' });
  });

  it('rejects bodies longer than 65536 characters, for text and files', () => {
    expect(parseMessage(MSG, { msgtype: 'm.text', body: 'a'.repeat(65_537) })).toEqual({ kind: 'invalid' });
    expect(parseMessage(MSG, { msgtype: 'm.file', body: 'a'.repeat(65_537) })).toEqual({ kind: 'invalid' });
    expect(parseMessage(MSG, { msgtype: 'm.whatever', body: 'a'.repeat(100_000) })).toEqual({ kind: 'invalid' });
  });

  it('accepts a body of exactly 65536 characters', () => {
    const view = parseMessage(MSG, { msgtype: 'm.text', body: 'a'.repeat(65_536) });
    expect(view.kind === 'text' && view.body.length).toBe(65_536);
  });

  it('never lets a wrong type in the optional fields make the message invalid', () => {
    for (const wrong of [null, 0, true, [], {}, 'str']) {
      const view = parseMessage(MSG, { msgtype: 'm.text', body: 'b', format: wrong, formatted_body: wrong, 'm.relates_to': wrong });
      expect(view).toEqual({ kind: 'text', msgtype: 'm.text', body: 'b', html: null, replyTo: null });
    }
  });
});

describe('previewText', () => {
  it('collapses whitespace and shortens text bodies', () => {
    const view: MessageView = { kind: 'text', msgtype: 'm.text', body: '  one\n\ntwo\tthree  ', html: null, replyTo: null };
    expect(previewText(view)).toBe('one two three');
    expect(previewText({ ...view, body: 'x'.repeat(500) })).toHaveLength(120);
    expect(previewText({ ...view, body: 'abcdef' }, 3)).toBe('abc');
  });

  it('uses the file name for files', () => {
    expect(previewText({ kind: 'file', msgtype: 'm.file', name: 'notes.txt', replyTo: null, file: null, mimetype: null, size: null })).toBe('notes.txt');
  });

  // Found by events.property.test.ts: a file name with line breaks made a multi-line preview.
  it('keeps a file name on one line, like a text body', () => {
    const view = parseMessage(MSG, { msgtype: 'm.audio', body: ' a\nb\u2029c\r\nd ' });
    expect(previewText(view)).toBe('a b c d');
  });

  it('has no preview for other kinds', () => {
    expect(previewText({ kind: 'redacted' })).toBeNull();
    expect(previewText({ kind: 'undecryptable' })).toBeNull();
    expect(previewText({ kind: 'invalid' })).toBeNull();
    expect(previewText({ kind: 'unsupported', type: 'm.sticker' })).toBeNull();
  });
});

describe('parseMessage properties', () => {
  const type = fc.oneof(fc.constant(MSG), fc.constant('m.room.encrypted'), fc.string({ unit: 'binary' }));
  const flags = fc.record({ redacted: fc.boolean(), undecryptable: fc.boolean() }, { requiredKeys: [] });
  // Content that looks like a message, with any value in any of the known fields.
  const messageLike = fc.record(
    {
      msgtype: fc.oneof(fc.constantFrom('m.text', 'm.notice', 'm.emote', 'm.image', 'm.file', 'm.location'), anything),
      body: fc.oneof(fc.string(), anything),
      format: fc.oneof(fc.constant('org.matrix.custom.html'), anything),
      formatted_body: fc.oneof(fc.string(), anything),
      'm.relates_to': fc.oneof(fc.record({ 'm.in_reply_to': fc.oneof(fc.record({ event_id: fc.oneof(fc.string(), anything) }), anything) }), anything)
    },
    { requiredKeys: [] }
  );

  function checkView(view: MessageView): void {
    expect(KINDS).toContain(view.kind);
    if (view.kind === 'text') {
      expect(['m.text', 'm.notice', 'm.emote']).toContain(view.msgtype);
      expect(typeof view.body).toBe('string');
      expect(view.body.length).toBeLessThanOrEqual(65_536);
      expect(view.html === null || typeof view.html === 'string').toBe(true);
      expect(view.replyTo === null || typeof view.replyTo === 'string').toBe(true);
    }
    if (view.kind === 'file') expect(view.name.length).toBeLessThanOrEqual(256);
    if (view.kind === 'unsupported') expect(view.type.length).toBeLessThanOrEqual(100);
  }

  it('never throws and always returns a known kind, for any content and type', () => {
    fc.assert(
      fc.property(type, anything, flags, (t, content, f) => {
        checkView(parseMessage(t, content, f));
      }),
      { numRuns: 500 }
    );
  });

  it('never throws for message-shaped content with arbitrary field values', () => {
    fc.assert(
      fc.property(messageLike, (content) => {
        const view = parseMessage(MSG, content);
        checkView(view);
        const wellFormed = typeof content.msgtype === 'string' && typeof content.body === 'string' && content.body.length <= 65_536;
        expect(view.kind === 'invalid').toBe(!wellFormed);
      }),
      { numRuns: 500 }
    );
  });

  it('never throws from the translation parsers, for any content', () => {
    fc.assert(
      fc.property(anything, (content) => {
        const translation = parseTranslation(content);
        expect(translation === null || typeof translation.body === 'string').toBe(true);
        const service = parseTranslationService(content);
        expect(service === undefined || service === null || typeof service === 'string').toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  it('never throws from parseTranslation for translation-shaped content with arbitrary field values', () => {
    const translationLike = fc.record(
      {
        'm.relates_to': fc.oneof(
          fc.record({ rel_type: fc.oneof(fc.constant(TRANSLATION_RELATION), anything), event_id: fc.oneof(fc.string().map((s) => `$${s}`), anything) }, { requiredKeys: [] }),
          anything
        ),
        language: fc.oneof(fc.constantFrom('en', 'ru-RU', 'sr-Latn', 'EN', 'e'), fc.string(), anything),
        body: fc.oneof(fc.string(), anything)
      },
      { requiredKeys: [] }
    );
    fc.assert(
      fc.property(translationLike, (content) => {
        const translation = parseTranslation(content);
        if (translation) {
          expect(translation.eventId.startsWith('$')).toBe(true);
          expect(translation.body.trim()).toBe(translation.body);
          expect(translation.body.length).toBeGreaterThan(0);
          expect(translation.body.length).toBeLessThanOrEqual(65_536);
        }
      }),
      { numRuns: 500 }
    );
  });

  it('never throws from parseTranslationService for a url of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (url) => {
        const service = parseTranslationService({ url });
        expect(service === undefined || typeof service === 'string').toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  it('returns redacted or undecryptable for any content when flagged', () => {
    fc.assert(
      fc.property(type, anything, (t, content) => {
        expect(parseMessage(t, content, { redacted: true })).toEqual({ kind: 'redacted' });
        expect(parseMessage(t, content, { undecryptable: true })).toEqual({ kind: 'undecryptable' });
      }),
      { numRuns: 200 }
    );
  });
});

describe('parseTranslation and translationContent', () => {
  const valid = { 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: '$orig:example.org' }, language: 'ru', body: 'Привет всем' };

  it('uses the org.parley.translation relation', () => {
    expect(TRANSLATION_RELATION).toBe('org.parley.translation');
  });

  it('parses a valid translation', () => {
    expect(parseTranslation(valid)).toEqual({ eventId: '$orig:example.org', language: 'ru', body: 'Привет всем' });
  });

  it('builds content that parses back to the same translation (round trip)', () => {
    const translation = { eventId: '$abc', language: 'sr-Latn', body: 'Zdravo\nsvima' };
    const content = translationContent(translation);
    expect(content).toEqual({ 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: '$abc' }, language: 'sr-Latn', body: 'Zdravo\nsvima' });
    expect(parseTranslation(content)).toEqual(translation);
    expect(parseTranslation(JSON.parse(JSON.stringify(content)))).toEqual(translation);
  });

  it('trims the body, both when parsing and when building content', () => {
    expect(parseTranslation({ ...valid, body: '  hi\n ' })?.body).toBe('hi');
    expect(translationContent({ eventId: '$a', language: 'en', body: ' hi ' }).body).toBe('hi');
  });

  it('accepts language tags with subtags, and a body of exactly 65536 characters', () => {
    for (const language of ['en', 'fil', 'en-GB', 'zh-Hant-TW', 'sr-Latn', 'es-419', 'de-CH-1996']) {
      expect(parseTranslation({ ...valid, language })?.language).toBe(language);
    }
    expect(parseTranslation({ ...valid, body: 'a'.repeat(65_536) })?.body).toHaveLength(65_536);
  });

  it('ignores extra fields in the content and the relation', () => {
    const content = { ...valid, 'm.relates_to': { ...valid['m.relates_to'], key: 'x' }, extra: 1 };
    expect(parseTranslation(content)).toEqual({ eventId: '$orig:example.org', language: 'ru', body: 'Привет всем' });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'Привет'],
    ['a number', 1],
    ['an array', [valid]],
    ['an empty object', {}],
    ['a wrong rel_type', { ...valid, 'm.relates_to': { rel_type: 'm.annotation', event_id: '$orig' } }],
    ['a replacement rel_type', { ...valid, 'm.relates_to': { rel_type: 'm.replace', event_id: '$orig' } }],
    ['a missing rel_type', { ...valid, 'm.relates_to': { event_id: '$orig' } }],
    ['a missing m.relates_to', { language: 'ru', body: 'x' }],
    ['a string m.relates_to', { ...valid, 'm.relates_to': '$orig' }],
    ['an event id without $', { ...valid, 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: 'orig' } }],
    ['a room id as event id', { ...valid, 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: '!room:example.org' } }],
    ['a numeric event id', { ...valid, 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: 5 } }],
    ['an over-long event id', { ...valid, 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: `$${'e'.repeat(255)}` } }],
    ['an empty body', { ...valid, body: '' }],
    ['a whitespace body', { ...valid, body: ' \n\t ' }],
    ['a missing body', { 'm.relates_to': valid['m.relates_to'], language: 'ru' }],
    ['a numeric body', { ...valid, body: 5 }],
    ['an object body', { ...valid, body: { text: 'x' } }],
    ['an over-long body', { ...valid, body: 'a'.repeat(65_537) }],
    ['a missing language', { 'm.relates_to': valid['m.relates_to'], body: 'x' }],
    ['an empty language', { ...valid, language: '' }],
    ['a language name', { ...valid, language: 'Russian' }],
    ['an upper-case primary subtag', { ...valid, language: 'RU' }],
    ['an underscore tag', { ...valid, language: 'ru_RU' }],
    ['a one-letter language', { ...valid, language: 'r' }],
    ['a four-letter primary subtag', { ...valid, language: 'russ' }],
    ['a trailing hyphen', { ...valid, language: 'ru-' }],
    ['a subtag too long', { ...valid, language: 'de-abcdefghi' }],
    ['a tag over 35 characters', { ...valid, language: `en${'-abcdefgh'.repeat(4)}` }],
    ['a numeric language', { ...valid, language: 7 }]
  ])('rejects %s', (_label, content) => {
    expect(parseTranslation(content)).toBeNull();
  });

  it.each([
    ['a non-$ event id', { eventId: 'orig', language: 'en', body: 'x' }],
    ['a blank body', { eventId: '$orig', language: 'en', body: '   ' }],
    ['an over-long body', { eventId: '$orig', language: 'en', body: 'x'.repeat(65_537) }],
    ['a bad language tag', { eventId: '$orig', language: 'English', body: 'x' }]
  ])('refuses to build content with %s', (_label, translation) => {
    expect(() => translationContent(translation)).toThrow();
  });
});

describe('parseTranslationService and translationServiceContent', () => {
  it.each([
    'https://lt.example.org',
    'https://lt.example.org/',
    'https://lt.example.org:8443/libretranslate',
    'https://lt.example.org/api?key=abc'
  ])('accepts the HTTPS address %s', (url) => {
    expect(parseTranslationService({ url })).toBe(url);
  });

  it.each(['http://localhost', 'http://localhost:5000/', 'http://127.0.0.1:5000', 'http://127.0.0.1/lt', 'http://[::1]:5000'])(
    'accepts plain HTTP on this machine: %s',
    (url) => {
      expect(parseTranslationService({ url })).toBe(url);
    }
  );

  it('turns the service off with a null url', () => {
    expect(parseTranslationService({ url: null })).toBeNull();
  });

  it.each([
    ['plain HTTP to a remote host', { url: 'http://example.org' }],
    ['plain HTTP to a LAN address', { url: 'http://192.168.1.10:5000' }],
    ['plain HTTP to a host that starts with localhost', { url: 'http://localhost.example.org' }],
    ['plain HTTP to 127.0.0.2', { url: 'http://127.0.0.2' }],
    ['a javascript: URL', { url: 'javascript:alert(1)' }],
    ['a data: URL', { url: 'data:text/html,<script>1</script>' }],
    ['an ftp: URL', { url: 'ftp://example.org' }],
    ['a file: URL', { url: 'file:///etc/passwd' }],
    ['an over-long URL', { url: `https://example.org/${'a'.repeat(500)}` }],
    ['a numeric url', { url: 42 }],
    ['an object url', { url: { href: 'https://x.example.org' } }],
    ['a missing url', {}],
    ['null', null],
    ['a string', 'https://lt.example.org'],
    ['an array', [{ url: 'https://lt.example.org' }]]
  ])('is undefined for %s', (_label, content) => {
    expect(parseTranslationService(content)).toBeUndefined();
  });

  it('returns the address without surrounding spaces', () => {
    expect(parseTranslationService({ url: ' https://a.example.org ' })).toBe('https://a.example.org');
  });

  it('accepts a URL of exactly 500 characters', () => {
    const url = `https://example.org/${'a'.repeat(500 - 'https://example.org/'.length)}`;
    expect(url).toHaveLength(500);
    expect(parseTranslationService({ url })).toBe(url);
    expect(parseTranslationService({ url: `${url}a` })).toBeUndefined();
  });

  it.each([
    ['an empty string', ''],
    ['garbage', 'not a url'],
    ['a scheme without host', 'https://']
  ])('is undefined for a url that is %s', (_label, url) => {
    expect(parseTranslationService({ url })).toBeUndefined();
  });

  it('builds content that parses back (round trip)', () => {
    for (const url of ['https://lt.example.org/api', 'http://127.0.0.1:5000', null]) {
      const content = translationServiceContent(url);
      expect(content).toEqual({ url });
      expect(parseTranslationService(content)).toBe(url);
    }
  });

  it('trims the url and turns an empty one into null', () => {
    expect(translationServiceContent('  https://lt.example.org  ')).toEqual({ url: 'https://lt.example.org' });
    expect(translationServiceContent('')).toEqual({ url: null });
    expect(translationServiceContent(' \n ')).toEqual({ url: null });
  });

  it.each([
    ['plain HTTP to a remote host', 'http://example.org'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an over-long URL', `https://example.org/${'a'.repeat(500)}`],
    ['garbage', 'not a url']
  ])('refuses to build content for %s', (_label, url) => {
    expect(() => translationServiceContent(url)).toThrow();
  });
});
