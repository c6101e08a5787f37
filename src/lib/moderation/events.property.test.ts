// Hostile content against every moderation validator (reports, audit entries, room terms,
// policy rules and lists, warnings), the stored warning inbox, the policy matcher built from
// parsed rules, and the scanner built from parsed room terms.
import fc from 'fast-check';
import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import {
  check,
  everyFieldWrong,
  hostileContent,
  hostileStoredText,
  hostileString,
  isBoundedString,
  jsonOf,
  mutated,
  nearString
} from '../testing/hostile-arbitraries.ts';
import {
  auditContent,
  MODERATION_ACTIONS,
  parseAudit,
  parsePolicyLists,
  parsePolicyRule,
  parseReport,
  parseRoomTerms,
  parseWarning,
  policyListsContent,
  REPORT_CATEGORIES,
  reportContent,
  roomTermsContent,
  TERM_CATEGORIES,
  warningContent
} from './events.ts';
import { createPolicyMatcher, globToRegExp, ruleStateKey, serverOf, type PolicyRule } from './policy.ts';
import { createScanner } from './scan.ts';
import { warningInbox } from './warnings.ts';

const MATRIX_ID = /^@[^:\s]+:\S+$/;
const isRoomId = (value: unknown) => isBoundedString(value, 255) && value.startsWith('!');
const isEventId = (value: unknown) => isBoundedString(value, 255) && value.startsWith('$');
const isMatrixId = (value: unknown) => isBoundedString(value, 255) && MATRIX_ID.test(value);

const REPORT = {
  report: 'r-12345678',
  room: '!plenary:example.org',
  event: '$message:example.org',
  sender: '@offender:example.org',
  text: 'the reported message',
  language: 'en',
  categories: ['threat', 'hate'],
  reason: 'a threat',
  hits: [{ category: 'threat', severity: 3, term: 'kill' }],
  reporter: '@reporter:example.org'
};
const AUDIT = { action: 'ban', report: 'r-12345678', room: '!plenary:example.org', event: '$m:x', target: '@offender:example.org', entity: '@*:evil.example', reason: 'threats' };
const TERMS = { terms: [{ term: 'badword', category: 'hate', severity: 2, language: 'en' }] };
const RULE = { entity: '@spam:evil.example', recommendation: 'm.ban', reason: 'spam' };
const LISTS = { rooms: ['!list:example.org'] };
const WARNING = { room: '!plenary:example.org', event: '$m:x', category: 'hate' };

