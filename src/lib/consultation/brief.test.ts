import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  MAX_BRIEF_DOCUMENT_CHARS,
  REDACTED_ID,
  briefToCsv,
  briefToJson,
  briefToMarkdown,
  buildBrief,
  canonicalInputs,
  csvField,
  digestOf,
  opinionGroupsFromInputs,
  parseBriefDocument,
  redactMatrixIds,
  verifyBriefDocument,
  type Brief,
  type BriefDocument,
  type BriefLabels,
  type BriefSource,
  type StanceCounts
} from './brief.ts';
import type { Stance } from './events.ts';
import type { VoteValue } from './opinion-groups.ts';

/** Seeded PRNG (mulberry32), uniform in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS: BriefLabels = {
  title: 'Brief',
  recommendations: 'Recommendations',
  support: 'Support',
  overall: 'Overall',
  group: (n) => `Group ${n}`,
  constituency: 'Constituency',
  endorse: 'Endorse',
  reservations: 'Reservations',
  object: 'Object',
  responses: 'Responses',
  fewerThanK: 'fewer than k',
  bridges: 'Common ground',
  quotes: 'Quotes',
  participation: 'Participation',
  participants: 'Participants',
  voters: 'Voters',
  votes: 'Votes',
  statements: 'Statements',
  answers: 'Answers',
  ageBand: 'Age band',
  languages: 'Languages',
  reach: 'Reach',
  digest: 'Digest',
  consensus: 'Consensus',
  agree: 'Agree',
  disagree: 'Disagree',
  pass: 'Pass',
  section: 'Section',
  item: 'Item',
  measure: 'Measure',
  value: 'Value',
  text: 'Text'
};

const CAMP_STATEMENTS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
const BRIDGE_TEXTS = ['Schools must reopen for all children', 'Water access before any other talks'];

interface Person {
  id: string;
  camp: 'A' | 'B';
  constituency?: string;
  ageBand?: string;
}

/** Camp A agrees c1–c3 and disagrees c4–c6, camp B the opposite; everyone agrees both bridges. Each skips one camp statement. */
function campSource(people: Person[], k: number, extra: Partial<BriefSource> = {}): BriefSource {
  const votes: BriefSource['votes'] = [];
  people.forEach((p, n) => {
    CAMP_STATEMENTS.forEach((s, j) => {
      if (j === n % CAMP_STATEMENTS.length) return;
      const agree = (j < 3) === (p.camp === 'A');
      votes.push({ participant: p.id, statement: s, value: agree ? 'agree' : 'disagree' });
    });
    votes.push({ participant: p.id, statement: 'b1', value: 'agree' });
    votes.push({ participant: p.id, statement: 'b2', value: 'agree' });
  });
  return {
    consultation: { id: 'consultation-1', title: 'Northern valley consultation', languages: ['en', 'ar'], k, closedAt: 1_700_000_000_000 },
    statements: [
      ...CAMP_STATEMENTS.map((id, j) => ({ id, text: `Camp statement ${j + 1}` })),
      { id: 'b1', text: BRIDGE_TEXTS[0] },
      { id: 'b2', text: BRIDGE_TEXTS[1] }
    ],
    votes,
    recommendations: [
      { id: 'r1', revision: 2, text: 'Reopen the schools under joint supervision.', supports: { statements: ['b1', 'unknown'], answers: ['x'] } },
      { id: 'r2', revision: 1, text: 'Share the wells by rota.', supports: { statements: ['b2', 'c1'], answers: [] } }
    ],
    endorsements: people.flatMap((p) => [
      { participant: p.id, recommendation: 'r1', stance: (p.camp === 'A' ? 'endorse' : 'reservations') as Stance },
      { participant: p.id, recommendation: 'r2', stance: (p.camp === 'A' ? 'endorse' : 'object') as Stance }
    ]),
    profiles: people
      .filter((p) => p.constituency !== undefined || p.ageBand !== undefined)
      .map((p) => ({ participant: p.id, constituency: p.constituency ?? null, ageBand: p.ageBand ?? null })),
    constituencies: [
      { id: 'north', label: 'North' },
      { id: 'south', label: 'South' }
    ],
    ageBands: [
      { id: 'young', label: '18–29' },
      { id: 'old', label: '60+' }
    ],
    quotes: [{ question: 'What matters most?', text: 'That my children can walk to school.' }],
    participants: people.map((p) => p.id),
    answerCount: 7,
    reach: 'Reached two villages; no displaced people took part.',
    publishedAt: 1_700_000_100_000,
    ...extra
  };
}

function twoCampPeople(): Person[] {
  return [
    ...[1, 2, 3, 4].map((i): Person => ({ id: `@camp-a-${i}:example.org`, camp: 'A', constituency: 'north', ageBand: 'young' })),
    ...[1, 2, 3, 4].map((i): Person => ({ id: `@camp-b-${i}:example.org`, camp: 'B', constituency: 'south', ageBand: 'old' }))
  ];
}

