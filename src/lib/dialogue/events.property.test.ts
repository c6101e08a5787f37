// @vitest-environment jsdom
// Hostile content against every validator and renderer of the dialogue: messages, previews,
// dialogue structure, ground rules, consent, translations, retention, names, the timeline,
// link previews, the HTML sanitiser and Markdown composing. Nothing may throw; whatever comes
// out has the documented shape.
import fc from 'fast-check';
import { MatrixEvent } from 'matrix-js-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Room } from 'matrix-js-sdk';
import { locales } from '../i18n/index.ts';
import { EXAMPLE_ENCRYPTED_FILE } from '../matrix/media.fixture.ts';
import { parseEncryptedFile } from '../matrix/media.ts';
import {
  check,
  everyFieldWrong,
  hostileContent,
  hostileNumber,
  hostileString,
  hostileValue,
  isBoundedString,
  LINE_BREAK,
  longString,
  mutated,
  nearString
} from '../testing/hostile-arbitraries.ts';
import {
  DIALOGUE_ROLES,
  DialogueEvent,
  dialogueRoomContent,
  groundRulesContent,
  parseConsent,
  parseDialogueRoom,
  parseGroundRules,
  parseMessage,
  parseRetention,
  parseTranslation,
  parseTranslationService,
  previewText,
  retentionContent,
  stripReplyFallback,
  TRANSLATION_RELATION,
  translationContent,
  translationServiceContent,
  type MessageView
} from './events.ts';
import { formatBytes, showsInline } from './attachments.ts';
import { canPost, foldConsent, parseInviteList, powerLevelOf } from './dialogue.ts';
import { firstLink, parsePreview } from './link-preview.ts';
import { composeText } from './markdown.ts';
import { cleanDisplayName, disambiguatedNames, lookAlikeNames, roomNameContent, roomTitle } from './names.ts';
import { isExpired, nextExpiry } from './retention.ts';
import { ALLOWED_TAGS, createMatrixSanitizer, type MatrixHtmlSanitizer } from './sanitize.ts';
import { timelineRows, type TimelineEntry } from './timeline.ts';
import { isValidMatrixId } from './rooms.ts';
import { translationFor, translationsIn } from './translations.ts';

const MSG = 'm.room.message';
const MAX_BODY = 65_536;
const TEXT_MSGTYPES = ['m.text', 'm.notice', 'm.emote'];
const FILE_MSGTYPES = ['m.image', 'm.file', 'm.audio', 'm.video'];
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const YEAR_MS = 365 * 24 * 3_600_000;

const TEXT_EXAMPLE = {
  msgtype: 'm.text',
  body: '> <@a:x> quoted\n\nhello',
  format: 'org.matrix.custom.html',
  formatted_body: '<b>hello</b>',
  'm.relates_to': { 'm.in_reply_to': { event_id: '$original:example.org' } }
};
const FILE_EXAMPLE = { msgtype: 'm.file', body: 'notes.txt', file: EXAMPLE_ENCRYPTED_FILE, info: { mimetype: 'text/plain', size: 1234 } };
/** Well-typed messages whose strings are hostile: what a preview has to cope with. */
const wellTyped = fc.record({
  msgtype: fc.constantFrom(...TEXT_MSGTYPES, ...FILE_MSGTYPES),
  body: hostileString,
  format: fc.constant('org.matrix.custom.html'),
  formatted_body: hostileString,
  'm.relates_to': fc.record({ 'm.in_reply_to': fc.record({ event_id: hostileString }) })
});
const message = fc.oneof(hostileContent(TEXT_EXAMPLE), hostileContent(FILE_EXAMPLE), wellTyped);
const messageType = fc.oneof(fc.constant(MSG), nearString([MSG, 'm.room.encrypted', 'm.sticker']));
const flags = fc.record({ redacted: fc.boolean(), undecryptable: fc.boolean() }, { requiredKeys: [] });

