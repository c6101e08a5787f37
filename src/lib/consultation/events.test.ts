import { anything } from '../testing/hostile-arbitraries.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConsent, parseDialogueRoom, parseGroundRules, DIALOGUE_ROLES } from '../dialogue/events.ts';
import {
  ANSWER_KEY,
  ConsultationEvent,
  MAX_ANSWER_CHARS,
  MAX_EVENT_CHARS,
  MIN_K,
  QUESTION_KEY,
  VOTE_VALUES,
  answerMessage,
  consultationContent,
  definitionContent,
  parseConsultationEvent,
  questionMessage,
  type Definition,
  type ParsedConsultationEvent
} from './events.ts';

const MSG = 'm.room.message';
const NAMES = Object.keys(ConsultationEvent) as (keyof typeof ConsultationEvent)[];
const TYPES = Object.values(ConsultationEvent);
const NAME_OF = new Map<string, string>(NAMES.map((name) => [ConsultationEvent[name], name]));

function definition(overrides: Partial<Definition> = {}): Definition {
  return {
    consultation: 'c1',
    title: 'Water access in the valley',
    background: [{ language: 'en', text: 'The wells are shared by three villages.' }],
    questions: [
      { id: 'q1', kind: 'open', text: 'What matters most to you?' },
      { id: 'q2', kind: 'statements', text: 'Which statements do you agree with?' },
      { id: 'q3', kind: 'scale', text: 'How safe do you feel at the wells?' }
    ],
    opensAt: null,
    closesAt: 1_900_000_000_000,
    k: 5,
    constituencies: [{ id: 'c1', label: 'North' }, { id: 'c2', label: 'South' }],
    ageBands: [{ id: 'a1', label: '18–29' }],
    consent: 'Your answers are pseudonymous.',
    ...overrides
  };
}

/** Every result is null, malformed, or of the type the event type names. */
function checkResult(type: unknown, result: ParsedConsultationEvent | null): void {
  if (result === null) return;
  if (result.type === 'malformed') {
    expect(result.consultation === null || (typeof result.consultation === 'string' && result.consultation.length > 0)).toBe(true);
    return;
  }
  if (type === MSG) expect(['question', 'answer']).toContain(result.type);
  else expect(result.type).toBe(NAME_OF.get(type as string));
  expect(typeof result.content.consultation).toBe('string');
}

const anyType = fc.oneof(fc.constantFrom(...TYPES), fc.constant(MSG), fc.string());
const validId = fc.string({ minLength: 1, maxLength: 255 });
const isId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 255;
/** Content that cannot be serialised (a BigInt anywhere) counts as oversized. */
function fitsInEvent(content: unknown): boolean {
  try {
    return (JSON.stringify(content)?.length ?? 0) <= MAX_EVENT_CHARS;
  } catch {
    return false;
  }
}