/**
 * k = 5. Camp A has 6 people, camp B 4 (its opinion group is suppressed). Constituency North has
 * 5 people, South 2, and 3 have none (so 5 are unlabelled in the inputs). Age band 18–29 has 5,
 * 60+ has 2. Recommendation r3 has only 2 responses.
 */
function suppressionSource(): BriefSource {
  const people: Person[] = [
    ...[1, 2, 3, 4, 5].map((i): Person => ({ id: `@valley-a${i}:example.org`, camp: 'A', constituency: 'north', ageBand: 'young' })),
    { id: '@valley-a6:example.org', camp: 'A' },
    { id: '@valley-b1:example.org', camp: 'B', constituency: 'south', ageBand: 'old' },
    { id: '@valley-b2:example.org', camp: 'B', constituency: 'south', ageBand: 'old' },
    { id: '@valley-b3:example.org', camp: 'B' },
    { id: '@valley-b4:example.org', camp: 'B' }
  ];
  const source = campSource(people, 5);
  source.recommendations.push({ id: 'r3', revision: 1, text: 'A rarely endorsed idea.', supports: { statements: [], answers: [] } });
  source.endorsements.push(
    { participant: '@valley-a1:example.org', recommendation: 'r3', stance: 'endorse' },
    { participant: '@valley-b1:example.org', recommendation: 'r3', stance: 'object' }
  );
  return source;
}

const counts = (endorse: number, reservations: number, object: number): StanceCounts => ({
  endorse,
  reservations,
  object,
  responses: endorse + reservations + object
});

/** Minimal RFC 4180 reader (expects the BOM already stripped). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

function csvRows(brief: Brief): string[][] {
  const csv = briefToCsv(brief, LABELS);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return readCsv(csv.slice(1));
}

function allParticipantIds(source: BriefSource): string[] {
  return [
    ...new Set([
      ...source.participants,
      ...source.votes.map((x) => x.participant),
      ...source.endorsements.map((e) => e.participant),
      ...source.profiles.map((p) => p.participant)
    ])
  ];
}

/** Renames participants everywhere in a source. */
function renameParticipants(source: BriefSource, rename: (id: string) => string): BriefSource {
  return {
    ...source,
    participants: source.participants.map(rename),
    votes: source.votes.map((x) => ({ ...x, participant: rename(x.participant) })),
    endorsements: source.endorsements.map((e) => ({ ...e, participant: rename(e.participant) })),
    profiles: source.profiles.map((p) => ({ ...p, participant: rename(p.participant) }))
  };
}

