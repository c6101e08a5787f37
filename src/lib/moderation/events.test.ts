import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditContent,
  parseAudit,
  parsePolicyLists,
  parsePolicyRule,
  parseReport,
  parseRoomTerms,
  parseWarning,
  PolicyRuleEvent,
  policyListsContent,
  policyRuleContent,
  reportContent,
  roomTermsContent,
  warningContent,
  type Report,
  type Warning
} from './events.ts';

const report: Report = {
  report: '0f7c2a9e-1111-4b7a-9d3c-5b0a1f2e3d4c',
  room: '!plenary:example.org',
  event: '$message',
  sender: '@offender:example.org',
  text: 'Get out of here',
  language: 'en',
  categories: ['hate'],
  reason: 'Not the first time',
  hits: [{ category: 'hate', severity: 2, term: 'get out' }],
  reporter: '@ana:example.org'
};

describe('moderation events', () => {
  it('a report round-trips through its builder and parser', () => {
    expect(parseReport(reportContent(report))).toEqual(report);
    expect(parseReport({ ...report, reporter: null })).toEqual({ ...report, reporter: null });
  });

  it('refuses reports without a category, with an unknown category, a bad sender or oversized text', () => {
    expect(parseReport({ ...report, categories: [] })).toBeNull();
    expect(parseReport({ ...report, categories: ['spam'] })).toBeNull();
    expect(parseReport({ ...report, sender: 'offender' })).toBeNull();
    expect(parseReport({ ...report, text: 'x'.repeat(50_000) })).toBeNull();
    expect(() => reportContent({ ...report, event: 'not-an-event-id' })).toThrow();
  });

  it('an audit entry round-trips, with entity defaulting to null; an unknown action is refused', () => {
    const entry = { action: 'ban' as const, report: report.report, room: report.room, event: report.event, target: report.sender, reason: 'threats' };
    expect(auditContent(entry)).toEqual({ ...entry, entity: null });
    expect(parseAudit(auditContent(entry))).toEqual({ ...entry, entity: null });
    expect(parseAudit(entry)).toEqual({ ...entry, entity: null });
    expect(parseAudit({ ...entry, action: 'shame' })).toBeNull();
  });

  it("an audit entry for a policy action keeps the rule's entity", () => {
    const entry = { action: 'policy' as const, report: null, room: report.room, event: null, target: null, entity: '@*:evil.example', reason: 'spam wave' };
    expect(parseAudit(auditContent(entry))).toEqual(entry);
    expect(parseAudit({ ...entry, entity: null })).toEqual({ ...entry, entity: null });
    expect(parseAudit({ ...entry, entity: 'x'.repeat(255) })?.entity).toBe('x'.repeat(255));
    expect(parseAudit({ ...entry, entity: 'x'.repeat(256) })).toBeNull();
    expect(parseAudit({ ...entry, entity: 42 })).toBeNull();
    expect(() => auditContent({ ...entry, entity: 'x'.repeat(256) })).toThrow();
  });

  it('no validator throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ ...Object.fromEntries(Object.keys(report).map((k) => [k, fc.anything()])) }),
          fc.record({ entity: fc.anything(), recommendation: fc.oneof(fc.constant('m.ban'), fc.anything()), reason: fc.anything() }, { requiredKeys: [] }),
          fc.record({ rooms: fc.oneof(fc.array(fc.string().map((s) => `!${s}`)), fc.anything()) }),
          fc.record({ room: fc.anything(), event: fc.anything(), category: fc.anything() }, { requiredKeys: [] })
        ),
        (value) => {
        expect(() => parseReport(value)).not.toThrow();
        expect(() => parseAudit(value)).not.toThrow();
        expect(() => parseRoomTerms(value)).not.toThrow();
        expect(() => parsePolicyRule(value)).not.toThrow();
        expect(() => parsePolicyLists(value)).not.toThrow();
        expect(() => parseWarning(value)).not.toThrow();
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe('room terms', () => {
  it('round-trip, and invalid lists are refused without throwing', () => {
    const terms = [{ term: 'ձուկ', category: 'hate' as const, severity: 2 as const, language: 'room' }];
    expect(parseRoomTerms(roomTermsContent(terms))).toEqual(terms);
    expect(parseRoomTerms({ terms: [{ ...terms[0], severity: 5 }] })).toBeNull();
    expect(parseRoomTerms({ terms: [{ ...terms[0], term: 'x' }] })).toBeNull();
    expect(parseRoomTerms('nonsense')).toBeNull();
  });
});

describe('policy rules', () => {
  it('lists the spec, older spec and Mjolnir event types for each kind', () => {
    expect(PolicyRuleEvent.user).toContain('m.policy.rule.user');
    expect(PolicyRuleEvent.server).toContain('m.policy.rule.server');
    expect(PolicyRuleEvent.user).toContain('org.matrix.mjolnir.rule.user');
    expect(PolicyRuleEvent.server).toContain('org.matrix.mjolnir.rule.server');
  });

  it('accepts a ban rule, with either the spec or the legacy Mjolnir recommendation', () => {
    expect(parsePolicyRule({ entity: '@spam:evil.example', recommendation: 'm.ban', reason: 'spam' })).toEqual({ entity: '@spam:evil.example', reason: 'spam' });
    expect(parsePolicyRule({ entity: '*.evil.example', recommendation: 'org.matrix.mjolnir.ban', reason: 'raids' })).toEqual({ entity: '*.evil.example', reason: 'raids' });
  });

  it('returns only the entity and reason', () => {
    expect(parsePolicyRule({ entity: 'evil.example', recommendation: 'm.ban', reason: 'r', extra: true })).toStrictEqual({ entity: 'evil.example', reason: 'r' });
  });

  it("the reason defaults to ''", () => {
    expect(parsePolicyRule({ entity: 'evil.example', recommendation: 'm.ban' })).toEqual({ entity: 'evil.example', reason: '' });
  });

  it('trims the entity', () => {
    expect(parsePolicyRule({ entity: '  evil.example\n', recommendation: 'm.ban' })?.entity).toBe('evil.example');
  });

  it('a removed rule (empty content) is null', () => {
    expect(parsePolicyRule({})).toBeNull();
  });

  it('rules recommending anything but a ban are null', () => {
    for (const recommendation of ['m.mute', 'm.takedown', 'org.matrix.mjolnir.mute', 'ban', 'M.BAN', '']) {
      expect(parsePolicyRule({ entity: 'evil.example', recommendation, reason: 'x' })).toBeNull();
    }
    expect(parsePolicyRule({ entity: 'evil.example', reason: 'x' })).toBeNull();
    expect(parsePolicyRule({ entity: 'evil.example', recommendation: ['m.ban'] })).toBeNull();
  });

  it('a missing, non-string, blank or over-long entity is null', () => {
    expect(parsePolicyRule({ recommendation: 'm.ban' })).toBeNull();
    expect(parsePolicyRule({ entity: 42, recommendation: 'm.ban' })).toBeNull();
    expect(parsePolicyRule({ entity: ['@a:b'], recommendation: 'm.ban' })).toBeNull();
    expect(parsePolicyRule({ entity: null, recommendation: 'm.ban' })).toBeNull();
    expect(parsePolicyRule({ entity: '', recommendation: 'm.ban' })).toBeNull();
    expect(parsePolicyRule({ entity: '   ', recommendation: 'm.ban' })).toBeNull();
    expect(parsePolicyRule({ entity: 'x'.repeat(255), recommendation: 'm.ban' })?.entity).toBe('x'.repeat(255));
    expect(parsePolicyRule({ entity: 'x'.repeat(256), recommendation: 'm.ban' })).toBeNull();
  });

  it('a non-string or over-long reason is null, not a rule with a wrong reason', () => {
    expect(parsePolicyRule({ entity: 'evil.example', recommendation: 'm.ban', reason: 7 })).toBeNull();
    expect(parsePolicyRule({ entity: 'evil.example', recommendation: 'm.ban', reason: 'x'.repeat(2_001) })).toBeNull();
  });

  it('non-object content is null', () => {
    for (const content of [null, undefined, 'm.ban', 42, []]) expect(parsePolicyRule(content)).toBeNull();
  });

  it('policyRuleContent builds a spec ban rule that parses back', () => {
    const content = policyRuleContent('@spam:evil.example', 'spam');
    expect(content).toStrictEqual({ entity: '@spam:evil.example', reason: 'spam', recommendation: 'm.ban' });
    expect(parsePolicyRule(content)).toEqual({ entity: '@spam:evil.example', reason: 'spam' });
    expect(policyRuleContent(' evil.example ', '')).toStrictEqual({ entity: 'evil.example', reason: '', recommendation: 'm.ban' });
  });

  it('policyRuleContent refuses a blank or over-long entity, or an over-long reason', () => {
    expect(() => policyRuleContent('', 'x')).toThrow();
    expect(() => policyRuleContent('   ', 'x')).toThrow();
    expect(() => policyRuleContent('x'.repeat(256), 'x')).toThrow();
    expect(() => policyRuleContent('evil.example', 'x'.repeat(2_001))).toThrow();
  });
});

describe('policy lists', () => {
  const rooms = ['!a:example.org', '!b:example.org'];

  it('round-trip', () => {
    expect(policyListsContent(rooms)).toEqual({ rooms });
    expect(parsePolicyLists(policyListsContent(rooms))).toEqual(rooms);
    expect(parsePolicyLists({ rooms: [] })).toEqual([]);
  });

  it('the builder removes duplicates, keeping first-seen order', () => {
    expect(policyListsContent(['!b:x', '!a:x', '!b:x', '!a:x'])).toEqual({ rooms: ['!b:x', '!a:x'] });
  });

  it('the builder refuses ids that are not room ids', () => {
    expect(() => policyListsContent(['#alias:example.org'])).toThrow();
    expect(() => policyListsContent(['!a:example.org', '@user:example.org'])).toThrow();
    expect(() => policyListsContent([`!${'x'.repeat(255)}`])).toThrow();
  });

  it('at most 20 lists, counted after removing duplicates', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `!list${i}:example.org`);
    expect(policyListsContent(twenty).rooms).toHaveLength(20);
    expect(policyListsContent([...twenty, ...twenty]).rooms).toEqual(twenty);
    expect(() => policyListsContent([...twenty, '!one-more:example.org'])).toThrow();
    expect(parsePolicyLists({ rooms: twenty })).toEqual(twenty);
    expect(parsePolicyLists({ rooms: [...twenty, '!one-more:example.org'] })).toBeNull();
  });

  it('the parser refuses non-room ids and wrong shapes', () => {
    expect(parsePolicyLists({ rooms: ['!a:x', '#b:x'] })).toBeNull();
    expect(parsePolicyLists({ rooms: [42] })).toBeNull();
    expect(parsePolicyLists({ rooms: '!a:x' })).toBeNull();
    expect(parsePolicyLists({})).toBeNull();
    expect(parsePolicyLists(null)).toBeNull();
    expect(parsePolicyLists(rooms)).toBeNull();
  });
});

describe('warnings', () => {
  const warning: Warning = { room: '!plenary:example.org', event: '$message', category: 'misogyny' };

  it('round-trip, with or without an event', () => {
    expect(warningContent(warning)).toEqual(warning);
    expect(parseWarning(warningContent(warning))).toEqual(warning);
    expect(parseWarning({ ...warning, event: null })).toEqual({ ...warning, event: null });
  });

  it('accepts every report category', () => {
    for (const category of ['threat', 'hate', 'misogyny', 'sexualHarassment', 'personalData', 'impersonation', 'other'] as const) {
      expect(parseWarning({ ...warning, category })?.category).toBe(category);
    }
  });

  it('drops unknown fields', () => {
    expect(parseWarning({ ...warning, text: 'free text from the moderator' })).toStrictEqual(warning);
  });

  it('refuses a bad room, event or category', () => {
    expect(parseWarning({ ...warning, room: '#plenary:example.org' })).toBeNull();
    expect(parseWarning({ ...warning, room: `!${'x'.repeat(255)}` })).toBeNull();
    expect(parseWarning({ ...warning, event: 'message' })).toBeNull();
    expect(parseWarning({ ...warning, event: undefined })).toBeNull();
    expect(parseWarning({ ...warning, category: 'spam' })).toBeNull();
    expect(parseWarning({ ...warning, category: undefined })).toBeNull();
    expect(parseWarning('misogyny')).toBeNull();
    expect(() => warningContent({ ...warning, category: 'spam' as never })).toThrow();
    expect(() => warningContent({ ...warning, room: 'plenary' })).toThrow();
  });
});