describe('parseConsultationEvent never throws', () => {
  it('for any content and any type', () => {
    fc.assert(
      fc.property(anyType, anything, (type, content) => {
        checkResult(type, parseConsultationEvent(type, content));
      }),
      { numRuns: 1000 }
    );
  });

  it('for JSON content of every consultation event type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.jsonValue(), (type, content) => {
        const result = parseConsultationEvent(type, content);
        expect(result).not.toBeNull();
        checkResult(type, result);
      }),
      { numRuns: 1000 }
    );
  });

  it('for objects carrying a consultation id and arbitrary other fields, of every type', () => {
    const claimed = fc.record({ consultation: fc.oneof(validId, anything) }).chain((base) =>
      fc.dictionary(fc.string(), anything).map((rest) => ({ ...rest, ...base }))
    );
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), claimed, (type, content) => {
        const result = parseConsultationEvent(type, content);
        expect(result).not.toBeNull();
        checkResult(type, result);
        // A malformed event still names the consultation it claims, when that is readable.
        if (result?.type === 'malformed') expect(result.consultation).toBe(isId(content.consultation) ? content.consultation : null);
      }),
      { numRuns: 500 }
    );
  });

  it('for m.room.message with arbitrary org.parley.question payloads', () => {
    const message = fc.record(
      {
        msgtype: fc.oneof(fc.constant('m.text'), anything),
        body: fc.oneof(fc.string(), anything),
        'm.relates_to': anything,
        [QUESTION_KEY]: fc.oneof(
          fc.record({ consultation: fc.oneof(validId, anything), question: fc.oneof(validId, anything) }, { requiredKeys: [] }),
          anything
        )
      },
      { requiredKeys: [QUESTION_KEY] }
    );
    fc.assert(
      fc.property(message, (content) => {
        const result = parseConsultationEvent(MSG, content);
        expect(result).not.toBeNull();
        expect(['question', 'malformed']).toContain(result?.type);
        const payload = content[QUESTION_KEY] as Record<string, unknown> | null;
        const valid =
          fitsInEvent(content) &&
          typeof content.msgtype === 'string' &&
          typeof content.body === 'string' &&
          content.body.trim().length > 0 &&
          typeof payload === 'object' &&
          payload !== null &&
          isId(payload.consultation) &&
          isId(payload.question);
        expect(result?.type === 'question').toBe(valid);
        if (result?.type === 'question') expect(result.content.text).toBe((content.body as string).trim());
      }),
      { numRuns: 1000 }
    );
  });

  it('for m.room.message with arbitrary org.parley.answer payloads', () => {
    const relation = fc.oneof(
      fc.record({ rel_type: fc.oneof(fc.constant('m.thread'), anything), event_id: fc.oneof(validId, anything) }, { requiredKeys: [] }),
      anything
    );
    const message = fc.record(
      {
        msgtype: fc.oneof(fc.constant('m.text'), anything),
        body: fc.oneof(fc.string(), fc.string({ minLength: MAX_ANSWER_CHARS - 2, maxLength: MAX_ANSWER_CHARS + 2 }), anything),
        'm.relates_to': relation,
        [ANSWER_KEY]: fc.oneof(
          fc.record(
            { consultation: fc.oneof(validId, anything), question: fc.oneof(validId, anything), quotable: fc.oneof(fc.boolean(), anything) },
            { requiredKeys: [] }
          ),
          anything
        )
      },
      { requiredKeys: [ANSWER_KEY] }
    );
    fc.assert(
      fc.property(message, (content) => {
        const result = parseConsultationEvent(MSG, content);
        expect(result).not.toBeNull();
        expect(['answer', 'malformed']).toContain(result?.type);
        const payload = content[ANSWER_KEY] as Record<string, unknown> | null;
        const rel = content['m.relates_to'] as Record<string, unknown> | null;
        const valid =
          fitsInEvent(content) &&
          typeof content.msgtype === 'string' &&
          typeof content.body === 'string' &&
          content.body.trim().length > 0 &&
          content.body.length <= MAX_ANSWER_CHARS &&
          typeof payload === 'object' &&
          payload !== null &&
          isId(payload.consultation) &&
          isId(payload.question) &&
          (payload.quotable === undefined || typeof payload.quotable === 'boolean') &&
          typeof rel === 'object' &&
          rel !== null &&
          rel.rel_type === 'm.thread' &&
          isId(rel.event_id);
        expect(result?.type === 'answer').toBe(valid);
        if (result?.type === 'answer') {
          expect(result.content.thread).toBe(rel?.event_id);
          expect(result.content.quotable).toBe(payload?.quotable ?? false);
        }
      }),
      { numRuns: 1000 }
    );
  });

  it('accepts a vote exactly when its fields are valid', () => {
    const vote = fc.record(
      {
        consultation: fc.oneof(validId, fc.constant(''), fc.string({ minLength: 256, maxLength: 260 }), fc.jsonValue()),
        statement: fc.oneof(validId, fc.constant(''), fc.jsonValue()),
        value: fc.oneof(fc.constantFrom(...VOTE_VALUES), fc.constantFrom('AGREE', 'maybe', ''), fc.jsonValue())
      },
      { requiredKeys: [] }
    );
    fc.assert(
      fc.property(vote, (content) => {
        const result = parseConsultationEvent(ConsultationEvent.vote, content);
        const valid = isId(content.consultation) && isId(content.statement) && (VOTE_VALUES as readonly unknown[]).includes(content.value);
        if (valid) expect(result).toEqual({ type: 'vote', content });
        else expect(result).toEqual({ type: 'malformed', consultation: isId(content.consultation) ? content.consultation : null });
      }),
      { numRuns: 500 }
    );
  });

  it('returns null for types that are not strings, whatever the content', () => {
    const notString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string()), fc.object(), anything.filter((x) => typeof x !== 'string'));
    fc.assert(
      fc.property(notString, fc.oneof(anything, fc.constant(consultationContent('vote', { consultation: 'c1', statement: '$s', value: 'agree' }))), (type, content) => {
        expect(parseConsultationEvent(type, content)).toBeNull();
      }),
      { numRuns: 300 }
    );
  });

  it('returns null for any type it does not know', () => {
    const unknown = fc.string().filter((t) => t !== MSG && !(TYPES as readonly string[]).includes(t));
    fc.assert(
      fc.property(unknown, anything, (type, content) => {
        expect(parseConsultationEvent(type, content)).toBeNull();
      }),
      { numRuns: 300 }
    );
  });
});