/** The documented shape of each kind of MessageView. */
function expectMessageView(view: MessageView): void {
  switch (view.kind) {
    case 'text':
      expect(TEXT_MSGTYPES).toContain(view.msgtype);
      expect(isBoundedString(view.body, MAX_BODY)).toBe(true);
      expect(view.html === null || isBoundedString(view.html, MAX_BODY)).toBe(true);
      expect(view.replyTo === null || typeof view.replyTo === 'string').toBe(true);
      break;
    case 'file':
      expect(FILE_MSGTYPES).toContain(view.msgtype);
      expect(isBoundedString(view.name, 256)).toBe(true);
      expect(view.replyTo === null || typeof view.replyTo === 'string').toBe(true);
      if (view.file !== null) expect(parseEncryptedFile(view.file)).toEqual(view.file);
      expect(view.mimetype === null || (isBoundedString(view.mimetype, 255) && /^[\w.+-]+\/[\w.+-]+$/.test(view.mimetype))).toBe(true);
      expect(view.size === null || (Number.isSafeInteger(view.size) && view.size >= 0)).toBe(true);
      break;
    case 'unsupported':
      expect(isBoundedString(view.type, 100)).toBe(true);
      break;
    default:
      expect(['redacted', 'undecryptable', 'invalid']).toContain(view.kind);
  }
}

describe('parseMessage and previewText', () => {
  it('turn any event into a MessageView of the documented shape', () => {
    check(fc.tuple(messageType, message, flags), ([type, content, flagged]) => expectMessageView(parseMessage(type, content, flagged)));
  });

  it('previewText gives a bounded, single-line preview of text and files, and none of the rest', () => {
    check(fc.tuple(fc.oneof(wellTyped, message), fc.integer({ min: 0, max: 300 })), ([content, maxChars]) => {
      const view = parseMessage(MSG, content);
      const preview = previewText(view, maxChars);
      if (view.kind === 'text' || view.kind === 'file') {
        expect(isBoundedString(preview, maxChars)).toBe(true);
        expect(preview).not.toMatch(LINE_BREAK);
      } else {
        expect(preview).toBeNull();
      }
    });
  });

  it('calls a message invalid when every field has the wrong type', () => {
    check(fc.oneof(everyFieldWrong(TEXT_EXAMPLE), everyFieldWrong(FILE_EXAMPLE)), (content) => {
      expect(parseMessage(MSG, content)).toEqual({ kind: 'invalid' });
    });
  });

  it('stripReplyFallback only ever removes a leading part of the body', () => {
    check(fc.oneof(hostileString, fc.array(fc.oneof(fc.constantFrom('> quoted', '>', '', '> '), hostileString)).map((lines) => lines.join('\n'))), (body) => {
      expect(body.endsWith(stripReplyFallback(body))).toBe(true);
    });
  });
});

describe('dialogue structure, ground rules and consent', () => {
  const room = { role: 'plenary', space: '!s:x', plenary: '!p:x', moderators: '!m:x', negotiators: '!n:x' };
  const rules = { text: 'Speak for yourself.', languages: ['en', 'ru', 'ar-SY'] };

  it('parseDialogueRoom returns null or room ids that are valid content again', () => {
    check(hostileContent(room), (content) => {
      const parsed = parseDialogueRoom(content);
      if (parsed === null) return;
      expect(DIALOGUE_ROLES).toContain(parsed.role);
      for (const id of [parsed.space, parsed.plenary, parsed.moderators, parsed.negotiators]) {
        expect(isBoundedString(id, 255) && id.startsWith('!')).toBe(true);
      }
      expect(dialogueRoomContent(parsed)).toEqual(parsed);
    });
  });

  it('parseGroundRules returns null or trimmed, bounded text and language tags', () => {
    check(hostileContent(rules), (content) => {
      const parsed = parseGroundRules(content);
      if (parsed === null) return;
      expect(isBoundedString(parsed.text, MAX_BODY, 1)).toBe(true);
      expect(parsed.text).toBe(parsed.text.trim());
      expect(parsed.languages.length).toBeLessThanOrEqual(20);
      for (const tag of parsed.languages) expect(isBoundedString(tag, 35) && LANGUAGE_TAG.test(tag)).toBe(true);
      expect(groundRulesContent(parsed)).toEqual(parsed);
    });
  });

  it('parseConsent returns null or an event id of 1 to 255 characters', () => {
    check(hostileContent({ rules: '$rules:example.org' }), (content) => {
      const parsed = parseConsent(content);
      expect(parsed === null || isBoundedString(parsed, 255, 1)).toBe(true);
    });
  });

  it('each of them refuses content whose every field has the wrong type', () => {
    check(fc.tuple(everyFieldWrong(room), everyFieldWrong(rules), everyFieldWrong({ rules: '$r' })), ([r, g, c]) => {
      expect(parseDialogueRoom(r)).toBeNull();
      expect(parseGroundRules(g)).toBeNull();
      expect(parseConsent(c)).toBeNull();
    });
  });
});

