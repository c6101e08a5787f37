import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildVoteMatrix,
  clusterPoints,
  computeOpinionGroups,
  groupAwareConsensus,
  kmeans,
  oneProportionZ,
  pca,
  projectParticipant,
  repnessScores,
  selectClusteredParticipants,
  silhouette,
  twoProportionZ,
  type Vote,
  type VoteValue
} from './opinion-groups';

const CAMP = Array.from({ length: 12 }, (_, i) => `s${i + 1}`);
const BRIDGES = ['b1', 'b2'];
const ALL = [...CAMP, ...BRIDGES];

/** Camp A agrees s1–s6 / disagrees s7–s12, camp B the opposite; everyone agrees b1, b2. Each participant skips one camp statement. */
function camps(sizeA = 20, sizeB = 20, skip = true): Vote[] {
  const votes: Vote[] = [];
  const add = (p: string, camp: 'A' | 'B', n: number) => {
    CAMP.forEach((s, j) => {
      if (skip && j === n % 12) return;
      const first = j < 6;
      const agree = camp === 'A' ? first : !first;
      votes.push({ participant: p, statement: s, value: agree ? 'agree' : 'disagree' });
    });
    for (const b of BRIDGES) votes.push({ participant: p, statement: b, value: 'agree' });
  };
  for (let i = 0; i < sizeA; i++) add(`a${String(i).padStart(2, '0')}`, 'A', i);
  for (let i = 0; i < sizeB; i++) add(`b${String(i).padStart(2, '0')}`, 'B', i);
  return votes;
}

function campOf(id: string): 'A' | 'B' {
  return id.startsWith('a') ? 'A' : 'B';
}

describe('z-tests', () => {
  it('one-proportion z matches hand-computed value', () => {
    // 2·sqrt(11)·(9/11 − 0.5)
    expect(oneProportionZ(8, 10)).toBeCloseTo(2.1105794, 6);
    expect(oneProportionZ(0, 0)).toBeCloseTo(1, 10); // 2·1·(1 − 0.5)
    expect(oneProportionZ(5, 9)).toBeCloseTo(2 * Math.sqrt(10) * 0.1, 10);
  });

  it('two-proportion z matches hand-computed value', () => {
    // p1 = 9/11, p2 = 3/11, pooled = 12/22
    expect(twoProportionZ(8, 10, 2, 10)).toBeCloseTo(2.5690465, 6);
    expect(twoProportionZ(2, 10, 8, 10)).toBeCloseTo(-2.5690465, 6);
    expect(twoProportionZ(4, 10, 4, 10)).toBe(0);
  });

  it('two-proportion z is 0 when pooled proportion is 1', () => {
    expect(twoProportionZ(5, 5, 3, 3)).toBe(0);
  });

  it('repnessScores combines the formulas', () => {
    const r = repnessScores({ agree: 8, disagree: 1, pass: 1 }, { agree: 2, disagree: 7, pass: 1 });
    expect(r.pa).toBeCloseTo(9 / 12, 10);
    expect(r.pd).toBeCloseTo(2 / 12, 10);
    expect(r.pat).toBeCloseTo(oneProportionZ(8, 10), 10);
    expect(r.ra).toBeCloseTo(9 / 12 / (3 / 12), 10);
    expect(r.rd).toBeCloseTo(2 / 12 / (8 / 12), 10);
    expect(r.rat).toBeCloseTo(2.5690465, 6);
    expect(r.rdt).toBeCloseTo(twoProportionZ(1, 10, 7, 10), 10);
    expect(r.rdt).toBeLessThan(0);
  });

  it('group-aware consensus is the product of per-group agree shares', () => {
    expect(
      groupAwareConsensus([
        { agree: 3, disagree: 0, pass: 1 },
        { agree: 0, disagree: 2, pass: 0 }
      ])
    ).toBeCloseTo((4 / 6) * (1 / 4), 12);
  });
});