describe('parseConsultationEvent: builders round-trip', () => {
  it('a vote', () => {
    const content = consultationContent('vote', { consultation: 'c1', statement: '$stmt:example.org', value: 'disagree' });
    expect(parseConsultationEvent(ConsultationEvent.vote, content)).toEqual({
      type: 'vote',
      content: { consultation: 'c1', statement: '$stmt:example.org', value: 'disagree' }
    });
  });

  it('a statement, trimmed', () => {
    const content = consultationContent('statement', { consultation: 'c1', question: 'q2', text: '  The wells should be shared.  ' });
    expect(content.text).toBe('The wells should be shared.');
    expect(parseConsultationEvent(ConsultationEvent.statement, content)).toEqual({
      type: 'statement',
      content: { consultation: 'c1', question: 'q2', text: 'The wells should be shared.' }
    });
  });

  it('a definition', () => {
    const content = definitionContent(definition());
    expect(parseConsultationEvent(ConsultationEvent.definition, content)).toEqual({ type: 'definition', content: definition() });
  });

  it('a definition survives JSON transport', () => {
    const content = JSON.parse(JSON.stringify(definitionContent(definition({ opensAt: 1_800_000_000_000 })))) as unknown;
    expect(parseConsultationEvent(ConsultationEvent.definition, content)).toEqual({ type: 'definition', content: definition({ opensAt: 1_800_000_000_000 }) });
  });

  it('a question root message', () => {
    const message = questionMessage('c1', { id: 'q1', kind: 'open', text: 'What matters most to you?' });
    expect(message.body).toBe('What matters most to you?');
    expect(parseConsultationEvent(MSG, message)).toEqual({
      type: 'question',
      content: { consultation: 'c1', question: 'q1', text: 'What matters most to you?' }
    });
  });

  it.each([true, false])('an answer message (quotable %s)', (quotable) => {
    const message = answerMessage('c1', 'q1', '$root:example.org', '  Clean water, nearby.  ', quotable);
    expect(message['m.relates_to'].rel_type).toBe('m.thread');
    expect(parseConsultationEvent(MSG, message)).toEqual({
      type: 'answer',
      content: { consultation: 'c1', question: 'q1', quotable, text: 'Clean water, nearby.', thread: '$root:example.org' }
    });
  });

  it('an answer without quotable defaults to not quotable', () => {
    const message = answerMessage('c1', 'q1', '$root', 'text', true);
    const withoutQuotable = { ...message, [ANSWER_KEY]: { consultation: 'c1', question: 'q1' } };
    expect(parseConsultationEvent(MSG, withoutQuotable)).toMatchObject({ type: 'answer', content: { quotable: false } });
  });

  it('an endorsement with and without a reason', () => {
    const objection = consultationContent('endorsement', { consultation: 'c1', recommendation: 'r1', revision: 2, stance: 'object', reason: ' too vague ' });
    expect(parseConsultationEvent(ConsultationEvent.endorsement, objection)).toEqual({
      type: 'endorsement',
      content: { consultation: 'c1', recommendation: 'r1', revision: 2, stance: 'object', reason: 'too vague' }
    });
    const endorse = consultationContent('endorsement', { consultation: 'c1', recommendation: 'r1', revision: 1, stance: 'endorse' });
    expect(parseConsultationEvent(ConsultationEvent.endorsement, endorse)).toMatchObject({ type: 'endorsement', content: { stance: 'endorse' } });
  });

  it('builders refuse invalid content', () => {
    expect(() => consultationContent('vote', { consultation: 'c1', statement: '$s', value: 'maybe' as 'agree' })).toThrow();
    expect(() => consultationContent('statement', { consultation: 'c1', question: 'q1', text: '   ' })).toThrow();
    expect(() => definitionContent(definition({ k: 2 }))).toThrow();
    expect(() => definitionContent(definition({ questions: [] }))).toThrow();
  });
});

