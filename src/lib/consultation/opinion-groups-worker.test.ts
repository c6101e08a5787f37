import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeOpinionGroups, type OpinionGroupsInput, type Vote } from './opinion-groups.ts';
import {
  computeOpinionGroupsInWorker,
  packOpinionGroupsInput,
  stopOpinionGroupsWorker,
  type OpinionGroupsReply,
  type OpinionGroupsRequest
} from './opinion-groups-worker.ts';
import { answerOpinionGroupsRequest, unpackOpinionGroupsInput } from './opinion-groups.worker.ts';

/** Two camps of 8 on 6 statements, plus votes on an unknown statement and a vote changed later. */
function sampleInput(): OpinionGroupsInput {
  const statements = ['s1', 's2', 's3', 's4', 's5', 's6'];
  const votes: Vote[] = [];
  for (let i = 0; i < 16; i++) {
    const camp = i < 8;
    statements.forEach((s, j) => {
      if (j === i % 6 && i % 3 === 0) return;
      const agree = j === 5 || (j < 3 ? camp : !camp);
      votes.push({ participant: `@p${i}:example.org`, statement: s, value: agree ? 'agree' : 'disagree' });
    });
    if (i % 4 === 0) votes.push({ participant: `@p${i}:example.org`, statement: 'gone', value: 'pass' });
  }
  votes.push({ participant: '@p1:example.org', statement: 's1', value: 'pass' });
  return { statements, votes, moderatedOut: ['s4'], minGroupSize: 3 };
}

interface Listener {
  onmessage: ((event: MessageEvent<OpinionGroupsReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: (() => void) | null;
}

/** A stand-in for a module Web Worker that answers like opinion-groups.worker.ts, asynchronously. */
class FakeWorker implements Listener {
  static created: FakeWorker[] = [];
  onmessage: Listener['onmessage'] = null;
  onerror: Listener['onerror'] = null;
  onmessageerror: Listener['onmessageerror'] = null;
  terminated = false;
  posted: OpinionGroupsRequest[] = [];
  transfers: Transferable[][] = [];
  readonly url: URL;
  readonly options: WorkerOptions;
  constructor(url: URL, options: WorkerOptions) {
    this.url = url;
    this.options = options;
    FakeWorker.created.push(this);
  }
  postMessage(request: OpinionGroupsRequest, transfer: Transferable[]) {
    this.posted.push(request);
    this.transfers.push(transfer);
    const reply = answerOpinionGroupsRequest(structuredClone(request));
    setTimeout(() => this.onmessage?.({ data: reply } as MessageEvent<OpinionGroupsReply>), 0);
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  stopOpinionGroupsWorker();
  FakeWorker.created = [];
  vi.unstubAllGlobals();
});

describe('packing for the worker', () => {
  it('unpacks to exactly the same input', () => {
    const input = sampleInput();
    const { packed, transfer } = packOpinionGroupsInput(input);
    expect(packed.participantIds).toHaveLength(16);
    expect([...packed.statementIds].sort()).toEqual(['gone', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(transfer).toHaveLength(3);
    expect(unpackOpinionGroupsInput(structuredClone(packed))).toEqual(input);
  });

  it('keeps optional fields absent when absent', () => {
    const input: OpinionGroupsInput = { statements: ['a'], votes: [] };
    expect(unpackOpinionGroupsInput(packOpinionGroupsInput(input).packed)).toStrictEqual(input);
  });

  it('the worker answers with the same result as the main thread', () => {
    const input = sampleInput();
    const reply = answerOpinionGroupsRequest({ id: 7, input: packOpinionGroupsInput(input).packed });
    expect(reply).toEqual({ id: 7, result: computeOpinionGroups(input) });
  });

  it('the worker answers errors as { id, error }', () => {
    const bad = { ...packOpinionGroupsInput(sampleInput()).packed, statements: null as unknown as string[] };
    const reply = answerOpinionGroupsRequest({ id: 3, input: bad });
    expect(reply.id).toBe(3);
    expect('error' in reply && typeof reply.error).toBe('string');
  });
});

describe('computeOpinionGroupsInWorker', () => {
  it('computes on this thread where there is no Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    const input = sampleInput();
    expect(await computeOpinionGroupsInWorker(input)).toEqual(computeOpinionGroups(input));
  });

  it('starts one module worker and matches replies by id', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const a = sampleInput();
    const b = { ...sampleInput(), minGroupSize: 100 };
    const [ra, rb] = await Promise.all([computeOpinionGroupsInWorker(a), computeOpinionGroupsInWorker(b)]);
    expect(FakeWorker.created).toHaveLength(1);
    const [worker] = FakeWorker.created;
    expect(worker.url.pathname.endsWith('/opinion-groups.worker.ts')).toBe(true);
    expect(worker.options).toEqual({ type: 'module' });
    expect(worker.posted.map((r) => r.id)).toEqual([0, 1].map((n) => worker.posted[0].id + n));
    expect(worker.transfers[0]).toHaveLength(3);
    expect(ra).toEqual(computeOpinionGroups(a));
    expect(rb).toEqual(computeOpinionGroups(b));
    expect(rb.groups.every((g) => g.suppressed)).toBe(true);
  });

  it('rejects with the error the worker reports', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const bad = { ...sampleInput(), statements: null as unknown as string[] };
    await expect(computeOpinionGroupsInWorker(bad)).rejects.toThrow();
    // The worker is still usable afterwards.
    await expect(computeOpinionGroupsInWorker(sampleInput())).resolves.toBeDefined();
    expect(FakeWorker.created).toHaveLength(1);
  });

  it('rejects what waits when the worker fails, and starts a new one next time', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const waiting = computeOpinionGroupsInWorker(sampleInput());
    FakeWorker.created[0].onmessage = null;
    FakeWorker.created[0].fail('boom');
    await expect(waiting).rejects.toThrow(/boom/);
    expect(FakeWorker.created[0].terminated).toBe(true);
    await computeOpinionGroupsInWorker(sampleInput());
    expect(FakeWorker.created).toHaveLength(2);
  });

  it('stopOpinionGroupsWorker terminates the worker and rejects what waits', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const waiting = computeOpinionGroupsInWorker(sampleInput());
    stopOpinionGroupsWorker();
    await expect(waiting).rejects.toThrow(/stopped/);
    expect(FakeWorker.created[0].terminated).toBe(true);
  });
});