describe('vote matrix and participant selection', () => {
  it('latest vote wins and moderated columns are zeroed', () => {
    const m = buildVoteMatrix(
      ['x', 'y', 'z'],
      [
        { participant: 'p', statement: 'x', value: 'agree' },
        { participant: 'p', statement: 'x', value: 'disagree' },
        { participant: 'p', statement: 'z', value: 'agree' },
        { participant: 'q', statement: 'y', value: 'pass' },
        { participant: 'q', statement: 'unknown', value: 'agree' }
      ],
      ['z']
    );
    expect(m.participants).toEqual(['p', 'q']);
    expect(m.rows).toEqual([
      [1, null, 0],
      [null, 0, 0]
    ]);
    expect(m.voteCounts).toEqual([1, 1]);
  });

  it('selects participants with enough votes, filling up to 15 by heaviest voters (id tie-break)', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const counts = ids.map((_, i) => (i < 10 ? 8 : i < 14 ? 3 : 2));
    const sel = selectClusteredParticipants(ids, counts, 12);
    // 10 qualify, + 4 with 3 votes + first (by id) of those with 2 votes
    expect(sel).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const reversedIds = [...ids].reverse();
    const sel2 = selectClusteredParticipants(reversedIds, counts, 12);
    // among the 2-vote participants (indices 14..19) the smallest id is reversedIds[19] = p00
    expect(sel2).toContain(19);
    expect(sel2).not.toContain(14);
    expect(sel2).toHaveLength(15);
  });

  it('threshold is min(7, #statements)', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `p${i}`);
    expect(selectClusteredParticipants(ids, ids.map(() => 3), 3)).toHaveLength(20);
    expect(selectClusteredParticipants(ids.slice(0, 5), [1, 1, 1, 1, 1], 10)).toHaveLength(5);
  });
});

describe('pca', () => {
  it('finds the dominant direction and an orthonormal second component', () => {
    const rows = [
      [1, 1, 0],
      [-1, -1, 0],
      [1, 1, 0.1],
      [-1, -1, -0.1]
    ];
    const { center, components } = pca(rows, 3);
    expect(center.map((c) => Math.abs(c))).toEqual([0, 0, 0]);
    const [pc1, pc2] = components;
    expect(Math.abs(pc1[0])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(pc1[0]).toBeCloseTo(pc1[1], 6);
    const d = pc1.reduce((s, v, i) => s + v * pc2[i], 0);
    expect(d).toBeCloseTo(0, 8);
    expect(Math.hypot(...pc1)).toBeCloseTo(1, 8);
    expect(Math.hypot(...pc2)).toBeCloseTo(1, 8);
  });

  it('handles a start vector orthogonal to the dominant direction', () => {
    const { components } = pca(
      [
        [1, -1],
        [-1, 1]
      ],
      2
    );
    expect(Math.abs(components[0][0])).toBeCloseTo(Math.SQRT1_2, 6);
    expect(components[0][0]).toBeCloseTo(-components[0][1], 6);
  });

  it('fills missing values with the column mean and projects sparsely with scaling', () => {
    const res = pca(
      [
        [1, null],
        [-1, 1],
        [1, -1]
      ],
      2
    );
    expect(res.center[0]).toBeCloseTo(1 / 3, 10);
    expect(res.center[1]).toBeCloseTo(0, 10);
    const p = projectParticipant([1, null], [true, false], res);
    const expectedX = (1 - 1 / 3) * res.components[0][0] * Math.SQRT2;
    expect(p.x).toBeCloseTo(expectedX, 10);
    const none = projectParticipant([null, null], [false, false], res);
    expect(none).toEqual({ x: 0, y: 0 });
  });
});

describe('kmeans and silhouette', () => {
  it('separates two blobs and uses weighted means', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 10, y: 10 },
      { x: 11, y: 10 }
    ];
    const r = kmeans(pts, 2, [3, 1, 1, 1]);
    expect(r.assignment).toEqual([0, 0, 1, 1]);
    expect(r.centers[0].x).toBeCloseTo(0.25, 10);
    expect(r.centers[1].x).toBeCloseTo(10.5, 10);
    expect(r.weights).toEqual([4, 2]);
  });

  it('initial centres are the first k distinct points (k capped by distinct count)', () => {
    const pts = [
      { x: 5, y: 5 },
      { x: 5, y: 5 },
      { x: 0, y: 0 }
    ];
    const r = kmeans(pts, 3);
    expect(r.centers).toEqual([
      { x: 5, y: 5 },
      { x: 0, y: 0 }
    ]);
    expect(r.assignment).toEqual([0, 0, 1]);
  });

  it('silhouette matches hand-computed values', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 4, y: 0 }
    ];
    // s = 0.75, 2/3, 0 (singleton)
    expect(silhouette(pts, [0, 0, 1])).toBeCloseTo((0.75 + 2 / 3) / 3, 10);
    // weights [2,1,1]: s0 = (4 − 0.5)/4, s1 = (3 − 1)/3, s2 = 0
    expect(silhouette(pts, [0, 0, 1], [2, 1, 1])).toBeCloseTo((2 * 0.875 + 2 / 3) / 4, 10);
    expect(silhouette(pts, [0, 0, 0])).toBe(0);
  });

  it('clusterPoints picks 2 groups for two well-separated blobs and 1 for identical points', () => {
    const blob = (cx: number) =>
      Array.from({ length: 15 }, (_, i) => ({ x: cx + (i % 5) * 0.1, y: Math.floor(i / 5) * 0.1 }));
    const a = clusterPoints([...blob(0), ...blob(20)]);
    expect(new Set(a).size).toBe(2);
    expect(new Set(a.slice(0, 15)).size).toBe(1);
    expect(new Set(a.slice(15)).size).toBe(1);
    expect(clusterPoints([{ x: 1, y: 1 }, { x: 1, y: 1 }])).toEqual([0, 0]);
    expect(clusterPoints([])).toEqual([]);
  });
});