describe('moderation validators', () => {
  it('parseReport returns null or a report of the documented shape, which is valid content again', () => {
    check(hostileContent(REPORT), (content) => {
      const report = parseReport(content);
      if (report === null) return;
      expect(isBoundedString(report.report, 64, 8)).toBe(true);
      expect(isRoomId(report.room) && isEventId(report.event) && isMatrixId(report.sender)).toBe(true);
      expect(isBoundedString(report.text, 30_000) && isBoundedString(report.reason, 2_000)).toBe(true);
      expect(report.language === null || isBoundedString(report.language, 8)).toBe(true);
      expect(report.categories.length).toBeGreaterThan(0);
      for (const category of report.categories) expect(REPORT_CATEGORIES).toContain(category);
      expect(report.hits.length).toBeLessThanOrEqual(50);
      for (const hit of report.hits) expect(typeof hit.category === 'string' && typeof hit.severity === 'number' && isBoundedString(hit.term, 200)).toBe(true);
      expect(report.reporter === null || isMatrixId(report.reporter)).toBe(true);
      expect(reportContent(report)).toEqual(report);
    });
  });

  it('parseAudit returns null or an audit entry of the documented shape', () => {
    check(hostileContent(AUDIT), (content) => {
      const entry = parseAudit(content);
      if (entry === null) return;
      expect(MODERATION_ACTIONS).toContain(entry.action);
      expect(entry.report === null || isBoundedString(entry.report, 64)).toBe(true);
      expect(isRoomId(entry.room)).toBe(true);
      expect(entry.event === null || isEventId(entry.event)).toBe(true);
      expect(entry.target === null || isMatrixId(entry.target)).toBe(true);
      expect(entry.entity === null || isBoundedString(entry.entity, 255)).toBe(true);
      expect(isBoundedString(entry.reason, 2_000)).toBe(true);
      expect(auditContent(entry)).toEqual(entry);
    });
  });

  it('parseRoomTerms returns null or at most 500 trimmed terms of known categories and severities', () => {
    check(hostileContent(TERMS), (content) => {
      const terms = parseRoomTerms(content);
      if (terms === null) return;
      expect(terms.length).toBeLessThanOrEqual(500);
      for (const term of terms) {
        expect(isBoundedString(term.term, 100, 2) && term.term === term.term.trim()).toBe(true);
        expect(TERM_CATEGORIES).toContain(term.category);
        expect([1, 2, 3]).toContain(term.severity);
        expect(isBoundedString(term.language, 8)).toBe(true);
      }
      expect(roomTermsContent(terms)).toEqual({ terms });
    });
  });

  it('parsePolicyRule returns null or the trimmed entity and reason of a ban', () => {
    const rule = fc.oneof(hostileContent(RULE), fc.record({ entity: hostileString, recommendation: nearString(['m.ban', 'org.matrix.mjolnir.ban']), reason: hostileString }));
    check(rule, (content) => {
      const parsed = parsePolicyRule(content);
      if (parsed === null) return;
      expect(Object.keys(parsed).sort()).toEqual(['entity', 'reason']);
      expect(isBoundedString(parsed.entity, 255, 1) && parsed.entity === parsed.entity.trim()).toBe(true);
      expect(isBoundedString(parsed.reason, 2_000)).toBe(true);
      expect(['m.ban', 'org.matrix.mjolnir.ban']).toContain((content as { recommendation: unknown }).recommendation);
    });
  });

  it('parsePolicyLists returns null or at most 20 room ids', () => {
    check(hostileContent(LISTS), (content) => {
      const rooms = parsePolicyLists(content);
      if (rooms === null) return;
      expect(rooms.length).toBeLessThanOrEqual(20);
      for (const room of rooms) expect(isRoomId(room)).toBe(true);
      expect(policyListsContent(rooms).rooms).toEqual([...new Set(rooms)]);
    });
  });

  it('parseWarning returns null or a room, an event or null, and a known category', () => {
    check(hostileContent(WARNING), (content) => {
      const warning = parseWarning(content);
      if (warning === null) return;
      expect(isRoomId(warning.room) && (warning.event === null || isEventId(warning.event))).toBe(true);
      expect(REPORT_CATEGORIES).toContain(warning.category);
      expect(warningContent(warning)).toEqual(warning);
    });
  });

  it('each of them refuses content whose every field has the wrong type', () => {
    const all = fc.tuple(everyFieldWrong(REPORT), everyFieldWrong(AUDIT), everyFieldWrong(TERMS), everyFieldWrong(RULE), everyFieldWrong(LISTS), everyFieldWrong(WARNING));
    check(all, ([report, audit, terms, rule, lists, warning]) => {
      expect(parseReport(report)).toBeNull();
      expect(parseAudit(audit)).toBeNull();
      expect(parseRoomTerms(terms)).toBeNull();
      expect(parsePolicyRule(rule)).toBeNull();
      expect(parsePolicyLists(lists)).toBeNull();
      expect(parseWarning(warning)).toBeNull();
    });
  });
});

describe('warning inbox', () => {
  const STORED = { from: '@mod:example.org', receivedAt: 1_700_000_000_000, warning: WARNING };
  const storedText = fc.oneof(
    hostileStoredText(STORED),
    fc.array(fc.oneof(mutated(STORED), fc.constant<unknown>(STORED)), { maxLength: 60 }).map(jsonOf)
  );
  const received = fc.record({ room: fc.constant(WARNING.room), event: fc.constant(null), category: fc.constantFrom(...REPORT_CATEGORIES), from: hostileString, receivedAt: fc.constantFrom(1, 2, 1_700_000_000_000) });

  // RoomView keys the warnings it shows by receivedAt: two with the same one would break it.
  it('loads any stored text into at most 50 valid warnings, unique by receivedAt, also after more arrive', () => {
    check(fc.tuple(storedText, fc.array(received, { maxLength: 4 })), ([text, arriving]) => {
      const storage = { value: text, getItem: () => storage.value, setItem: (_key: string, value: string) => void (storage.value = value) };
      const inbox = warningInbox(storage, 'key');
      for (const warning of arriving) inbox.add(warning);
      const list = get(inbox.warnings);
      expect(list.length).toBeLessThanOrEqual(50);
      expect(new Set(list.map((w) => w.receivedAt)).size).toBe(list.length);
      for (const { from, receivedAt, ...warning } of list) {
        expect(typeof from === 'string' && Number.isSafeInteger(receivedAt)).toBe(true);
        expect(parseWarning(warning)).toEqual(warning);
      }
    });
  });
});

