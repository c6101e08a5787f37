import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditContent, parseAudit, parseReport, parseRoomTerms, reportContent, roomTermsContent, type Report } from './events.ts';

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

  it('an audit entry round-trips; an unknown action is refused', () => {
    const entry = { action: 'ban' as const, report: report.report, room: report.room, event: report.event, target: report.sender, reason: 'threats' };
    expect(parseAudit(auditContent(entry))).toEqual(entry);
    expect(parseAudit({ ...entry, action: 'shame' })).toBeNull();
  });

  it('no validator throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ ...Object.fromEntries(Object.keys(report).map((k) => [k, fc.anything()])) })), (value) => {
        expect(() => parseReport(value)).not.toThrow();
        expect(() => parseAudit(value)).not.toThrow();
      }),
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