describe('computeOpinionGroups: two opposed camps', () => {
  const res = computeOpinionGroups({ statements: ALL, votes: camps() });

  it('finds exactly two groups of 20 that match the camps', () => {
    expect(res.groups).toHaveLength(2);
    for (const g of res.groups) {
      expect(g.suppressed).toBe(false);
      expect(g.size).toBe(20);
    }
    expect(res.clusteredCount).toBe(40);
    const gA = res.membership.get('a00');
    const gB = res.membership.get('b00');
    expect(gA).not.toBe(gB);
    for (const [id, g] of res.membership) expect(g).toBe(campOf(id) === 'A' ? gA : gB);
  });

  it('ranks bridge statements top by group-aware consensus', () => {
    expect(res.bridgeStatements).toHaveLength(ALL.length);
    expect(res.bridgeStatements.slice(0, 2).map((b) => b.statement).sort()).toEqual(BRIDGES);
    for (let i = 1; i < res.bridgeStatements.length; i++)
      expect(res.bridgeStatements[i - 1].consensus).toBeGreaterThanOrEqual(
        res.bridgeStatements[i].consensus
      );
  });

  it("gives each group its camp's statements with the right direction", () => {
    for (const g of res.groups) {
      if (g.suppressed) throw new Error('unexpected suppression');
      expect(g.representative.length).toBe(5);
      const camp = g.id === res.membership.get('a00') ? 'A' : 'B';
      for (const r of g.representative) {
        expect(CAMP).toContain(r.statement);
        const first = CAMP.indexOf(r.statement) < 6;
        const agrees = camp === 'A' ? first : !first;
        expect(r.direction).toBe(agrees ? 'agree' : 'disagree');
        expect(r.score).toBeGreaterThan(0);
      }
      for (let i = 1; i < g.representative.length; i++)
        expect(g.representative[i - 1].score).toBeGreaterThanOrEqual(g.representative[i].score);
    }
  });

  it('divisive statements are camp statements; majority agrees with the bridges only', () => {
    expect(res.divisiveStatements).toHaveLength(5);
    for (const d of res.divisiveStatements) {
      expect(CAMP).toContain(d.statement);
      expect(d.spread).toBeGreaterThan(0.8);
    }
    expect(res.majority.agree.map((m) => m.statement).sort()).toEqual(BRIDGES);
    expect(res.majority.disagree).toEqual([]);
  });

  it('reports per-group counts and anonymous points', () => {
    const b1 = res.statementCounts.find((s) => s.statement === 'b1');
    expect(b1?.groups.map((g) => g.agree)).toEqual([20, 20]);
    const s1 = res.statementCounts.find((s) => s.statement === 's1');
    const gA = res.membership.get('a00');
    const aCounts = s1?.groups.find((g) => g.group === gA);
    // a00, a12 skip s1
    expect(aCounts).toEqual({ group: gA, agree: 18, disagree: 0, pass: 0 });
    expect(res.points).toHaveLength(40);
    expect(res.points.map((p) => p.index)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(JSON.stringify(res.points)).not.toMatch(/a00|b00/);
  });

  it('is deterministic', () => {
    expect(computeOpinionGroups({ statements: ALL, votes: camps() })).toEqual(res);
  });

  it('latest vote wins: earlier opposite votes change nothing', () => {
    const votes = camps();
    const flipped: Vote[] = votes.map((v) => ({
      ...v,
      value: (v.value === 'agree' ? 'disagree' : 'agree') as VoteValue
    }));
    expect(computeOpinionGroups({ statements: ALL, votes: [...flipped, ...votes] })).toEqual(res);
  });
});

describe('computeOpinionGroups: moderation, selection, protection', () => {
  it('moderated-out statements are zeroed and never appear', () => {
    const noise: Vote[] = camps().map((v, i) => ({
      participant: v.participant,
      statement: 'x',
      value: (['agree', 'disagree', 'pass'] as const)[i % 3]
    }));
    const statements = [...ALL, 'x'];
    const withNoise = computeOpinionGroups({
      statements,
      votes: [...camps(), ...noise],
      moderatedOut: ['x', 's1']
    });
    const without = computeOpinionGroups({
      statements,
      votes: camps().filter((v) => v.statement !== 's1'),
      moderatedOut: ['x', 's1']
    });
    expect(withNoise.points).toEqual(without.points);
    const all = JSON.stringify({
      g: withNoise.groups,
      b: withNoise.bridgeStatements,
      m: withNoise.majority,
      d: withNoise.divisiveStatements,
      c: withNoise.statementCounts
    });
    expect(all).not.toMatch(/"x"|"s1"/);
    expect(withNoise.groups.filter((g) => !g.suppressed)).toHaveLength(2);
  });

  it('participants with too few votes are not clustered', () => {
    const votes = [
      ...camps(),
      { participant: 'lurker', statement: 's1', value: 'agree' as const },
      { participant: 'lurker', statement: 'b1', value: 'agree' as const }
    ];
    const res = computeOpinionGroups({ statements: ALL, votes });
    expect(res.clusteredCount).toBe(40);
    expect(res.membership.has('lurker')).toBe(false);
    // but the lurker still counts in everyone figures (majority)
    const b1 = res.majority.agree.find((m) => m.statement === 'b1');
    expect(b1?.p).toBeCloseTo(42 / 43, 10);
  });

  it('fills up to 15 participants with the heaviest voters', () => {
    const votes = camps(5, 5);
    for (let i = 0; i < 8; i++) {
      const n = i < 4 ? 3 : 1;
      for (let j = 0; j < n; j++) votes.push({ participant: `z${i}`, statement: CAMP[j], value: 'agree' });
    }
    const res = computeOpinionGroups({ statements: ALL, votes });
    expect(res.clusteredCount).toBe(15);
    for (const id of ['z0', 'z1', 'z2', 'z3', 'z4']) expect(res.membership.has(id)).toBe(true);
    for (const id of ['z5', 'z6', 'z7']) expect(res.membership.has(id)).toBe(false);
  });

  it('suppresses groups smaller than minGroupSize and gives no counts for them', () => {
    const res = computeOpinionGroups({ statements: ALL, votes: camps(20, 3, false) });
    expect(res.groups).toHaveLength(2);
    const small = res.groups.find((g) => g.suppressed);
    expect(small).toEqual({ id: res.membership.get('b00'), size: null, suppressed: true });
    const big = res.groups.find((g) => !g.suppressed);
    expect(big?.size).toBe(20);
    for (const s of res.statementCounts) {
      expect(s.groups).toHaveLength(1);
      expect(s.groups[0].group).toBe(res.membership.get('a00'));
    }
    expect(res.divisiveStatements).toEqual([]);
    expect(res.points.filter((p) => p.group === null)).toHaveLength(3);
    // group-aware consensus only uses the visible group: s1 (A agrees) beats s7 (A disagrees)
    const cons = new Map(res.bridgeStatements.map((b) => [b.statement, b.consensus]));
    expect(cons.get('s1')).toBeCloseTo(21 / 22, 10);
  });

  it('raises minGroupSize below 3 to 3', () => {
    const res2 = computeOpinionGroups({ statements: ALL, votes: camps(20, 2, false), minGroupSize: 2 });
    expect(res2.minGroupSize).toBe(3);
    expect(res2.groups.filter((g) => g.suppressed)).toHaveLength(1);
    const res3 = computeOpinionGroups({ statements: ALL, votes: camps(20, 3, false), minGroupSize: 3 });
    expect(res3.groups.filter((g) => g.suppressed)).toHaveLength(0);
    expect(computeOpinionGroups({ statements: ALL, votes: [] }).minGroupSize).toBe(5);
  });

  it('outputs no everyone figures when the whole population is below k', () => {
    const res = computeOpinionGroups({ statements: ALL, votes: camps(2, 2, false) });
    expect(res.majority).toEqual({ agree: [], disagree: [] });
    expect(res.groups.every((g) => g.suppressed)).toBe(true);
    expect(res.bridgeStatements).toEqual([]);
    expect(res.statementCounts.every((s) => s.groups.length === 0)).toBe(true);
  });

  it('handles empty input', () => {
    const res = computeOpinionGroups({ statements: [], votes: [] });
    expect(res.groups).toEqual([]);
    expect(res.points).toEqual([]);
    expect(res.clusteredCount).toBe(0);
  });
});

describe('property', () => {
  it('never throws; visible sizes plus suppressed members sum to clustered participants', () => {
    const arb = fc
      .record({
        nStatements: fc.integer({ min: 0, max: 8 }),
        nParticipants: fc.integer({ min: 0, max: 25 }),
        minGroupSize: fc.option(fc.integer({ min: -2, max: 10 }), { nil: undefined })
      })
      .chain(({ nStatements, nParticipants, minGroupSize }) =>
        fc.record({
          nStatements: fc.constant(nStatements),
          minGroupSize: fc.constant(minGroupSize),
          votes: fc.array(
            fc.record({
              participant: fc.integer({ min: 0, max: Math.max(nParticipants - 1, 0) }),
              statement: fc.integer({ min: 0, max: Math.max(nStatements, 1) }),
              value: fc.constantFrom<VoteValue>('agree', 'disagree', 'pass')
            }),
            { maxLength: 120 }
          ),
          moderated: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 3 })
        })
      );
    fc.assert(
      fc.property(arb, ({ nStatements, minGroupSize, votes, moderated }) => {
        const statements = Array.from({ length: nStatements }, (_, i) => `s${i}`);
        const res = computeOpinionGroups({
          statements,
          votes: votes.map((v) => ({
            participant: `p${v.participant}`,
            statement: `s${v.statement}`,
            value: v.value
          })),
          moderatedOut: moderated.map((i) => `s${i}`),
          minGroupSize
        });
        expect(res.membership.size).toBe(res.clusteredCount);
        expect(res.points).toHaveLength(res.clusteredCount);
        let total = 0;
        for (const g of res.groups) {
          if (g.suppressed) {
            const n = [...res.membership.values()].filter((x) => x === g.id).length;
            expect(n).toBeLessThan(res.minGroupSize);
            total += n;
          } else {
            expect(g.size).toBeGreaterThanOrEqual(res.minGroupSize);
            total += g.size;
          }
        }
        expect(total).toBe(res.clusteredCount);
        for (const p of res.points) {
          expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        }
      }),
      { numRuns: 150 }
    );
  });
});