describe('policy matcher', () => {
  const LINE_TERMINATOR = /[\n\r\u2028\u2029]/u;

  /** Glob matching by dynamic programming over code points: `*` and `?` match no line terminator, as `.` does. */
  function globMatches(glob: string, text: string): boolean {
    const g = [...glob];
    // reach[j]: the first j characters of the glob match the text read so far.
    let reach = [true];
    for (let j = 0; j < g.length; j++) reach.push(reach[j] && g[j] === '*');
    for (const char of text) {
      const any = !LINE_TERMINATOR.test(char);
      const next = [false];
      for (let j = 0; j < g.length; j++) {
        next.push(g[j] === '*' ? next[j] || (any && reach[j + 1]) : reach[j] && (g[j] === '?' ? any : g[j] === char));
      }
      reach = next;
    }
    return reach[g.length];
  }

  it('globToRegExp matches as the glob says, on wildcard-heavy globs and long IDs alike, and quickly', () => {
    const unit = fc.constantFrom('*', '?', 'a', 'b', '@', ':', '.', '\n', '😀');
    const glob = fc.oneof(fc.string({ unit, maxLength: 12 }), fc.string({ unit: fc.constantFrom('*a', '*', 'a', '?'), minLength: 20, maxLength: 120 }).map((s) => `@${s}*b`));
    const text = fc.oneof(fc.string({ unit, maxLength: 12 }), fc.integer({ min: 1, max: 250 }).map((n) => `@${'a'.repeat(n)}:example.org`));
    check(fc.tuple(glob, text), ([g, t]) => {
      expect(globToRegExp(g).test(t)).toBe(globMatches(g, t));
    });
  });

  it('createPolicyMatcher, over rules parsed from hostile content, never throws and reports only its own rules', () => {
    const ruleContent = fc.oneof(hostileContent(RULE), fc.record({ entity: fc.oneof(hostileString, fc.string({ unit: fc.constantFrom('*', '?', 'a', ':', '@') })), recommendation: fc.constant('m.ban') }));
    const rules = fc.array(fc.tuple(fc.constantFrom<PolicyRule['kind']>('user', 'server'), ruleContent), { maxLength: 6 }).map((list) =>
      list.flatMap(([kind, content]): PolicyRule[] => {
        const parsed = parsePolicyRule(content);
        return parsed ? [{ kind, ...parsed, source: '!list:x', stateKey: ruleStateKey(parsed.entity) }] : [];
      })
    );
    const userIds = fc.array(fc.oneof(hostileString, nearString(['@spam:evil.example', '@a:b:8448', '@a'])), { maxLength: 6 });
    check(fc.tuple(rules, userIds), ([list, ids]) => {
      const matcher = createPolicyMatcher(list);
      for (const id of ids) {
        const found = matcher(id);
        expect(found === null || list.includes(found)).toBe(true);
        if (found?.kind === 'user') expect(globToRegExp(found.entity).test(id)).toBe(true);
        expect(typeof serverOf(id)).toBe('string');
      }
    });
  });
});

describe('scanner', () => {
  const scan = createScanner();

  it('scans any text without throwing, and reports well-formed hits', () => {
    check(hostileString, (text) => {
      const result = scan(text);
      expect(result.severity).toBe(result.hits.reduce((max, hit) => Math.max(max, hit.severity), 0));
      for (const hit of result.hits) expect([1, 2, 3]).toContain(hit.severity);
      for (const found of result.personalData) expect(typeof found.kind).toBe('string');
    }, 100);
  }, 30_000);

  // Each createScanner compiles the bundled lexicons (about 0.1 s), so fewer runs here.
  it('compiles room terms parsed from hostile content and scans with them', () => {
    check(fc.tuple(hostileContent(TERMS), hostileString.filter((s) => s.length < 1_000)), ([content, text]) => {
      const result = createScanner(parseRoomTerms(content) ?? [])(text);
      for (const hit of result.hits) expect(TERM_CATEGORIES as readonly string[]).toContain(hit.category);
    }, 20);
  }, 30_000);
});