describe('buildBrief on two camps with common ground', () => {
  it('finds two visible groups of 4, leads with the bridge statements and breaks endorsements down by group', async () => {
    const { brief, inputs } = await buildBrief(campSource(twoCampPeople(), 3), seeded(1));
    expect(brief.format).toBe('org.parley.brief.v1');
    expect(inputs.format).toBe('org.parley.brief-inputs.v1');
    expect(brief.groups).toHaveLength(2);
    expect(brief.groups.map((g) => g.size)).toEqual([4, 4]);

    expect(brief.bridges.slice(0, 2).map((b) => b.text).sort()).toEqual([...BRIDGE_TEXTS].sort());
    expect(brief.bridges.length).toBeLessThanOrEqual(5);
    for (const b of brief.bridges.slice(0, 2)) {
      expect(b).toMatchObject({ agree: 8, disagree: 0, pass: 0, total: 8 });
    }
    expect(brief.bridges[0].consensus).toBeGreaterThan(brief.bridges[2].consensus);

    const [r1, r2] = brief.recommendations;
    expect(r1.id).toBe('r1');
    expect(r1.revision).toBe(2);
    expect(r1.supportingStatements).toEqual([BRIDGE_TEXTS[0]]);
    expect(r2.supportingStatements).toEqual([BRIDGE_TEXTS[1], 'Camp statement 1']);
    expect(r1.support.overall).toEqual(counts(4, 4, 0));
    expect(r2.support.overall).toEqual(counts(4, 0, 4));
    // One group endorses r1 fully, the other has reservations: the groups are the camps.
    const byGroup = (r: Brief['recommendations'][number]) =>
      r.support.groups.map((g) => g.counts).sort((a, b) => (b?.endorse ?? 0) - (a?.endorse ?? 0));
    expect(r1.support.groups.map((g) => g.group).sort()).toEqual([0, 1]);
    expect(byGroup(r1)).toEqual([counts(4, 0, 0), counts(0, 4, 0)]);
    expect(byGroup(r2)).toEqual([counts(4, 0, 0), counts(0, 0, 4)]);
    expect(r1.support.constituencies).toEqual([
      { label: 'North', counts: counts(4, 0, 0) },
      { label: 'South', counts: counts(0, 4, 0) }
    ]);

    expect(brief.participation).toEqual({
      participants: 8,
      voters: 8,
      votes: 8 * 7,
      statements: 8,
      answers: 7,
      constituencies: [
        { label: 'North', count: 4 },
        { label: 'South', count: 4 }
      ],
      ageBands: [
        { label: '18–29', count: 4 },
        { label: '60+', count: 4 }
      ]
    });
    expect(brief.quotes).toEqual([{ question: 'What matters most?', text: 'That my children can walk to school.' }]);
  });

  it('publishes inputs from which the group figures and endorsement breakdowns are recomputed', async () => {
    const { brief, inputs } = await buildBrief(campSource(twoCampPeople(), 3), seeded(7));
    expect(inputs.statements.map((s) => s.id)).toEqual(['b1', 'b2', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(inputs.participants).toHaveLength(8);
    expect(inputs.votes).toHaveLength(56);
    const sorted = [...inputs.votes].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(inputs.votes).toEqual(sorted);

    const recomputed = opinionGroupsFromInputs(inputs);
    expect(recomputed.groups.map((g) => ({ group: g.id, size: g.suppressed ? null : g.size }))).toEqual(brief.groups);
    expect(recomputed.bridgeStatements[0].consensus).toBe(brief.bridges[0].consensus);
    for (const r of brief.recommendations) {
      for (const cell of r.support.groups) {
        const stances = inputs.endorsements
          .filter(([p, rec]) => rec === r.id && recomputed.membership.get(String(p)) === cell.group)
          .map(([, , s]) => s);
        expect(cell.counts?.responses).toBe(stances.length);
        expect(cell.counts?.endorse).toBe(stances.filter((s) => s === 'endorse').length);
      }
    }
    // Votes per value are preserved exactly.
    const tally = (values: VoteValue[]) => values.reduce<Record<string, number>>((t, x) => ({ ...t, [x]: (t[x] ?? 0) + 1 }), {});
    expect(tally(inputs.votes.map(([, , x]) => x))).toEqual(tally(campSource(twoCampPeople(), 3).votes.map((x) => x.value)));
  });

  it('keeps the latest of duplicate votes and endorsements, and ignores unknown statements and recommendations', async () => {
    const source = campSource(twoCampPeople(), 3);
    const someone = source.participants[0];
    source.votes.push({ participant: someone, statement: 'b1', value: 'disagree' });
    source.votes.push({ participant: someone, statement: 'nope', value: 'agree' });
    source.endorsements.push({ participant: someone, recommendation: 'r1', stance: 'object' });
    source.endorsements.push({ participant: '@stranger:example.org', recommendation: 'gone', stance: 'object' });
    const { brief, inputs } = await buildBrief(source, seeded(3));
    expect(inputs.votes).toHaveLength(56);
    expect(brief.recommendations[0].support.overall).toEqual(counts(3, 4, 1));
    expect(inputs.participants).toHaveLength(8);
    const b1 = brief.bridges.find((b) => b.text === BRIDGE_TEXTS[0]);
    expect(b1).toMatchObject({ agree: 7, disagree: 1, total: 8 });
  });
});

describe('k-suppression', () => {
  it('nulls every figure about fewer than k people in the JSON', async () => {
    const doc = await buildBrief(suppressionSource(), seeded(2));
    const { brief, inputs } = doc;
    expect(brief.consultation.k).toBe(5);
    // Opinion groups: camp A (6) visible, camp B (4) suppressed.
    expect(brief.groups.map((g) => g.size).sort()).toEqual([6, null]);
    const visible = brief.groups.find((g) => g.size !== null)!.group;
    for (const r of brief.recommendations) expect(r.support.groups.map((g) => g.group)).toEqual([visible]);
    const [r1, , r3] = brief.recommendations;
    expect(r1.support.overall).toEqual(counts(6, 4, 0));
    expect(r1.support.groups).toEqual([{ group: visible, counts: counts(6, 0, 0) }]);
    expect(r1.support.constituencies).toEqual([
      { label: 'North', counts: counts(5, 0, 0) },
      { label: 'South', counts: null }
    ]);
    // r3 has 2 responses: nothing about it is published.
    expect(r3.support.overall).toBeNull();
    expect(r3.support.groups).toEqual([{ group: visible, counts: null }]);
    expect(r3.support.constituencies.map((c) => c.counts)).toEqual([null, null]);
    expect(brief.participation.constituencies).toEqual([
      { label: 'North', count: 5 },
      { label: 'South', count: null }
    ]);
    expect(brief.participation.ageBands).toEqual([
      { label: '18–29', count: 5 },
      { label: '60+', count: null }
    ]);
    // South's two members are not labelled in the inputs either.
    expect(inputs.participants.filter((p) => p.constituency === 'North')).toHaveLength(5);
    expect(inputs.participants.filter((p) => p.constituency === null)).toHaveLength(5);
    expect(JSON.stringify(inputs)).not.toContain('South');
    const json = briefToJson(doc);
    expect(json).not.toMatch(/"size": 4/);
    expect(json).not.toMatch(/"count": 2/);
    expect(json).not.toMatch(/"responses": [0-4]\b/);
  });

  it('shows fewerThanK, never the small figure, in the Markdown', async () => {
    const { brief } = await buildBrief(suppressionSource(), seeded(2));
    const lines = briefToMarkdown(brief, LABELS).split('\n');
    const hidden = brief.groups.find((g) => g.size === null)!.group;
    const shown = brief.groups.find((g) => g.size !== null)!.group;
    expect(lines).toContain(`- Group ${hidden + 1} — Participants: fewer than k`);
    expect(lines).toContain(`- Group ${shown + 1} — Participants: 6`);
    expect(lines).toContain('- Constituency — South: fewer than k');
    expect(lines).toContain('- Constituency — North: 5');
    expect(lines).toContain('- Age band — 60+: fewer than k');
    // r3 (third recommendation): every support line is suppressed.
    const r3 = lines.indexOf('### 3.');
    const r3Support = lines.slice(r3).filter((l) => l.startsWith('- ')).slice(0, 4);
    expect(r3Support).toEqual([
      '- Overall: fewer than k',
      `- Group ${shown + 1}: fewer than k`,
      '- Constituency — North: fewer than k',
      '- Constituency — South: fewer than k'
    ]);
    // No line for the suppressed group at all in the support breakdowns, and no figure 4 or 2 next to it.
    expect(lines.filter((l) => l.startsWith(`- Group ${hidden + 1}:`))).toEqual([]);
    const south = lines.filter((l) => l.includes('South'));
    expect(south).toHaveLength(3 + 1); // three recommendations' support lines and the participation line
    expect(south.every((l) => l.endsWith('South: fewer than k'))).toBe(true);
    expect(lines.filter((l) => l.includes('60+'))).toEqual(['- Age band — 60+: fewer than k']);
  });

  it('shows fewerThanK, never the small figure, in the CSV', async () => {
    const { brief } = await buildBrief(suppressionSource(), seeded(2));
    const rows = csvRows(brief);
    const hidden = brief.groups.find((g) => g.size === null)!.group;
    const find = (section: string, item: string, measure: string) =>
      rows.filter((r) => r[0] === section && r[1] === item && r[2] === measure).map((r) => r[3]);
    expect(find('Participation', `Group ${hidden + 1}`, 'Participants')).toEqual(['fewer than k']);
    expect(find('Participation', 'Constituency — South', 'Participants')).toEqual(['fewer than k']);
    expect(find('Participation', 'Constituency — North', 'Participants')).toEqual(['5']);
    expect(find('Participation', 'Age band — 60+', 'Participants')).toEqual(['fewer than k']);
    const r3Number = rows.find((r) => r[0] === 'Recommendations' && r[2] === 'Text' && r[3] === 'A rarely endorsed idea.')![1];
    const r3Rows = rows.filter((r) => r[0] === 'Recommendations' && r[1] === r3Number && r[2] !== 'Text');
    expect(r3Rows.length).toBe(4 * 4); // overall, one visible group, two constituencies × 4 measures
    expect(r3Rows.every((r) => r[3] === 'fewer than k')).toBe(true);
    const southCells = rows.filter((r) => r[0] === 'Recommendations' && r[2].startsWith('Constituency — South'));
    expect(southCells).toHaveLength(3 * 4);
    expect(southCells.every((r) => r[3] === 'fewer than k')).toBe(true);
    // No recommendation row is about the suppressed group.
    expect(rows.some((r) => r[2].startsWith(`Group ${hidden + 1} `))).toBe(false);
    expect(rows.some((r) => r[0] === 'Recommendations' && r[2].endsWith('Responses') && /^[1-4]$/.test(r[3]))).toBe(false);
  });

  it('withdraws a large constituency when the unlabelled rest would be fewer than k', async () => {
    // North 6, South 2, everyone profiled: labelling North would single out South's 2 as the unlabelled ones.
    const people = twoCampPeople().concat([
      { id: '@camp-a-5:example.org', camp: 'A', constituency: 'north' },
      { id: '@camp-a-6:example.org', camp: 'A', constituency: 'north' }
    ]);
    people[4].constituency = 'north';
    people[5].constituency = 'north';
    const { brief, inputs } = await buildBrief(campSource(people, 3), seeded(5));
    const labels = inputs.participants.map((p) => p.constituency);
    expect(labels.filter((l) => l === 'South')).toEqual([]);
    // North would be 8 and South 2; with 2 unlabelled North must go too.
    expect(labels.every((l) => l === null)).toBe(true);
    expect(brief.participation.constituencies.every((c) => c.count === null)).toBe(true);
    expect(brief.recommendations.every((r) => r.support.constituencies.every((c) => c.counts === null))).toBe(true);
  });

  it('publishes no people figures and no quotes when fewer than k took part', async () => {
    const people = twoCampPeople().slice(0, 2);
    const { brief, inputs } = await buildBrief(campSource(people, 3), seeded(9));
    expect(brief.participation.participants).toBeNull();
    expect(brief.participation.voters).toBeNull();
    expect(brief.participation.votes).toBeNull();
    expect(brief.participation.answers).toBeNull();
    expect(brief.participation.statements).toBe(8);
    expect(brief.groups.every((g) => g.size === null)).toBe(true);
    expect(brief.bridges).toEqual([]);
    expect(brief.quotes).toEqual([]);
    expect(brief.recommendations.every((r) => r.support.overall === null)).toBe(true);
    expect(inputs.participants.every((p) => p.constituency === null)).toBe(true);
  });

  it('never lets k fall below 3', async () => {
    const source = campSource(twoCampPeople().slice(0, 2), 1);
    const { brief, inputs } = await buildBrief(source, seeded(1));
    expect(brief.consultation.k).toBe(3);
    expect(inputs.k).toBe(3);
    expect(brief.recommendations[0].support.overall).toBeNull();
  });
});

describe('no names or Matrix IDs', () => {
  it('leaves no participant id in JSON, Markdown or CSV, even when a text mentions one', async () => {
    const source = suppressionSource();
    source.statements[0].text = 'As @valley-b1:example.org said, the road is unsafe';
    source.recommendations[0].text = 'Ask @valley-a2:example.org (the mayor) to convene.';
    source.quotes.push({ question: 'Who?', text: 'Talk to @valley-a3:example.org:8448 first' });
    source.reach = 'Facilitated with @valley-a4:example.org.';
    const doc = await buildBrief(source, seeded(11));
    const outputs = [briefToJson(doc), briefToMarkdown(doc.brief, LABELS), briefToCsv(doc.brief, LABELS), canonicalInputs(doc.inputs)];
    const ids = allParticipantIds(source);
    expect(ids).toHaveLength(10);
    for (const out of outputs) {
      for (const id of ids) {
        expect(out).not.toContain(id);
        expect(out).not.toContain(id.slice(1, id.indexOf(':'))); // not even the localpart
      }
      expect(out).not.toContain('example.org');
    }
    expect(doc.inputs.statements.find((s) => s.id === 'c1')!.text).toBe(`As ${REDACTED_ID} said, the road is unsafe`);
    expect(doc.brief.reach).toBe(`Facilitated with ${REDACTED_ID}.`);
  });

  it('redacts Matrix user IDs but not e-mail addresses or plain @handles', () => {
    expect(redactMatrixIds('ping @alice:matrix.org, @bob:[::1]:8448 and @carol:host:80')).toBe(
      `ping ${REDACTED_ID}, ${REDACTED_ID} and ${REDACTED_ID}`
    );
    expect(redactMatrixIds('write to info@example.org or @someone')).toBe('write to info@example.org or @someone');
  });
});

describe('digest', () => {
  it('verifies and is the SHA-256 of the canonical inputs', async () => {
    const doc = await buildBrief(campSource(twoCampPeople(), 3), seeded(4));
    expect(doc.brief.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyBriefDocument(doc)).toBe(true);
    const independent = createHash('sha256').update(canonicalInputs(doc.inputs), 'utf8').digest('hex');
    expect(await digestOf(doc.inputs)).toBe(independent);
    expect(doc.brief.digest).toBe(independent);
  });

  it('is RFC 8785 canonical: key order does not matter, content does', async () => {
    const doc = await buildBrief(campSource(twoCampPeople(), 3), seeded(4));
    const reordered = Object.fromEntries(Object.entries(doc.inputs).reverse()) as unknown as BriefDocument['inputs'];
    expect(canonicalInputs(reordered)).toBe(canonicalInputs(doc.inputs));
    expect(canonicalInputs(doc.inputs).startsWith('{"consultation":"consultation-1","endorsements":[[0,')).toBe(true);
    expect(canonicalInputs(doc.inputs)).not.toMatch(/\s"|\n/);
  });

  it('fails verification when the inputs are tampered with', async () => {
    const doc = await buildBrief(campSource(twoCampPeople(), 3), seeded(4));
    const clone = (): BriefDocument => JSON.parse(briefToJson(doc));
    expect(await verifyBriefDocument(clone())).toBe(true);

    const flipped = clone();
    flipped.inputs.votes[0][2] = flipped.inputs.votes[0][2] === 'agree' ? 'disagree' : 'agree';
    expect(await verifyBriefDocument(flipped)).toBe(false);

    const dropped = clone();
    dropped.inputs.endorsements.pop();
    expect(await verifyBriefDocument(dropped)).toBe(false);

    const relabelled = clone();
    relabelled.inputs.participants[0].constituency = 'Elsewhere';
    expect(await verifyBriefDocument(relabelled)).toBe(false);

    const edited = clone();
    edited.inputs.statements[0].text += '!';
    expect(await verifyBriefDocument(edited)).toBe(false);

    const redigested = clone();
    redigested.brief.digest = '0'.repeat(64);
    expect(await verifyBriefDocument(redigested)).toBe(false);

    const otherConsultation = clone();
    otherConsultation.brief.consultation.id = 'consultation-2';
    expect(await verifyBriefDocument(otherConsultation)).toBe(false);
  });
});

describe('pseudonyms', () => {
  /** Six people; person j votes only on statement j, so each pseudonym can be traced back in tests. */
  function tracerSource(ids: string[]): BriefSource {
    const statementIds = ids.map((_, j) => `s${j}`);
    return {
      ...campSource([], 3),
      statements: statementIds.map((id) => ({ id, text: `Statement ${id}` })),
      votes: ids.map((p, j) => ({ participant: p, statement: statementIds[j], value: 'agree' as const })),
      recommendations: [],
      endorsements: [],
      profiles: [],
      participants: ids
    };
  }
  const IDS = ['@zoe:example.org', '@yusuf:example.org', '@xin:example.org', '@wanjiru:example.org', '@victor:example.org', '@uma:example.org'];
  /** Person (index into ids) behind each pseudonym. */
  const order = (inputs: BriefDocument['inputs']) =>
    inputs.participants.map((_, p) => Number(inputs.statements[inputs.votes.find(([q]) => q === p)![1]].id.slice(1)));

  it('follows the random function, not the ids', async () => {
    // random() ≈ 1 leaves Fisher–Yates at the identity: the input order, which is not sorted by id.
    const identity = await buildBrief(tracerSource(IDS), () => 0.999999);
    expect(order(identity.inputs)).toEqual([0, 1, 2, 3, 4, 5]);
    const sortedById = IDS.map((id, j) => [id, j] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, j]) => j);
    expect(order(identity.inputs)).not.toEqual(sortedById);

    const orders = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const o = order((await buildBrief(tracerSource(IDS), seeded(seed))).inputs);
      expect([...o].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      orders.add(o.join());
    }
    expect(orders.size).toBeGreaterThan(10);
  });

  it('is identical for the same seed whatever the ids are', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^@[a-z0-9]{1,12}:[a-z]{1,8}\.org$/), { minLength: 6, maxLength: 6 }),
        fc.integer(),
        async (names, seed) => {
          const a = await buildBrief(tracerSource(IDS), seeded(seed));
          const b = await buildBrief(tracerSource(names), seeded(seed));
          expect(order(b.inputs)).toEqual(order(a.inputs));
          expect(b.brief.digest).toBe(a.brief.digest);
        }
      ),
      { numRuns: 30 }
    );
  });

  it('renaming every participant in a full consultation leaves the inputs unchanged', async () => {
    const source = suppressionSource();
    const renamed = renameParticipants(source, (id) => id.replace('@valley-', '@zz-').replace('example.org', 'other.net'));
    const a = await buildBrief(source, seeded(21));
    const b = await buildBrief(renamed, seeded(21));
    expect(b.inputs).toEqual(a.inputs);
    expect(b.brief).toEqual(a.brief);
  });

  it('uses crypto randomness by default', async () => {
    const doc = await buildBrief(tracerSource(IDS));
    expect([...order(doc.inputs)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await verifyBriefDocument(doc)).toBe(true);
  });

  it('rejects a random function that leaves [0, 1)', async () => {
    await expect(buildBrief(tracerSource(IDS), () => 1)).rejects.toThrow(RangeError);
  });
});