describe('translations and the translation service', () => {
  const translation = { 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: '$m:x' }, language: 'en-GB', body: 'Hello' };

  it('parseTranslation returns null or a translation that is valid content again', () => {
    check(hostileContent(translation), (content) => {
      const parsed = parseTranslation(content);
      if (parsed === null) return;
      expect(isBoundedString(parsed.eventId, 255) && parsed.eventId.startsWith('$')).toBe(true);
      expect(LANGUAGE_TAG.test(parsed.language)).toBe(true);
      expect(isBoundedString(parsed.body, MAX_BODY, 1)).toBe(true);
      expect(parseTranslation(translationContent(parsed))).toEqual(parsed);
    });
  });

  it('parseTranslationService returns undefined, null or an https (or local http) address of at most 500 characters', () => {
    const service = fc.oneof(
      hostileContent({ url: 'https://translate.example.org' }),
      nearString(['https://a.example', 'http://localhost:5000', 'http://127.0.0.1', 'http://[::1]/', 'javascript:alert(1)']).map((url) => ({ url }))
    );
    check(service, (content) => {
      const url = parseTranslationService(content);
      if (url === undefined || url === null) return;
      expect(isBoundedString(url, 500)).toBe(true);
      const parsed = new URL(url);
      expect(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname))).toBe(true);
      expect(translationServiceContent(url)).toEqual({ url });
    });
  });

  it('translationsIn keeps only valid translations, and translationFor picks among them for any reader language', () => {
    const events = fc.array(fc.tuple(nearString([DialogueEvent.translation]), hostileContent(translation), fc.boolean()), { maxLength: 8 }).map((list) =>
      list.map(
        ([type, content, redacted], i) =>
          new MatrixEvent({
            type,
            content: content as Record<string, unknown>,
            sender: '@a:x',
            event_id: `$t${i}`,
            origin_server_ts: i,
            ...(redacted ? { unsigned: { redacted_because: {} as never } } : {})
          })
      )
    );
    check(fc.tuple(events, hostileString), ([list, reader]) => {
      for (const [eventId, translations] of translationsIn(list)) {
        for (const t of translations) {
          expect(t.eventId).toBe(eventId);
          expect(parseTranslation(translationContent(t))).toEqual({ eventId: t.eventId, language: t.language, body: t.body });
        }
        const chosen = translationFor(translations, reader);
        expect(chosen === null || translations.includes(chosen)).toBe(true);
      }
    });
  });
});

describe('disappearing messages', () => {
  it('parseRetention returns null or a whole number of milliseconds from a second to a year', () => {
    check(hostileContent({ max_lifetime: 86_400_000 }), (content) => {
      const lifetime = parseRetention(content);
      if (lifetime === null) return;
      expect(Number.isInteger(lifetime) && lifetime >= 1_000 && lifetime <= YEAR_MS).toBe(true);
      expect(retentionContent(lifetime)).toEqual({ max_lifetime: lifetime });
    });
  });

  it('isExpired and nextExpiry never throw, and the next expiry is later than now', () => {
    const lifetime = fc.oneof(fc.constant(null), fc.integer({ min: 1_000, max: YEAR_MS }));
    check(fc.tuple(fc.array(hostileNumber, { maxLength: 10 }), lifetime, fc.integer({ min: 0, max: 4e12 })), ([timestamps, life, now]) => {
      for (const ts of timestamps) expect(typeof isExpired(ts, life, now)).toBe('boolean');
      const next = nextExpiry(timestamps, life, now);
      expect(next === null || next > now).toBe(true);
    });
  });
});

