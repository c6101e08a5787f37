import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MatrixEvent, type Room } from 'matrix-js-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DialogueEvent, TRANSLATION_RELATION } from './events.ts';
import {
  onDeviceTranslator,
  translateRemotely,
  translationFor,
  translationServiceIn,
  translationsIn,
  TranslationServiceError,
  type Translation,
  type TranslatorApi
} from './translations.ts';

const ROOM = '!plenary:example.org';
const FAC = '@fac:example.org';
const FAC2 = '@cofac:example.org';
const ANA = '@ana:example.org';
const BEN = '@ben:example.org';

let counter = 0;
function event(type: string, content: unknown, sender = ANA, extra: Record<string, unknown> = {}): MatrixEvent {
  counter += 1;
  return new MatrixEvent({
    type,
    content: content as Record<string, unknown>,
    sender,
    event_id: `$ev${counter}`,
    origin_server_ts: 1_700_000_000_000 + counter,
    room_id: ROOM,
    ...extra
  });
}

const translationOf = (target: string, language: string, body: string) => ({
  'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: target },
  language,
  body
});

describe('translationsIn', () => {
  it('groups valid translations by the message they translate, oldest first, with id, sender and ts', () => {
    const a1 = event(DialogueEvent.translation, translationOf('$msgA', 'ru', 'Привет'), ANA);
    const b1 = event(DialogueEvent.translation, translationOf('$msgB', 'en', 'Hello'), BEN);
    const a2 = event(DialogueEvent.translation, translationOf('$msgA', 'en-GB', '  Hi  '), BEN);
    const result = translationsIn([a1, b1, a2]);
    expect([...result.keys()]).toEqual(['$msgA', '$msgB']);
    expect(result.get('$msgA')).toEqual([
      { eventId: '$msgA', language: 'ru', body: 'Привет', id: a1.getId(), sender: ANA, ts: a1.getTs() },
      // the body is trimmed by the parser
      { eventId: '$msgA', language: 'en-GB', body: 'Hi', id: a2.getId(), sender: BEN, ts: a2.getTs() }
    ]);
    expect(result.get('$msgB')).toEqual([{ eventId: '$msgB', language: 'en', body: 'Hello', id: b1.getId(), sender: BEN, ts: b1.getTs() }]);
    expect(a1.getTs()).toBeLessThan(a2.getTs());
  });

  it('gives an empty map for no events', () => {
    expect(translationsIn([]).size).toBe(0);
  });

  it('accepts any iterable, e.g. a generator', () => {
    function* events() {
      yield event(DialogueEvent.translation, translationOf('$m', 'de', 'Hallo'));
    }
    expect(translationsIn(events()).get('$m')?.map((t) => t.body)).toEqual(['Hallo']);
  });

  it('ignores other event types, even with translation-shaped content', () => {
    const content = translationOf('$m', 'fr', 'Bonjour');
    const result = translationsIn([
      event('m.room.message', { msgtype: 'm.text', ...content }),
      event(DialogueEvent.translationService, content),
      event('org.parley.translation.other', content),
      event('m.reaction', { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$m', key: '👍' } })
    ]);
    expect(result.size).toBe(0);
  });

  it.each([
    ['a wrong rel_type', { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$m' }, language: 'fr', body: 'x' }],
    ['a reply instead of a relation', { 'm.relates_to': { 'm.in_reply_to': { event_id: '$m' } }, language: 'fr', body: 'x' }],
    ['a missing m.relates_to', { language: 'fr', body: 'x' }],
    ['a target without $', translationOf('m', 'fr', 'x')],
    ['a missing body', { 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: '$m' }, language: 'fr' }],
    ['a blank body', translationOf('$m', 'fr', '  \n ')],
    ['a numeric body', { ...translationOf('$m', 'fr', 'x'), body: 42 }],
    ['a bad language tag', translationOf('$m', 'French', 'x')],
    ['an upper-case language', translationOf('$m', 'FR', 'x')],
    ['a numeric language', { ...translationOf('$m', 'fr', 'x'), language: 7 }],
    ['a missing language', { 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: '$m' }, body: 'x' }],
    ['empty content', {}]
  ])('ignores a translation event with %s', (_label, content) => {
    const good = event(DialogueEvent.translation, translationOf('$m', 'fr', 'ok'));
    const result = translationsIn([event(DialogueEvent.translation, content), good]);
    expect(result.get('$m')).toEqual([expect.objectContaining({ id: good.getId(), body: 'ok' })]);
    expect(result.size).toBe(1);
  });

  it('ignores redacted translations', () => {
    const kept = event(DialogueEvent.translation, translationOf('$m', 'fr', 'kept'));
    const redacted = event(DialogueEvent.translation, translationOf('$m', 'fr', 'withdrawn'), ANA, {
      unsigned: { redacted_because: { type: 'm.room.redaction', sender: ANA, event_id: '$red', origin_server_ts: 1, content: {} } }
    });
    expect(redacted.isRedacted()).toBe(true);
    const onlyRedacted = translationsIn([redacted]);
    expect(onlyRedacted.size).toBe(0);
    expect(translationsIn([kept, redacted]).get('$m')?.map((t) => t.body)).toEqual(['kept']);
  });
});

describe('translationFor', () => {
  const t = (language: string, body: string, ts: number): Translation => ({ eventId: '$m', language, body, id: `$t${ts}`, sender: ANA, ts });

  it('picks the latest translation in the reader’s language', () => {
    const list = [t('ru', 'первый', 1), t('en', 'english', 2), t('ru', 'второй', 3), t('de', 'deutsch', 4)];
    expect(translationFor(list, 'ru')?.body).toBe('второй');
    expect(translationFor(list, 'en')?.body).toBe('english');
    expect(translationFor(list, 'de')?.body).toBe('deutsch');
  });

  it('matches by primary language subtag, both ways', () => {
    expect(translationFor([t('ru', 'a', 1)], 'ru-RU')?.body).toBe('a');
    expect(translationFor([t('ru-RU', 'b', 1)], 'ru')?.body).toBe('b');
    expect(translationFor([t('sr-Latn', 'c', 1)], 'sr')?.body).toBe('c');
    expect(translationFor([t('sr', 'd', 1)], 'sr-Cyrl-RS')?.body).toBe('d');
    expect(translationFor([t('pt-BR', 'e', 1), t('pt-PT', 'f', 2)], 'pt')?.body).toBe('f');
  });

  it('ignores the case of the reader’s language', () => {
    expect(translationFor([t('ru', 'a', 1)], 'RU-ru')?.body).toBe('a');
  });

  it('returns the translation object itself (keeps extra fields)', () => {
    const item = { ...t('fr', 'x', 1), extra: 'kept' };
    expect(translationFor([item], 'fr')).toBe(item);
  });

  it('gives null when there is none in the language, the list is empty or undefined', () => {
    expect(translationFor([t('ru', 'a', 1), t('en', 'b', 2)], 'de')).toBeNull();
    // a prefix is not a primary subtag
    expect(translationFor([t('sr', 'a', 1)], 'srn')).toBeNull();
    expect(translationFor([], 'en')).toBeNull();
    expect(translationFor(undefined, 'en')).toBeNull();
  });
});

describe('translationServiceIn', () => {
  function roomWith(powerLevels: Record<string, unknown> | null): Room {
    const plEvent = powerLevels ? event('m.room.power_levels', powerLevels, FAC, { state_key: '' }) : null;
    const getStateEvents = vi.fn((type: string, stateKey?: string) => (type === 'm.room.power_levels' && stateKey === '' ? plEvent : null));
    return { roomId: ROOM, currentState: { getStateEvents } } as unknown as Room;
  }
  const room = roomWith({ users: { [FAC]: 100, [FAC2]: 100, [ANA]: 10, [BEN]: 50 }, users_default: 0 });
  const service = (url: unknown, sender = FAC) => event(DialogueEvent.translationService, { url }, sender);

  it('is null without any service event', () => {
    expect(translationServiceIn(room, [])).toBeNull();
    expect(translationServiceIn(room, [event('m.room.message', { msgtype: 'm.text', body: 'hi' }, FAC)])).toBeNull();
  });

  it('takes the latest valid service a facilitator set', () => {
    expect(translationServiceIn(room, [service('https://lt.example.org')])).toBe('https://lt.example.org');
    expect(translationServiceIn(room, [service('https://one.example.org'), service('https://two.example.org/lt', FAC2)])).toBe('https://two.example.org/lt');
  });

  it('ignores events from participants and moderators', () => {
    expect(translationServiceIn(room, [service('https://evil.example.org', ANA)])).toBeNull();
    expect(translationServiceIn(room, [service('https://mod.example.org', BEN)])).toBeNull();
    expect(translationServiceIn(room, [service('https://lt.example.org'), service('https://evil.example.org', ANA)])).toBe('https://lt.example.org');
    expect(translationServiceIn(room, [service('https://lt.example.org'), service(null, ANA)])).toBe('https://lt.example.org');
  });

  it('ignores senders not in the power levels (users_default 0) and rooms without power levels', () => {
    expect(translationServiceIn(room, [service('https://x.example.org', '@stranger:example.org')])).toBeNull();
    expect(translationServiceIn(roomWith(null), [service('https://x.example.org', FAC)])).toBeNull();
  });

  it('counts users_default when it is the facilitator level', () => {
    expect(translationServiceIn(roomWith({ users_default: 100 }), [service('https://x.example.org', '@anyone:example.org')])).toBe('https://x.example.org');
  });

  it('is turned off by {url: null} from a facilitator, and can be turned on again', () => {
    expect(translationServiceIn(room, [service('https://lt.example.org'), service(null, FAC2)])).toBeNull();
    expect(translationServiceIn(room, [service('https://lt.example.org'), service(null), service('https://new.example.org')])).toBe('https://new.example.org');
  });

  it.each([
    ['plain HTTP to a remote host', 'http://example.org'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/plain,hi'],
    ['a number', 42],
    ['an object', { href: 'https://x.example.org' }],
    ['an over-long URL', `https://example.org/${'a'.repeat(600)}`]
  ])('ignores invalid content (%s), keeping the previous value', (_label, url) => {
    expect(translationServiceIn(room, [service('https://lt.example.org'), service(url)])).toBe('https://lt.example.org');
    expect(translationServiceIn(room, [service(url)])).toBeNull();
  });

  it('ignores content without a url field', () => {
    expect(translationServiceIn(room, [service('https://lt.example.org'), event(DialogueEvent.translationService, {}, FAC)])).toBe('https://lt.example.org');
    expect(translationServiceIn(room, [service('https://lt.example.org'), event(DialogueEvent.translationService, 'nope' as never, FAC)])).toBe('https://lt.example.org');
  });

  it('ignores a url that is not a URL at all, keeping the previous value', () => {
    expect(translationServiceIn(room, [service('https://lt.example.org'), service('not a url')])).toBe('https://lt.example.org');
  });

  it('accepts plain HTTP on this machine', () => {
    expect(translationServiceIn(room, [service('http://localhost')])).toBe('http://localhost');
    expect(translationServiceIn(room, [service('http://127.0.0.1:5000')])).toBe('http://127.0.0.1:5000');
    expect(translationServiceIn(room, [service('http://[::1]:5000/')])).toBe('http://[::1]:5000/');
  });
});

describe('onDeviceTranslator', () => {
  type Options = { sourceLanguage: string; targetLanguage: string };
  function fakeApi(availability: string | (() => Promise<string>)) {
    const translate = vi.fn(async (text: string) => `[${text}]`);
    const api = {
      availability: vi.fn(typeof availability === 'string' ? async (_: Options) => availability : availability),
      create: vi.fn(async (_: Options) => ({ translate }))
    };
    return { api, translate };
  }

  it('is null without a Translator API', async () => {
    expect(await onDeviceTranslator('ru', 'en', null)).toBeNull();
  });

  it('uses globalThis.Translator by default, and is null without it', async () => {
    expect('Translator' in globalThis).toBe(false);
    expect(await onDeviceTranslator('ru', 'en')).toBeNull();
    const { api } = fakeApi('available');
    vi.stubGlobal('Translator', api);
    try {
      const translate = await onDeviceTranslator('ru', 'en');
      expect(await translate?.('x')).toBe('[x]');
      expect(api.create).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['en', 'en-GB'],
    ['sr-Latn', 'sr-Cyrl']
  ])('is null when %s and %s share a primary language, without asking the API', async (source, target) => {
    const { api } = fakeApi('available');
    expect(await onDeviceTranslator(source, target, api)).toBeNull();
    expect(api.availability).not.toHaveBeenCalled();
    expect(api.create).not.toHaveBeenCalled();
  });

  it.each(['downloadable', 'downloading', 'unavailable', 'readily', ''])('is null when availability is %j, and never creates a translator', async (availability) => {
    const { api } = fakeApi(availability);
    expect(await onDeviceTranslator('ru', 'en', api)).toBeNull();
    expect(api.availability).toHaveBeenCalledTimes(1);
    expect(api.create).not.toHaveBeenCalled();
  });

  it('is null when availability throws', async () => {
    const { api } = fakeApi(async () => {
      throw new DOMException('nope', 'NotSupportedError');
    });
    expect(await onDeviceTranslator('ru', 'en', api)).toBeNull();
    expect(api.create).not.toHaveBeenCalled();
  });

  it('is null when create throws', async () => {
    const { api } = fakeApi('available');
    api.create.mockRejectedValueOnce(new Error('quota'));
    expect(await onDeviceTranslator('ru', 'en', api)).toBeNull();
  });

  it('gives a working translator when the model is available, passing primary subtags', async () => {
    const { api, translate } = fakeApi('available');
    const translator = await onDeviceTranslator('ru-RU', 'en-GB', api satisfies TranslatorApi);
    expect(translator).toBeTypeOf('function');
    expect(api.availability).toHaveBeenCalledWith({ sourceLanguage: 'ru', targetLanguage: 'en' });
    expect(api.create).toHaveBeenCalledWith({ sourceLanguage: 'ru', targetLanguage: 'en' });
    expect(await translator!('Привет')).toBe('[Привет]');
    expect(await translator!('Пока')).toBe('[Пока]');
    expect(translate).toHaveBeenCalledTimes(2);
    expect(api.create).toHaveBeenCalledTimes(1);
  });

  it('lower-cases the primary subtags it passes', async () => {
    const { api } = fakeApi('available');
    await onDeviceTranslator('ZH-Hant', 'Sr-Latn', api);
    expect(api.availability).toHaveBeenCalledWith({ sourceLanguage: 'zh', targetLanguage: 'sr' });
  });
});

describe('translateRemotely (against a local LibreTranslate-like server)', () => {
  interface Seen {
    method: string;
    url: string;
    contentType: string | undefined;
    body: string;
  }
  type Reply = (res: ServerResponse) => void;
  const json = (status: number, value: unknown): Reply => (res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(value));
  };

  let server: Server;
  let base: string;
  let seen: Seen[] = [];
  let reply: Reply;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
        reply(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  beforeEach(() => {
    seen = [];
    reply = json(200, { translatedText: 'Hello' });
  });

  it('POSTs JSON to /translate and returns translatedText', async () => {
    expect(await translateRemotely(base, 'Привет', 'ru', 'en')).toBe('Hello');
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe('/translate');
    expect(seen[0].contentType).toBe('application/json');
    expect(JSON.parse(seen[0].body)).toEqual({ q: 'Привет', source: 'ru', target: 'en', format: 'text' });
  });

  it('works with a trailing slash', async () => {
    await translateRemotely(`${base}/`, 'x', 'ru', 'en');
    expect(seen[0].url).toBe('/translate');
  });

  it.each(['/lt', '/lt/', '/a/b', '/a/b/'])('keeps a path prefix (%s)', async (prefix) => {
    await translateRemotely(`${base}${prefix}`, 'x', 'ru', 'en');
    expect(seen[0].url).toBe(`${prefix.replace(/\/$/, '')}/translate`);
  });

  it('sends source "auto" when the source language is unknown, and primary subtags otherwise', async () => {
    await translateRemotely(base, 'text', null, 'pt-BR');
    expect(JSON.parse(seen[0].body)).toEqual({ q: 'text', source: 'auto', target: 'pt', format: 'text' });
    await translateRemotely(base, 'text', 'sr-Latn', 'EN-us');
    expect(JSON.parse(seen[1].body)).toEqual({ q: 'text', source: 'sr', target: 'en', format: 'text' });
  });

  it('sends the text unchanged, including markup and newlines', async () => {
    const text = 'line one\n<b>two</b> & "three" 🌍';
    await translateRemotely(base, text, 'en', 'fr');
    expect(JSON.parse(seen[0].body).q).toBe(text);
  });

  it('returns the translated text as the server sent it', async () => {
    reply = json(200, { translatedText: '  Bonjour\n', alternatives: [] });
    expect(await translateRemotely(base, 'Hello', 'en', 'fr')).toBe('  Bonjour\n');
  });

  it.each([500, 400, 403, 404, 429])('throws TranslationServiceError on status %i', async (status) => {
    reply = json(status, { error: 'nope', translatedText: 'should not be used' });
    const error = await translateRemotely(base, 'x', 'en', 'fr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationServiceError);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('TranslationServiceError');
    expect((error as Error).message).toBe(`status ${status}`);
  });

  it.each([
    ['malformed JSON', (res: ServerResponse) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"translatedText": '); }],
    ['an HTML page', (res: ServerResponse) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<html>hi</html>'); }],
    ['an empty body', (res: ServerResponse) => { res.writeHead(200); res.end(); }],
    ['missing translatedText', json(200, { text: 'Bonjour' })],
    ['empty translatedText', json(200, { translatedText: '' })],
    ['a numeric translatedText', json(200, { translatedText: 42 })],
    ['an array translatedText', json(200, { translatedText: ['Bonjour'] })],
    ['JSON null', json(200, null)],
    ['a JSON string', json(200, 'Bonjour')]
  ])('throws TranslationServiceError("malformed") on %s', async (_label, r) => {
    reply = r;
    const error = await translateRemotely(base, 'x', 'en', 'fr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationServiceError);
    expect((error as Error).message).toBe('malformed');
    expect(seen).toHaveLength(1);
  });

  it('throws TranslationServiceError("unreachable") when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await translateRemotely(`http://127.0.0.1:${port}`, 'x', 'en', 'fr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationServiceError);
    expect((error as Error).message).toBe('unreachable');
    expect((error as Error).cause).toBeDefined();
  });

  it('throws TranslationServiceError("unreachable") when the connection is dropped', async () => {
    reply = (res) => res.socket?.destroy();
    const error = await translateRemotely(base, 'x', 'en', 'fr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationServiceError);
    expect((error as Error).message).toBe('unreachable');
  });

  it('uses the given fetch implementation with no-referrer and without credentials', async () => {
    const fetchImpl = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify({ translatedText: 'ok' }), { status: 200 }));
    expect(await translateRemotely('https://lt.example.org/api', 'x', null, 'de', fetchImpl as typeof fetch)).toBe('ok');
    const [input, init] = fetchImpl.mock.calls[0];
    expect(String(input)).toBe('https://lt.example.org/api/translate');
    expect(init).toMatchObject({ method: 'POST', referrerPolicy: 'no-referrer', credentials: 'omit' });
    expect(seen).toHaveLength(0);
  });
});