describe('parseConsultationEvent: refusals', () => {
  function padded(base: Record<string, unknown>, length: number): Record<string, unknown> {
    const empty = JSON.stringify({ ...base, pad: '' }).length;
    return { ...base, pad: 'x'.repeat(length - empty) };
  }
  const vote = { consultation: 'c1', statement: '$s', value: 'agree' };

  it('accepts content of exactly MAX_EVENT_CHARS and refuses one character more', () => {
    const atLimit = padded(vote, MAX_EVENT_CHARS);
    expect(JSON.stringify(atLimit)).toHaveLength(MAX_EVENT_CHARS);
    expect(parseConsultationEvent(ConsultationEvent.vote, atLimit)).toMatchObject({ type: 'vote' });
    const over = padded(vote, MAX_EVENT_CHARS + 1);
    expect(parseConsultationEvent(ConsultationEvent.vote, over)).toEqual({ type: 'malformed', consultation: 'c1' });
  });

  it('refuses an oversized definition that each field alone would allow', () => {
    const background = ['en', 'ru', 'uk', 'ro', 'tr', 'ar', 'sr', 'hy', 'ka', 'az', 'de', 'fr'].map((language) => ({ language, text: 'b'.repeat(6_000) }));
    const big = definition({ background });
    expect(() => definitionContent(big)).not.toThrow();
    expect(parseConsultationEvent(ConsultationEvent.definition, big)).toEqual({ type: 'malformed', consultation: 'c1' });
  });

  it('refuses an oversized answer message', () => {
    const message = { ...answerMessage('c1', 'q1', '$root', 'short', false), pad: 'x'.repeat(MAX_EVENT_CHARS) };
    expect(parseConsultationEvent(MSG, message)).toEqual({ type: 'malformed', consultation: null });
  });

  it('refuses an answer longer than MAX_ANSWER_CHARS', () => {
    expect(parseConsultationEvent(MSG, answerMessage('c1', 'q1', '$root', 'a'.repeat(MAX_ANSWER_CHARS), false))).toMatchObject({ type: 'answer' });
    expect(parseConsultationEvent(MSG, answerMessage('c1', 'q1', '$root', 'a'.repeat(MAX_ANSWER_CHARS + 1), false))).toEqual({
      type: 'malformed',
      consultation: 'c1'
    });
  });

  it('refuses a definition with k below 3', () => {
    expect(MIN_K).toBe(3);
    expect(parseConsultationEvent(ConsultationEvent.definition, definition({ k: 2 }))).toEqual({ type: 'malformed', consultation: 'c1' });
    expect(parseConsultationEvent(ConsultationEvent.definition, definition({ k: 0 }))).toEqual({ type: 'malformed', consultation: 'c1' });
    expect(parseConsultationEvent(ConsultationEvent.definition, definition({ k: 2.5 }))).toEqual({ type: 'malformed', consultation: 'c1' });
    expect(parseConsultationEvent(ConsultationEvent.definition, definition({ k: 3 }))).toMatchObject({ type: 'definition', content: { k: 3 } });
  });

  it('refuses an objection without a reason', () => {
    const base = { consultation: 'c1', recommendation: 'r1', revision: 1, stance: 'object' };
    expect(parseConsultationEvent(ConsultationEvent.endorsement, base)).toEqual({ type: 'malformed', consultation: 'c1' });
    expect(parseConsultationEvent(ConsultationEvent.endorsement, { ...base, reason: '' })).toEqual({ type: 'malformed', consultation: 'c1' });
    expect(parseConsultationEvent(ConsultationEvent.endorsement, { ...base, reason: '   \n ' })).toEqual({ type: 'malformed', consultation: 'c1' });
    expect(parseConsultationEvent(ConsultationEvent.endorsement, { ...base, stance: 'reservations' })).toMatchObject({ type: 'endorsement' });
  });

  it('refuses an answer without an m.thread relation', () => {
    const message = answerMessage('c1', 'q1', '$root', 'An answer', true);
    const { 'm.relates_to': _relation, ...withoutRelation } = message;
    expect(parseConsultationEvent(MSG, withoutRelation)).toEqual({ type: 'malformed', consultation: 'c1' });
    const reply = { ...message, 'm.relates_to': { 'm.in_reply_to': { event_id: '$root' } } };
    expect(parseConsultationEvent(MSG, reply)).toEqual({ type: 'malformed', consultation: 'c1' });
    const reference = { ...message, 'm.relates_to': { rel_type: 'm.reference', event_id: '$root' } };
    expect(parseConsultationEvent(MSG, reference)).toEqual({ type: 'malformed', consultation: 'c1' });
    const emptyRoot = { ...message, 'm.relates_to': { rel_type: 'm.thread', event_id: '' } };
    expect(parseConsultationEvent(MSG, emptyRoot)).toEqual({ type: 'malformed', consultation: 'c1' });
  });

  it('refuses question and answer messages with an empty body', () => {
    expect(parseConsultationEvent(MSG, { ...questionMessage('c1', { id: 'q1', kind: 'open', text: 'x' }), body: '  ' })).toEqual({
      type: 'malformed',
      consultation: 'c1'
    });
    expect(parseConsultationEvent(MSG, { ...answerMessage('c1', 'q1', '$root', 'x', false), body: '' })).toEqual({ type: 'malformed', consultation: 'c1' });
  });

  it('gives null for unknown event types and for plain messages', () => {
    const content = consultationContent('vote', { consultation: 'c1', statement: '$s', value: 'agree' });
    expect(parseConsultationEvent('org.parley.consultation.unknown', content)).toBeNull();
    expect(parseConsultationEvent('org.parley.dialogue.consent', { rules: '$r' })).toBeNull();
    expect(parseConsultationEvent('m.room.member', { membership: 'join' })).toBeNull();
    expect(parseConsultationEvent('ORG.PARLEY.CONSULTATION.VOTE', content)).toBeNull();
    expect(parseConsultationEvent(MSG, { msgtype: 'm.text', body: 'hello' })).toBeNull();
    expect(parseConsultationEvent(MSG, null)).toBeNull();
    expect(parseConsultationEvent('org.parley.consultation.unknown', { pad: 'x'.repeat(MAX_EVENT_CHARS) })).toBeNull();
  });

  it('names no consultation when the claimed id is unreadable', () => {
    expect(parseConsultationEvent(ConsultationEvent.vote, { consultation: 42, statement: '$s', value: 'agree' })).toEqual({ type: 'malformed', consultation: null });
    expect(parseConsultationEvent(ConsultationEvent.vote, { consultation: 'c'.repeat(256), statement: '$s', value: 'agree' })).toEqual({
      type: 'malformed',
      consultation: null
    });
    expect(parseConsultationEvent(ConsultationEvent.vote, 'c1')).toEqual({ type: 'malformed', consultation: null });
  });

  // Found by events.property.test.ts. The views key these lists (questions, constituencies and age
  // bands by id, background versions by language, tags and supports by value) and Svelte throws
  // on a duplicate key: one repeated entry broke the consultation's view for everyone.
  it('refuses a definition that repeats a question id, a label id or a background language', () => {
    const malformed = { type: 'malformed', consultation: 'c1' };
    const [q1, q2] = definition().questions;
    expect(parseConsultationEvent(ConsultationEvent.definition, definition({ questions: [q1, { ...q2, id: q1.id }] }))).toEqual(malformed);
    expect(parseConsultationEvent(ConsultationEvent.definition, definition({ constituencies: [{ id: 'n', label: 'North' }, { id: 'n', label: 'South' }] }))).toEqual(malformed);
    expect(parseConsultationEvent(ConsultationEvent.definition, definition({ ageBands: [{ id: 'a', label: '18–29' }, { id: 'a', label: '30+' }] }))).toEqual(malformed);
    const twice = [{ language: 'en', text: 'one' }, { language: 'en', text: 'two' }];
    expect(parseConsultationEvent(ConsultationEvent.definition, definition({ background: twice }))).toEqual(malformed);
    expect(() => definitionContent(definition({ background: twice }))).toThrow();
  });

  it('drops repeated tags and supports', () => {
    expect(parseConsultationEvent(ConsultationEvent.tag, { consultation: 'c1', answer: '$a', tags: ['water', ' water ', 'wells', 'water'] })).toEqual({
      type: 'tag',
      content: { consultation: 'c1', answer: '$a', tags: ['water', 'wells'] }
    });
    const supports = { statements: ['$s1', '$s2', '$s1'], answers: ['$a1', '$a1'] };
    const recommendation = { consultation: 'c1', recommendation: 'r1', revision: 1, text: 'Open the wells', supports };
    expect(parseConsultationEvent(ConsultationEvent.recommendation, recommendation)).toMatchObject({
      type: 'recommendation',
      content: { supports: { statements: ['$s1', '$s2'], answers: ['$a1'] } }
    });
  });

  it('refuses unknown phases and out-of-range ratings', () => {
    expect(parseConsultationEvent(ConsultationEvent.phase, { consultation: 'c1', phase: 'published' })).toEqual({ type: 'malformed', consultation: 'c1' });
    expect(parseConsultationEvent(ConsultationEvent.phase, { consultation: 'c1', phase: 'delivered' })).toMatchObject({ type: 'phase' });
    for (const value of [0, 6, 2.5, '3']) {
      expect(parseConsultationEvent(ConsultationEvent.rating, { consultation: 'c1', question: 'q3', value })).toEqual({ type: 'malformed', consultation: 'c1' });
    }
    expect(parseConsultationEvent(ConsultationEvent.rating, { consultation: 'c1', question: 'q3', value: 5 })).toMatchObject({ type: 'rating' });
  });
});