describe('names', () => {
  const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/;
  const name = fc.oneof(hostileString, fc.constant(null), fc.constant(undefined));

  it('cleanDisplayName gives one bounded line without control or bidi characters', () => {
    check(name, (raw) => {
      const cleaned = cleanDisplayName(raw);
      expect(isBoundedString(cleaned, 256)).toBe(true);
      expect(cleaned).not.toMatch(CONTROL_OR_BIDI);
    });
  });

  it('roomTitle is the cleaned name or else the room id', () => {
    check(fc.tuple(hostileString, fc.string({ minLength: 1 }).map((s) => `!${s}`)), ([roomName, roomId]) => {
      const title = roomTitle({ name: roomName, roomId });
      expect(title === roomId || (isBoundedString(title, 256, 1) && !CONTROL_OR_BIDI.test(title))).toBe(true);
    });
  });

  it('roomNameContent always joins, and keeps a display name only when one is left after cleaning', () => {
    check(fc.tuple(fc.dictionary(hostileString, hostileValue, { maxKeys: 4 }), hostileString), ([current, raw]) => {
      const content = roomNameContent(current, raw);
      expect(content.membership).toBe('join');
      expect(content.displayname === undefined || (isBoundedString(content.displayname, 256, 1) && content.displayname === cleanDisplayName(raw))).toBe(true);
    });
  });

  it('disambiguatedNames labels every member, and lookAlikeNames names only members', () => {
    const members = fc.uniqueArray(fc.record({ userId: fc.string({ minLength: 1 }).map((s) => `@${s}:x`), displayName: name }), {
      selector: (m) => m.userId,
      maxLength: 8
    });
    check(members, (list) => {
      const labels = disambiguatedNames(list);
      const ids = list.map((m) => m.userId);
      expect([...labels.keys()].sort()).toEqual([...ids].sort());
      for (const label of labels.values()) expect(label.length).toBeGreaterThan(0);
      for (const id of lookAlikeNames(list)) expect(ids).toContain(id);
    });
  });
});

