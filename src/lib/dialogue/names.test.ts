import { describe, expect, it } from 'vitest';
import { cleanDisplayName, disambiguatedNames, lookAlikeNames, roomNameContent, roomTitle, type NamedMember } from './names.ts';

function labels(members: NamedMember[]): Record<string, string> {
  return Object.fromEntries(disambiguatedNames(members));
}

describe('roomTitle', () => {
  it('neutralises bidi overrides, isolates and zero-width characters in room names', () => {
    // "Plenary" with a right-to-left override that would show "yranelP", an isolate, and zero-width joiners.
    expect(roomTitle({ name: '\u202ePlenary\u2066 \u200dcheckpoint\u200b\u2069', roomId: '!a:b' })).toBe('Plenary checkpoint');
  });

  it('falls back to the room ID when nothing visible is left', () => {
    expect(roomTitle({ name: '\u200b\u202e\u2067', roomId: '!a:b' })).toBe('!a:b');
  });
});

describe('cleanDisplayName', () => {
  it('returns an empty string for null, undefined and blank names', () => {
    expect(cleanDisplayName(null)).toBe('');
    expect(cleanDisplayName(undefined)).toBe('');
    expect(cleanDisplayName('   \t\n ')).toBe('');
  });

  it('strips bidi overrides, isolates and zero-width characters', () => {
    expect(cleanDisplayName('Al\u202Eice')).toBe('Alice');
    expect(cleanDisplayName('\u2066Bob\u2069')).toBe('Bob');
    expect(cleanDisplayName('C\u200Bar\u200Dol\uFEFF')).toBe('Carol');
    expect(cleanDisplayName('\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u200E\u200F')).toBe('');
  });

  it('collapses whitespace runs and trims', () => {
    expect(cleanDisplayName('  Ana \t  Maria\n ')).toBe('Ana Maria');
  });

  it('limits names to 256 characters', () => {
    expect(cleanDisplayName('x'.repeat(1000))).toHaveLength(256);
  });

  it('keeps ordinary non-Latin letters', () => {
    expect(cleanDisplayName('Ионуц Șerban')).toBe('Ионуц Șerban');
  });
});

describe('disambiguatedNames', () => {
  it('uses the display name alone when it is unique', () => {
    expect(labels([
      { userId: '@alice:example.org', displayName: 'Alice' },
      { userId: '@bob:example.org', displayName: 'Bob' }
    ])).toEqual({ '@alice:example.org': 'Alice', '@bob:example.org': 'Bob' });
  });

  it('appends the Matrix ID to every user sharing a display name', () => {
    expect(labels([
      { userId: '@alice:example.org', displayName: 'Alex' },
      { userId: '@alex:evil.example', displayName: 'Alex' },
      { userId: '@bob:example.org', displayName: 'Bob' }
    ])).toEqual({
      '@alice:example.org': 'Alex (@alice:example.org)',
      '@alex:evil.example': 'Alex (@alex:evil.example)',
      '@bob:example.org': 'Bob'
    });
  });

  it('treats display names that differ only by case as the same', () => {
    expect(labels([
      { userId: '@a:x.org', displayName: 'alice' },
      { userId: '@b:x.org', displayName: 'ALICE' }
    ])).toEqual({ '@a:x.org': 'alice (@a:x.org)', '@b:x.org': 'ALICE (@b:x.org)' });
  });

  it('treats names that only differ by invisible controls or whitespace as the same', () => {
    expect(labels([
      { userId: '@a:x.org', displayName: 'Mediator' },
      { userId: '@b:x.org', displayName: 'Medi\u200Bator ' }
    ])).toEqual({ '@a:x.org': 'Mediator (@a:x.org)', '@b:x.org': 'Mediator (@b:x.org)' });
  });

  it('disambiguates a display name that looks like a Matrix ID, even when unique', () => {
    expect(labels([{ userId: '@mallory:evil.example', displayName: '@alice:example.org' }])).toEqual({
      '@mallory:evil.example': '@alice:example.org (@mallory:evil.example)'
    });
  });

  it('does not disambiguate names that merely contain @ or :', () => {
    expect(labels([
      { userId: '@a:x.org', displayName: 'alice@work' },
      { userId: '@b:x.org', displayName: 'Note: Bob' }
    ])).toEqual({ '@a:x.org': 'alice@work', '@b:x.org': 'Note: Bob' });
  });

  it('falls back to the Matrix ID when the name is missing, empty or only controls', () => {
    expect(labels([
      { userId: '@a:x.org' },
      { userId: '@b:x.org', displayName: null },
      { userId: '@c:x.org', displayName: '' },
      { userId: '@d:x.org', displayName: '\u202E\u2066 ' }
    ])).toEqual({ '@a:x.org': '@a:x.org', '@b:x.org': '@b:x.org', '@c:x.org': '@c:x.org', '@d:x.org': '@d:x.org' });
  });

  it('strips bidi controls from the label itself', () => {
    const result = disambiguatedNames([{ userId: '@e:x.org', displayName: 'Eve\u202Egnp.exe\u2066' }]);
    expect(result.get('@e:x.org')).toBe('Evegnp.exe');
    expect(result.get('@e:x.org')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('returns a label for every member and nothing else', () => {
    const members = Array.from({ length: 20 }, (_, i) => ({ userId: `@u${i}:x.org`, displayName: i % 3 === 0 ? 'Same' : `User ${i}` }));
    const result = disambiguatedNames(members);
    expect([...result.keys()].sort()).toEqual(members.map((m) => m.userId).sort());
    for (const m of members) {
      if (m.displayName === 'Same') expect(result.get(m.userId)).toBe(`Same (${m.userId})`);
      else expect(result.get(m.userId)).toBe(m.displayName);
    }
  });

  it('returns an empty map for no members', () => {
    expect(disambiguatedNames([]).size).toBe(0);
  });
});

describe('look-alike names', () => {
  it('flags a Cyrillic look-alike of a member name, and disambiguates both with their IDs', () => {
    const members = [
      { userId: '@amina:example.org', displayName: 'Amina' },
      { userId: '@fake:example.org', displayName: 'Аmina' },
      { userId: '@ana:example.org', displayName: 'Ana' }
    ];
    expect(lookAlikeNames(members)).toEqual(new Set(['@amina:example.org', '@fake:example.org']));
    const labels = disambiguatedNames(members);
    expect(labels.get('@fake:example.org')).toBe('Аmina (@fake:example.org)');
    expect(labels.get('@ana:example.org')).toBe('Ana');
  });

  it('does not flag different names', () => {
    expect(lookAlikeNames([{ userId: '@a:x.org', displayName: 'Anna' }, { userId: '@b:x.org', displayName: 'Ana' }]).size).toBe(0);
  });
});

describe('roomNameContent', () => {
  it('keeps the membership and replaces only the name, cleaned', () => {
    expect(roomNameContent({ membership: 'join', displayname: 'Ana Petrosyan', avatar_url: null }, ' Blue\u200b heron ')).toEqual({
      membership: 'join',
      displayname: 'Blue heron',
      avatar_url: null
    });
  });

  it('leaves the name out when it is empty, so the usual one shows', () => {
    expect(roomNameContent({ membership: 'join', displayname: 'Old' }, '\u202e ')).toEqual({ membership: 'join' });
  });
});