describe('dialogue parsers never throw', () => {
  const roomId = fc.string().map((s) => `!${s}`);
  const roomLike = fc.record(
    {
      role: fc.oneof(fc.constantFrom(...DIALOGUE_ROLES), anything),
      space: fc.oneof(roomId, anything),
      plenary: fc.oneof(roomId, anything),
      moderators: fc.oneof(roomId, anything),
      negotiators: fc.oneof(roomId, anything)
    },
    { requiredKeys: [] }
  );

  it('parseDialogueRoom', () => {
    fc.assert(
      fc.property(fc.oneof(anything, roomLike), (content) => {
        const room = parseDialogueRoom(content);
        if (room === null) return;
        expect(DIALOGUE_ROLES).toContain(room.role);
        for (const id of [room.space, room.plenary, room.moderators, room.negotiators]) expect(id.startsWith('!')).toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  it('parseGroundRules', () => {
    const rulesLike = fc.record({ text: fc.oneof(fc.string(), anything), languages: fc.oneof(fc.array(fc.constantFrom('en', 'fr', 'ar-SY', 'EN', '')), anything) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(anything, rulesLike), (content) => {
        const rules = parseGroundRules(content);
        if (rules === null) return;
        expect(rules.text.length).toBeGreaterThan(0);
        expect(rules.text).toBe(rules.text.trim());
        for (const language of rules.languages) expect(language).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
      }),
      { numRuns: 500 }
    );
  });

  it('parseConsent', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.record({ rules: fc.oneof(fc.string(), anything) })), (content) => {
        const rules = parseConsent(content);
        if (rules === null) return;
        expect(typeof rules).toBe('string');
        expect(rules.length).toBeGreaterThan(0);
        expect(rules).toBe((content as { rules: unknown }).rules);
      }),
      { numRuns: 500 }
    );
  });
});

describe('parseConsultationEvent: long chat messages', () => {
  it('leaves an oversized plain chat message alone (not a consultation event)', () => {
    expect(parseConsultationEvent('m.room.message', { msgtype: 'm.text', body: 'x'.repeat(60_001) })).toBeNull();
  });
});