describe('CSV', () => {
  it('starts with a BOM, ends records with CRLF and has the labelled columns', async () => {
    const { brief } = await buildBrief(campSource(twoCampPeople(), 3), seeded(1));
    const csv = briefToCsv(brief, LABELS);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Section', 'Item', 'Measure', 'Value']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    // 2 recommendations × (their text + (overall + 2 groups + 2 constituencies) × 4 measures).
    expect(rows.filter((r) => r[0] === 'Recommendations')).toHaveLength(2 * (1 + 5 * 4));
    expect(rows.filter((r) => r[0] === 'Recommendations' && r[2] === 'Text')).toEqual(
      brief.recommendations.map((rec, i) => ['Recommendations', String(i + 1), 'Text', rec.text])
    );
    expect(rows.find((r) => r[0] === 'Recommendations' && r[1] === '2' && r[2] === 'Overall — Endorse')?.[3]).toBe(
      String(brief.recommendations[1].support.overall?.endorse)
    );
    expect(rows.filter((r) => r[0] === 'Common ground' && r[1] === BRIDGE_TEXTS[0]).map((r) => [r[2], r[3]])).toEqual([
      ['Consensus', brief.bridges.find((b) => b.text === BRIDGE_TEXTS[0])!.consensus.toFixed(4)],
      ['Agree', '8'],
      ['Disagree', '0'],
      ['Pass', '0'],
      ['Votes', '8']
    ]);
    expect(rows.find((r) => r[0] === 'Participation' && r[2] === 'Voters')?.[3]).toBe('8');
    expect(rows.at(-1)).toEqual(['Digest', '', 'SHA-256', brief.digest]);
  });

  it('quotes and doubles per RFC 4180 and guards against formula injection', async () => {
    const source = campSource(twoCampPeople(), 3);
    source.consultation.title = '=HYPERLINK("http://evil.example","click")';
    source.statements[6].text = 'Roads, bridges and "safe" passage\nfor everyone';
    source.recommendations[0].text = '+1 to reopening';
    source.recommendations[1].text = '-2 wells per village';
    source.reach = '@SUM(A1:A9)';
    source.quotes = [{ question: '\tTabbed', text: '\rCarriage' }];
    const { brief } = await buildBrief(source, seeded(1));
    const csv = briefToCsv(brief, LABELS);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")"\r\n`);
    expect(csv).toContain('"Roads, bridges and ""safe"" passage\nfor everyone"');
    const rows = readCsv(csv.slice(1));
    const values = rows.flat();
    expect(values).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(values).toContain("'+1 to reopening");
    expect(values).toContain("'-2 wells per village");
    expect(values).toContain("'@SUM(A1:A9)");
    expect(values).toContain("'\tTabbed");
    expect(values).toContain("'\rCarriage");
    expect(values).toContain('Roads, bridges and "safe" passage\nfor everyone');
    for (const v of values) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  // Found by the property helper: with the text on every figure's row, a 1 MB recommendation
  // in 20 constituencies made a string longer than the engine allows, and the export threw.
  it('gives each recommendation text once, however long', async () => {
    const { brief } = await buildBrief(campSource(twoCampPeople(), 3), seeded(1));
    const long = 'w'.repeat(1_000_000);
    brief.recommendations[0].text = long;
    brief.recommendations[0].support.constituencies = Array.from({ length: 20 }, (_, i) => ({ label: `C${i}`, counts: null }));
    const csv = briefToCsv(brief, LABELS);
    expect(csv.split(long)).toHaveLength(2);
    expect(csv.length).toBeLessThan(long.length + 20_000);
  });

  it('csvField escapes exactly when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField('\rX')).toBe(`"'\rX"`);
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('مرحبا')).toBe('مرحبا');
  });
});

describe('Markdown', () => {
  it('has the sections, support lines, blockquoted quotes and digest', async () => {
    const { brief } = await buildBrief(campSource(twoCampPeople(), 3), seeded(1));
    const md = briefToMarkdown(brief, LABELS);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Brief: Northern valley consultation');
    for (const h of ['## Recommendations', '## Common ground', '## Quotes', '## Participation', '## Languages', '## Reach', '## Digest']) {
      expect(lines).toContain(h);
    }
    expect(lines).toContain('- Overall: Endorse 4, Reservations 4, Object 0, Responses 8');
    expect(lines).toContain('- Constituency — North: Endorse 4, Reservations 0, Object 0, Responses 4');
    expect(lines).toContain('> That my children can walk to school.');
    expect(lines).toContain('en, ar');
    expect(lines).toContain(`SHA-256: \`${brief.digest}\``);
    expect(lines.filter((l) => /^1\. Schools must reopen|^1\. Water access/.test(l))).toHaveLength(1);
  });

  it('lets no raw HTML or block markup through from user text', async () => {
    const source = campSource(twoCampPeople(), 3);
    source.consultation.title = '<img src=x onerror=alert(1)>';
    source.recommendations[0].text = '# Not a heading\n<script>alert(1)</script>\n1. not a list\n- nor this\n[link](javascript:alert(1))';
    source.quotes = [{ question: '**Q**', text: 'line one\n> not nested\n\nline three' }];
    const { brief } = await buildBrief(source, seeded(1));
    const md = briefToMarkdown(brief, LABELS);
    expect(md).not.toMatch(/<(?!\s)/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('# Brief: &lt;img src=x onerror=alert(1)&gt;');
    const lines = md.split('\n');
    expect(lines).toContain('\\# Not a heading');
    expect(lines).toContain('1\\. not a list');
    expect(lines).toContain('\\- nor this');
    expect(lines).toContain('\\[link\\](javascript:alert(1))');
    expect(lines).toContain('**\\*\\*Q\\*\\***');
    expect(lines).toContain('> &gt; not nested');
    expect(lines).toContain('>');
  });

  // Found by events.property.test.ts: `\s*[\r\n]+\s*` took quadratic time on a long run of
  // spaces (tens of seconds for a document's 20,000-space texts), freezing the export.
  it('puts a line break inside a long run of white space on one line, at once', async () => {
    const { brief } = await buildBrief(campSource(twoCampPeople(), 3), seeded(1));
    const spaces = ' '.repeat(200_000);
    brief.consultation.title = `Water${spaces}\n${spaces}access${spaces}now`;
    const started = performance.now();
    const [title] = briefToMarkdown(brief, LABELS).split('\n');
    expect(title).toBe(`# Brief: Water access${spaces}now`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('parseBriefDocument', () => {
  it('round-trips a valid document, as a value and as JSON text', async () => {
    const doc = await buildBrief(suppressionSource(), seeded(2));
    const json = briefToJson(doc);
    expect(parseBriefDocument(JSON.parse(json))).toEqual(doc);
    expect(parseBriefDocument(json)).toEqual(doc);
    expect(await verifyBriefDocument(parseBriefDocument(json)!)).toBe(true);
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(parseBriefDocument(value)).toBeNull();
        expect(parseBriefDocument(JSON.stringify(value) ?? '')).toBeNull();
      }),
      { numRuns: 500 }
    );
    for (const odd of [undefined, null, '', '{', 'null', Symbol('x'), () => 1, 10n, new Map(), Object.create(null)]) {
      expect(parseBriefDocument(odd)).toBeNull();
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseBriefDocument(cyclic)).toBeNull();
    const hostile = { get brief() { throw new Error('boom'); }, inputs: {} };
    expect(parseBriefDocument(hostile)).toBeNull();
  });

  it('never throws on mutated valid documents, and rejects type-breaking mutations', async () => {
    const doc = await buildBrief(campSource(twoCampPeople(), 3), seeded(1));
    const original = JSON.parse(briefToJson(doc)) as unknown;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((x, i) => walk(x, [...path, i]));
      else if (value !== null && typeof value === 'object') for (const [key, x] of Object.entries(value)) walk(x, [...path, key]);
    };
    walk(original, []);
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.oneof(fc.anything(), fc.constant(undefined)), fc.boolean(), (i, replacement, remove) => {
        const copy = JSON.parse(JSON.stringify(original)) as Record<string | number, unknown>;
        const path = paths[i];
        if (path.length === 0) return;
        let parent: Record<string | number, unknown> = copy;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1];
        if (remove && !Array.isArray(parent)) delete parent[last];
        else parent[last] = replacement;
        const result = parseBriefDocument(copy);
        // Compared as JSON: a -0 that fast-check inserts is 0 once serialised, as in any download.
        if (result !== null) expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(copy)));
      }),
      { numRuns: 1_000 }
    );
  });

  it('rejects negative, fractional and non-finite figures, extra keys and dangling references', async () => {
    const doc = await buildBrief(campSource(twoCampPeople(), 3), seeded(1));
    const mutate = (f: (d: any) => void) => {
      const copy = JSON.parse(briefToJson(doc));
      f(copy);
      return parseBriefDocument(copy);
    };
    expect(mutate(() => {})).not.toBeNull();
    expect(mutate((d) => (d.brief.participation.participants = -8))).toBeNull();
    expect(mutate((d) => (d.brief.participation.voters = 8.5))).toBeNull();
    expect(mutate((d) => (d.brief.participation.votes = Number.NaN))).toBeNull();
    expect(mutate((d) => (d.brief.participation.answers = Infinity))).toBeNull();
    expect(mutate((d) => (d.brief.participation.answers = '7'))).toBeNull();
    expect(mutate((d) => (d.brief.groups[0].size = 4.2))).toBeNull();
    expect(mutate((d) => (d.brief.recommendations[0].support.overall.endorse = -1))).toBeNull();
    expect(mutate((d) => (d.brief.recommendations[0].support.overall.responses = 9))).toBeNull();
    expect(mutate((d) => (d.brief.bridges[0].consensus = 1.5))).toBeNull();
    expect(mutate((d) => (d.brief.consultation.k = 2))).toBeNull();
    expect(mutate((d) => (d.brief.digest = d.brief.digest.toUpperCase()))).toBeNull();
    expect(mutate((d) => (d.brief.extra = true))).toBeNull();
    expect(mutate((d) => (d.inputs.participants[0].id = '@x:y.org'))).toBeNull();
    expect(mutate((d) => (d.inputs.votes[0][0] = 8))).toBeNull();
    expect(mutate((d) => (d.inputs.votes[0][1] = 1.5))).toBeNull();
    expect(mutate((d) => d.inputs.votes[0].push('extra'))).toBeNull();
    expect(mutate((d) => (d.inputs.endorsements[0][1] = 'r9'))).toBeNull();
    expect(mutate((d) => (d.inputs.k = 4))).toBeNull();
    expect(mutate((d) => (d.inputs.format = 'org.parley.brief-inputs.v2'))).toBeNull();
    // A published figure about fewer than k people is not a valid brief.
    expect(mutate((d) => (d.brief.participation.constituencies[0].count = 2))).toBeNull();
    expect(mutate((d) => (d.brief.recommendations[0].support.overall = { endorse: 1, reservations: 1, object: 0, responses: 2 }))).toBeNull();
  });

  // Found by events.property.test.ts: BriefView keys recommendations by id, and Svelte throws on
  // a duplicate key, so a document naming one twice broke the view.
  it('rejects a document that names a recommendation twice', async () => {
    const doc = JSON.parse(briefToJson(await buildBrief(campSource(twoCampPeople(), 3), seeded(1))));
    doc.brief.recommendations.push({ ...doc.brief.recommendations[0], text: 'the same id again' });
    expect(parseBriefDocument(doc)).toBeNull();
  });

  it('rejects documents over 20 MB without parsing them', async () => {
    const doc = await buildBrief(campSource(twoCampPeople(), 3), seeded(1));
    const big = JSON.parse(briefToJson(doc));
    big.brief.reach = 'x'.repeat(MAX_BRIEF_DOCUMENT_CHARS);
    expect(parseBriefDocument(big)).toBeNull();
    expect(parseBriefDocument(JSON.stringify(big))).toBeNull();
    const fits = JSON.parse(briefToJson(doc));
    fits.brief.reach = 'x'.repeat(1_000_000);
    expect(parseBriefDocument(fits)).not.toBeNull();
  });
});
