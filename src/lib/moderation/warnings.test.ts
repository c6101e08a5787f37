import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { warningInbox, type ReceivedWarning } from './warnings.ts';

const KEY = 'parley.warnings';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value)
  };
}

function warning(receivedAt: number, overrides: Partial<ReceivedWarning> = {}): ReceivedWarning {
  return { room: '!plenary:example.org', event: `$event${receivedAt}`, category: 'hate', from: '@mod:example.org', receivedAt, ...overrides };
}

/** The stored form: the warning's own fields nested under `warning`. */
function stored({ from, receivedAt, ...rest }: ReceivedWarning) {
  return { from, receivedAt, warning: rest };
}

describe('warningInbox', () => {
  it('starts empty when storage has nothing', () => {
    const storage = memoryStorage();
    expect(get(warningInbox(storage, KEY).warnings)).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  it('adds warnings in arrival order and persists them under the key', () => {
    const storage = memoryStorage();
    const inbox = warningInbox(storage, KEY);
    inbox.add(warning(1));
    inbox.add(warning(2, { category: 'threat', event: null }));
    expect(get(inbox.warnings)).toEqual([warning(1), warning(2, { category: 'threat', event: null })]);
    expect(JSON.parse(storage.getItem(KEY)!)).toEqual([stored(warning(1)), stored(warning(2, { category: 'threat', event: null }))]);
    expect([...storage.items.keys()]).toEqual([KEY]);
  });

  it('notifies subscribers on add and dismiss', () => {
    const inbox = warningInbox(memoryStorage(), KEY);
    const seen: number[][] = [];
    const unsubscribe = inbox.warnings.subscribe((list) => seen.push(list.map((w) => w.receivedAt)));
    inbox.add(warning(1));
    inbox.add(warning(2));
    inbox.dismiss(1);
    unsubscribe();
    expect(seen).toEqual([[], [1], [1, 2], [2]]);
  });

  it('dismisses by receivedAt, leaving the others, and persists that', () => {
    const storage = memoryStorage();
    const inbox = warningInbox(storage, KEY);
    inbox.add(warning(1));
    inbox.add(warning(2));
    inbox.add(warning(3));
    inbox.dismiss(2);
    expect(get(inbox.warnings).map((w) => w.receivedAt)).toEqual([1, 3]);
    expect(JSON.parse(storage.getItem(KEY)!).map((w: { receivedAt: number }) => w.receivedAt)).toEqual([1, 3]);
  });

  it('dismissing an unknown warning changes nothing', () => {
    const inbox = warningInbox(memoryStorage(), KEY);
    inbox.add(warning(1));
    inbox.dismiss(99);
    expect(get(inbox.warnings)).toEqual([warning(1)]);
  });

  it('a new inbox over the same storage and key reloads the warnings', () => {
    const storage = memoryStorage();
    const first = warningInbox(storage, KEY);
    first.add(warning(1, { category: 'misogyny' }));
    first.add(warning(2));
    first.dismiss(2);
    const second = warningInbox(storage, KEY);
    expect(get(second.warnings)).toEqual([warning(1, { category: 'misogyny' })]);
    // And carries on from there.
    second.add(warning(3));
    expect(get(second.warnings).map((w) => w.receivedAt)).toEqual([1, 3]);
  });

  it('keeps different keys apart', () => {
    const storage = memoryStorage();
    warningInbox(storage, 'a').add(warning(1));
    expect(get(warningInbox(storage, 'b').warnings)).toEqual([]);
    expect(get(warningInbox(storage, 'a').warnings)).toEqual([warning(1)]);
  });

  it.each([
    ['corrupted JSON', '{not json'],
    ['an empty string', ''],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an object instead of a list', JSON.stringify({ from: '@mod:example.org', receivedAt: 1, warning: {} })],
    ['a list of wrongly shaped entries', JSON.stringify([{ from: 1, receivedAt: 'yesterday', warning: {} }])],
  ])('starts empty, without throwing, from %s', (_, raw) => {
    const storage = memoryStorage({ [KEY]: raw });
    let inbox!: ReturnType<typeof warningInbox>;
    expect(() => (inbox = warningInbox(storage, KEY))).not.toThrow();
    expect(get(inbox.warnings)).toEqual([]);
    // And recovers: adding replaces the bad data with a valid list.
    inbox.add(warning(5));
    expect(get(inbox.warnings)).toEqual([warning(5)]);
    expect(get(warningInbox(storage, KEY).warnings)).toEqual([warning(5)]);
  });

  it.each([
    ['lacking `from`', { receivedAt: 2, warning: {} }],
    ['lacking `warning`', { from: '@mod:example.org', receivedAt: 2 }]
  ])('drops a stored entry %s and keeps the good one beside it', (_, bad) => {
    const storage = memoryStorage({ [KEY]: JSON.stringify([stored(warning(1)), bad]) });
    expect(get(warningInbox(storage, KEY).warnings)).toEqual([warning(1)]);
  });

  it('drops invalid warnings but keeps the valid ones beside them', () => {
    const storage = memoryStorage({
      [KEY]: JSON.stringify([
        stored(warning(1)),
        stored(warning(2, { category: 'spam' as never })),
        stored(warning(3, { room: '#plenary:example.org' })),
        stored(warning(4, { event: 'not-an-event' })),
        { from: '@mod:example.org', receivedAt: 5, warning: 'a string' },
        { from: '@mod:example.org', receivedAt: 6, warning: null },
        stored(warning(8, { category: 'other' }))
      ])
    });
    expect(get(warningInbox(storage, KEY).warnings)).toEqual([warning(1), warning(8, { category: 'other' })]);
  });

  it('strips unknown fields from stored warnings', () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify([{ ...stored(warning(1)), warning: { ...stored(warning(1)).warning, extra: 'x' } }]) });
    expect(get(warningInbox(storage, KEY).warnings)).toEqual([warning(1)]);
  });

  it('does not throw when storage itself throws on read', () => {
    const storage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {}
    };
    const inbox = warningInbox(storage, KEY);
    expect(get(inbox.warnings)).toEqual([]);
  });

  it('keeps at most 50 warnings, the newest', () => {
    const storage = memoryStorage();
    const inbox = warningInbox(storage, KEY);
    for (let i = 1; i <= 60; i++) inbox.add(warning(i));
    const kept = get(inbox.warnings).map((w) => w.receivedAt);
    expect(kept).toHaveLength(50);
    expect(kept[0]).toBe(11);
    expect(kept.at(-1)).toBe(60);
    expect(JSON.parse(storage.getItem(KEY)!)).toHaveLength(50);
    expect(get(warningInbox(storage, KEY).warnings).map((w) => w.receivedAt)).toEqual(kept);
  });

  it('trims an over-long stored list to the newest 50 on the next change', () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify(Array.from({ length: 70 }, (_, i) => stored(warning(i + 1)))) });
    const inbox = warningInbox(storage, KEY);
    inbox.add(warning(71));
    const kept = get(inbox.warnings).map((w) => w.receivedAt);
    expect(kept).toEqual(Array.from({ length: 50 }, (_, i) => i + 22));
  });

  // Found by events.property.test.ts. RoomView keys the warnings it shows by receivedAt, and
  // Svelte throws on a duplicate key: two warnings arriving in one sync got the same Date.now().
  it('gives warnings that arrive in the same millisecond receivedAt values of their own', () => {
    const inbox = warningInbox(memoryStorage(), KEY);
    inbox.add(warning(5, { category: 'hate' }));
    inbox.add(warning(5, { category: 'threat' }));
    inbox.add(warning(5, { category: 'other' }));
    expect(get(inbox.warnings).map((w) => [w.receivedAt, w.category])).toEqual([[5, 'hate'], [6, 'threat'], [7, 'other']]);
    inbox.dismiss(6);
    expect(get(inbox.warnings).map((w) => w.category)).toEqual(['hate', 'other']);
  });

  it('keeps stored warnings that share a receivedAt apart, and drops a receivedAt that is not a time', () => {
    const storage = memoryStorage({
      [KEY]: JSON.stringify([stored(warning(5)), stored(warning(5, { category: 'threat' })), { ...stored(warning(1)), receivedAt: 1e300 }])
    });
    expect(get(warningInbox(storage, KEY).warnings)).toEqual([warning(5), { ...warning(5, { category: 'threat' }), receivedAt: 6 }]);
  });

  describe('without storage', () => {
    it('starts empty and holds a warning in memory', () => {
      const inbox = warningInbox(null, KEY);
      expect(get(inbox.warnings)).toEqual([]);
      inbox.add(warning(1));
      expect(get(inbox.warnings)).toEqual([warning(1)]);
    });

    it('accumulates warnings in memory', () => {
      const inbox = warningInbox(null, KEY);
      inbox.add(warning(1));
      inbox.add(warning(2));
      expect(get(inbox.warnings)).toEqual([warning(1), warning(2)]);
    });

    it('dismissing one warning keeps the others', () => {
      const inbox = warningInbox(null, KEY);
      inbox.add(warning(1));
      inbox.add(warning(2));
      inbox.dismiss(1);
      expect(get(inbox.warnings)).toEqual([warning(2)]);
    });
  });
});