describe('timelineRows', () => {
  const content: MessageView = { kind: 'text', msgtype: 'm.text', body: 'hi', html: null, replyTo: null };
  const timestamp = fc.oneof(hostileNumber, fc.integer({ min: 1.6e12, max: 1.8e12 }), fc.constantFrom(1.7e12, 1.7e12 + 86_400_000));
  const entries = fc.array(fc.tuple(timestamp, fc.constantFrom('@a:x', '@b:x')), { maxLength: 12 }).map((items) =>
    items.map(([ts, sender], i): TimelineEntry => ({ id: `$e${i}`, sender, senderName: sender, ts, content, sendState: null, reply: null }))
  );

  // Timeline.svelte keys its rows by `key` (duplicates throw), prints each day with
  // new Date(y, m - 1, d) and each time with new Date(ts).toISOString().
  it('never throws, keys rows uniquely and gives every entry a day and a time the view can show', () => {
    check(fc.tuple(entries, fc.constantFrom(undefined, 'UTC', 'Pacific/Kiritimati', 'America/Adak')), ([list, timeZone]) => {
      const rows = timelineRows(list, timeZone);
      const keys = rows.map((row) => row.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(rows.filter((row) => row.type === 'event').map((row) => row.entry.id)).toEqual(list.map((e) => e.id));
      for (const row of rows) {
        if (row.type === 'day') {
          const [y, m, d] = row.day.split('-').map(Number);
          expect(Number.isNaN(new Date(y, m - 1, d).getTime())).toBe(false);
        } else {
          expect(() => new Date(row.entry.ts).toISOString()).not.toThrow();
        }
      }
    });
  });
});

describe('link previews', () => {
  const og = { 'og:title': 'Title', 'og:description': 'About', 'og:site_name': 'Site' };

  it('parsePreview returns null or trimmed, bounded text', () => {
    check(hostileContent(og), (fields) => {
      const preview = parsePreview('https://example.org/page', fields);
      if (preview === null) return;
      expect(isBoundedString(preview.title, 200, 1)).toBe(true);
      expect(preview.description === null || isBoundedString(preview.description, 300, 1)).toBe(true);
      expect(isBoundedString(preview.site, 100, 1)).toBe(true);
    });
  });

  it('firstLink finds nothing or a parsable http(s) link that is in the text', () => {
    const text = fc.oneof(hostileString, fc.tuple(hostileString, nearString(['https://example.org/a', 'http://x.y/(z)']), hostileString).map((p) => p.join(' ')));
    check(text, (body) => {
      const link = firstLink(body);
      if (link === null) return;
      expect(body).toContain(link);
      expect(URL.canParse(link) && /^https?:$/i.test(new URL(link).protocol)).toBe(true);
    });
  });
});

describe('HTML sanitiser and Markdown composing', () => {
  let sanitize: MatrixHtmlSanitizer;

  beforeAll(() => {
    sanitize = createMatrixSanitizer(window);
  });

  // jsdom is far slower than a browser on large or deep documents (seconds for a few thousand
  // elements), so inputs stay short here; the one long input below is mostly text.
  const FRAGMENTS = [
    '<script>', '</script>', '<style>', 'style="color:red"', '<b style=x>', '<p onclick=x>', '<a href="javascript:x">', '<a href=" jav&#x09;ascript:x">',
    '<a href="https://ok.example">', '</a>', '<img src=x onerror=y alt=z>', '<svg><script>x</script></svg>', '<math><mi>', '<iframe srcdoc=x>',
    '<font color="#ff0000" data-mx-color="red">', '<span data-mx-spoiler data-x=1>', '<code class="language-js">', '<div class="x">', '<ol start=-1>',
    '<details open>', '<mx-reply>', '<!--', '-->', '<![CDATA[', '"', "'", '<', '>', '&', '=', '<table><tr><td>', '<form>', '<input autofocus onfocus=x>',
    '<blockquote>'.repeat(101), '</div>'
  ];
  const short = hostileString.filter((s) => s.length <= 200);
  const html = fc.oneof(short, fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), short), { maxLength: 12 }).map((parts) => parts.join('')));
  const longText = longString.filter((s) => !s.includes('<'));
  const allowed = new Set(ALLOWED_TAGS);

  function expectSafe(out: string): void {
    expect(out).not.toMatch(/<script/i);
    const holder = document.createElement('div');
    holder.innerHTML = out;
    for (const element of Array.from(holder.querySelectorAll('*'))) {
      expect(allowed.has(element.tagName.toLowerCase())).toBe(true);
      for (const { name, value } of Array.from(element.attributes)) {
        expect(name).not.toMatch(/^on|^style$|^src$/i);
        if (name === 'class') expect(element.tagName === 'CODE' && /^language-[\w-]+$/.test(value)).toBe(true);
        if (/color$/.test(name)) expect(value).toMatch(/^#[0-9a-f]{6}$/i);
        if (name === 'href') expect(value).toMatch(/^(https?|ftp|mailto|magnet|matrix):/i);
      }
    }
  }

  it('never lets out a script, an event handler, a style, a javascript: link or a tag outside the allow-list', () => {
    check(html, (input) => expectSafe(sanitize(input)), 200);
  }, 30_000);

  it('composeText sends the trimmed text, and only safe HTML beside it', () => {
    const markup = fc.constantFrom('**', '_', '`', '> ', '- ', '1. ', '[a](javascript:x)', '<b>', '\n', '    ');
    const markdown = fc.oneof(short, fc.array(fc.oneof(markup, short), { maxLength: 12 }).map((parts) => parts.join('')));
    check(markdown, (text) => {
      const out = composeText(text, sanitize);
      expect(out.msgtype).toBe('m.text');
      expect(out.body).toBe(text.trim());
      if (out.formatted_body !== undefined) {
        expect(out.format).toBe('org.matrix.custom.html');
        expectSafe(out.formatted_body);
      }
    }, 150);
  }, 30_000);

  it('copes with one very long message', () => {
    check(longText, (input) => expectSafe(sanitize(input)), 8);
  }, 30_000);
});

