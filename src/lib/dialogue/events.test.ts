import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage, previewText, stripReplyFallback, type MessageView } from './events.ts';

const MSG = 'm.room.message';
const KINDS = ['text', 'file', 'redacted', 'undecryptable', 'unsupported', 'invalid'];

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
  it.each(['m.image', 'm.file', 'm.audio', 'm.video'])('shows %s as a file by name', (msgtype) => {
    expect(parseMessage(MSG, { msgtype, body: 'minutes.pdf', url: 'mxc://example.org/abc' })).toEqual({
      kind: 'file', msgtype, name: 'minutes.pdf', replyTo: null
    });
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
    expect(previewText({ kind: 'file', msgtype: 'm.file', name: 'notes.txt', replyTo: null })).toBe('notes.txt');
  });

  it('has no preview for other kinds', () => {
    expect(previewText({ kind: 'redacted' })).toBeNull();
    expect(previewText({ kind: 'undecryptable' })).toBeNull();
    expect(previewText({ kind: 'invalid' })).toBeNull();
    expect(previewText({ kind: 'unsupported', type: 'm.sticker' })).toBeNull();
  });
});

describe('parseMessage properties', () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true
  });
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