describe('file info', () => {
  it('drops a mimetype or size that is not what it should be but keeps the file, whose size and inline state render', () => {
    check(fc.tuple(mutated(FILE_EXAMPLE.info), fc.constantFrom(...TEXT_MSGTYPES, ...FILE_MSGTYPES), fc.constantFrom(...locales)), ([info, msgtype, locale]) => {
      const view = parseMessage(MSG, { ...FILE_EXAMPLE, msgtype, info });
      expectMessageView(view);
      if (view.kind !== 'file') return;
      expect(typeof showsInline(view.msgtype, view.mimetype)).toBe('boolean');
      if (view.size !== null) expect(formatBytes(view.size, locale).length).toBeGreaterThan(0);
    });
  });
});

describe('ground rules, consent and power levels', () => {
  const FAC = '@fac:x';
  const RULES = { text: 'Speak for yourself.', languages: ['en'] };
  const events = fc.array(
    fc.oneof(
      fc.record({ type: fc.constant<string>(DialogueEvent.groundRules), content: hostileContent(RULES) }),
      fc.record({ type: fc.constant<string>(DialogueEvent.consent), content: hostileContent({ rules: '$e0' }) }),
      fc.record({ type: nearString([DialogueEvent.groundRules, DialogueEvent.consent]), content: hostileValue })
    ),
    { maxLength: 10 }
  );

  it('foldConsent keeps only valid rules from a facilitator, and consents given to them', () => {
    check(fc.tuple(events, fc.array(fc.constantFrom(FAC, '@ana:x', '@ben:x'), { minLength: 10, maxLength: 10 })), ([list, senders]) => {
      const envelopes = list.map((event, i) => ({ ...event, id: `$e${i}`, sender: senders[i] }));
      const state = foldConsent(envelopes, (sender) => sender === FAC);
      if (state.rules === null) {
        expect(state.consented.size).toBe(0);
        return;
      }
      expect(parseGroundRules(state.rules.rules)).toEqual(state.rules.rules);
      expect(envelopes.find((e) => e.id === state.rules?.id)?.sender).toBe(FAC);
      for (const person of state.consented) expect(senders).toContain(person);
    });
  });

  it('powerLevelOf and canPost read any power-levels content as whole numbers and booleans', () => {
    const levels = hostileContent({ users: { [FAC]: 100, '@ana:x': 10 }, users_default: 0, events_default: 0, events: { 'm.room.encrypted': 10 } });
    check(fc.tuple(levels, fc.oneof(fc.constantFrom(FAC, '@ana:x', '__proto__', 'constructor'), hostileString)), ([content, userId]) => {
      const room = { currentState: { getStateEvents: () => ({ getContent: () => content }) } } as unknown as Room;
      expect(Number.isInteger(powerLevelOf(room, userId))).toBe(true);
      expect(typeof canPost(room, userId)).toBe('boolean');
    });
  });
});

describe('invite lists', () => {
  it('parseInviteList splits any text into unique valid Matrix IDs and the rest', () => {
    const text = fc.oneof(hostileString, fc.array(fc.oneof(nearString(['@ana:example.org', '@ben:example.org:8448', 'ana']), fc.constantFrom(' ', ',', '\n', ';')), { maxLength: 12 }).map((parts) => parts.join('')));
    check(text, (pasted) => {
      const { valid, invalid } = parseInviteList(pasted);
      expect(new Set(valid).size).toBe(valid.length);
      for (const id of valid) expect(isValidMatrixId(id) && !/[\s,;]/.test(id)).toBe(true);
      for (const entry of invalid) expect(isValidMatrixId(entry)).toBe(false);
    });
  });
});
