import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPolicyMatcher, globToRegExp, ruleStateKey, serverOf, type PolicyRule } from './policy.ts';

const LIST = '!list:example.org';

function rule(kind: PolicyRule['kind'], entity: string, reason = `reason for ${entity}`): PolicyRule {
  return { kind, entity, reason, source: LIST, stateKey: ruleStateKey(entity) };
}

describe('globToRegExp', () => {
  it('`*` matches any run of characters, including none', () => {
    const re = globToRegExp('@*:evil.example');
    expect(re.test('@a:evil.example')).toBe(true);
    expect(re.test('@:evil.example')).toBe(true);
    expect(re.test('@many.chars_here:evil.example')).toBe(true);
    expect(re.test('@a:good.example')).toBe(false);
  });

  it('`?` matches exactly one character', () => {
    const re = globToRegExp('a?c');
    expect(re.test('abc')).toBe(true);
    expect(re.test('a.c')).toBe(true);
    expect(re.test('ac')).toBe(false);
    expect(re.test('abbc')).toBe(false);
  });

  it('`?` counts a non-BMP character as one character', () => {
    expect(globToRegExp('a?c').test('a😀c')).toBe(true);
  });

  it('is anchored at both ends', () => {
    const re = globToRegExp('evil.example');
    expect(re.test('evil.example')).toBe(true);
    expect(re.test('xevil.example')).toBe(false);
    expect(re.test('evil.example.org')).toBe(false);
    expect(re.test('sub.evil.example')).toBe(false);
  });

  it('treats regex metacharacters literally', () => {
    expect(globToRegExp('a.b').test('a.b')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(globToRegExp('a+').test('a+')).toBe(true);
    expect(globToRegExp('a+').test('aa')).toBe(false);
    expect(globToRegExp('(a)').test('(a)')).toBe(true);
    expect(globToRegExp('(a)').test('a')).toBe(false);
    expect(globToRegExp('a|b').test('a')).toBe(false);
    expect(globToRegExp('a|b').test('a|b')).toBe(true);
    expect(globToRegExp('[ab]').test('a')).toBe(false);
    expect(globToRegExp('[ab]').test('[ab]')).toBe(true);
    expect(globToRegExp('^a$').test('^a$')).toBe(true);
    expect(globToRegExp('a{2}').test('aa')).toBe(false);
    expect(globToRegExp('a{2}').test('a{2}')).toBe(true);
    expect(globToRegExp('a\\b').test('a\\b')).toBe(true);
    expect(globToRegExp('a/b').test('a/b')).toBe(true);
  });

  it('is case-sensitive by default and case-insensitive on request', () => {
    expect(globToRegExp('Evil.Example').test('evil.example')).toBe(false);
    expect(globToRegExp('Evil.Example', true).test('evil.example')).toBe(true);
    expect(globToRegExp('*.EVIL.example', true).test('Sub.evil.EXAMPLE')).toBe(true);
  });

  // `\-` is an invalid escape under the `u` flag: hyphens must be left as they are.
  it('accepts a hyphen (e.g. the server name `my-server.org`)', () => {
    expect(globToRegExp('my-server.org').test('my-server.org')).toBe(true);
  });

  // Property over strings with no hyphen (see the bug above); the full-alphabet version follows.
  const anyString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
  it('never throws and a glob without wildcards matches exactly itself (property)', () => {
    fc.assert(
      fc.property(anyString, fc.boolean(), (s, ignoreCase) => {
        const re = globToRegExp(s, ignoreCase);
        if (!s.includes('*') && !s.includes('?')) {
          expect(re.test(s)).toBe(true);
          expect(re.test(`${s}x`)).toBe(false);
          expect(re.test(`x${s}`)).toBe(false);
        }
      }),
      { numRuns: 1000 }
    );
  });

  // The direct translation `^@.*a.*a.*a.*a.*a.*a.*b:x$` backtracked for 44 s on this ID: one ban
  // rule on a followed list froze every member's client.
  it('matches a glob of many stars against a long user ID at once', () => {
    const id = `@${'a'.repeat(240)}:example.org`;
    const started = performance.now();
    expect(globToRegExp(`@${'*a'.repeat(6)}*b:x`).test(id)).toBe(false);
    expect(globToRegExp(`@${'*a'.repeat(120)}*b:x`).test(id)).toBe(false);
    expect(globToRegExp(`@${'*a'.repeat(120)}*:example.org`).test(id)).toBe(true);
    expect(globToRegExp('*a*', true).test('xAx')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('compiles every printable-ASCII character', () => {
    expect(() => globToRegExp(' !"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`{|}~')).not.toThrow();
  });
});

describe('serverOf', () => {
  it('is everything after the first colon', () => {
    expect(serverOf('@ana:example.org')).toBe('example.org');
    expect(serverOf('@ana:example.org:8448')).toBe('example.org:8448');
    expect(serverOf('@ana:[::1]:8448')).toBe('[::1]:8448');
  });

  it('is empty when there is no colon', () => {
    expect(serverOf('@ana')).toBe('');
    expect(serverOf('')).toBe('');
  });
});

describe('ruleStateKey', () => {
  it("uses Draupnir's `rule:` prefix", () => {
    expect(ruleStateKey('@spam:evil.example')).toBe('rule:@spam:evil.example');
    expect(ruleStateKey('*.evil.example')).toBe('rule:*.evil.example');
  });
});

describe('createPolicyMatcher', () => {
  it('a user rule matches the exact user ID only', () => {
    const r = rule('user', '@spam:evil.example');
    const match = createPolicyMatcher([r]);
    expect(match('@spam:evil.example')).toBe(r);
    expect(match('@spam2:evil.example')).toBeNull();
    expect(match('@spam:evil.example.org')).toBeNull();
    expect(match('@other:example.org')).toBeNull();
  });

  it('a user glob matches every user on a server', () => {
    const r = rule('user', '@*:evil.example');
    const match = createPolicyMatcher([r]);
    expect(match('@a:evil.example')).toBe(r);
    expect(match('@bob:evil.example')).toBe(r);
    expect(match('@bob:good.example')).toBeNull();
    expect(match('@bob:notevil.example')).toBeNull();
  });

  it('user rules are case-sensitive', () => {
    const match = createPolicyMatcher([rule('user', '@Spam:evil.example')]);
    expect(match('@spam:evil.example')).toBeNull();
    expect(match('@Spam:evil.example')).not.toBeNull();
  });

  it('a server rule matches the server part of a user ID, not the localpart', () => {
    const r = rule('server', 'evil.example');
    const match = createPolicyMatcher([r]);
    expect(match('@anyone:evil.example')).toBe(r);
    expect(match('@evil.example:good.example')).toBeNull();
    expect(match('@anyone:sub.evil.example')).toBeNull();
    expect(match('@anyone:evilxexample')).toBeNull();
  });

  it('a wildcard server rule matches subdomains but not the bare domain', () => {
    const r = rule('server', '*.evil.example');
    const match = createPolicyMatcher([r]);
    expect(match('@a:sub.evil.example')).toBe(r);
    expect(match('@a:deep.sub.evil.example')).toBe(r);
    expect(match('@a:evil.example')).toBeNull();
    expect(match('@a:notevil.example')).toBeNull();
  });

  it('server rules are case-insensitive', () => {
    const r = rule('server', 'Evil.Example');
    const match = createPolicyMatcher([r]);
    expect(match('@a:evil.example')).toBe(r);
    expect(match('@a:EVIL.EXAMPLE')).toBe(r);
  });

  it('a server rule with a port matches only user IDs on that port', () => {
    const r = rule('server', 'example.org:8448');
    const match = createPolicyMatcher([r]);
    expect(match('@a:example.org:8448')).toBe(r);
    expect(match('@a:example.org')).toBeNull();
    expect(match('@a:example.org:443')).toBeNull();
  });

  it('a server rule without a port matches the server on any port, as server ACLs do', () => {
    const r = rule('server', 'example.org');
    const match = createPolicyMatcher([r]);
    expect(match('@a:example.org:8448')).toBe(r);
    expect(match('@a:example.org')).toBe(r);
    expect(match('@a:example.org.evil:8448')).toBeNull();
  });

  it('a user ID without a server has an empty server name, which only `*` matches', () => {
    expect(createPolicyMatcher([rule('server', '?*')])('@nobody')).toBeNull();
    expect(createPolicyMatcher([rule('server', 'nobody')])('@nobody')).toBeNull();
    const all = rule('server', '*');
    expect(createPolicyMatcher([all])('@nobody')).toBe(all);
    expect(createPolicyMatcher([all])('@a:example.org')).toBe(all);
  });

  it('returns null for everyone when there are no rules', () => {
    expect(createPolicyMatcher([])('@a:example.org')).toBeNull();
  });

  it('reports the first matching rule', () => {
    const byUser = rule('user', '@spam:evil.example', 'user rule');
    const byServer = rule('server', 'evil.example', 'server rule');
    const byGlob = rule('user', '@*:evil.example', 'glob rule');
    expect(createPolicyMatcher([byUser, byServer, byGlob])('@spam:evil.example')).toBe(byUser);
    expect(createPolicyMatcher([byServer, byUser, byGlob])('@spam:evil.example')).toBe(byServer);
    expect(createPolicyMatcher([byGlob, byServer, byUser])('@spam:evil.example')).toBe(byGlob);
    // Later rules still apply to users the earlier ones miss.
    expect(createPolicyMatcher([byUser, byServer])('@other:evil.example')).toBe(byServer);
  });

  it('gives the same answer, matched or not, on repeated calls', () => {
    const r = rule('server', 'evil.example');
    const match = createPolicyMatcher([r]);
    expect(match('@a:evil.example')).toBe(r);
    expect(match('@a:evil.example')).toBe(r);
    expect(match('@b:good.example')).toBeNull();
    expect(match('@b:good.example')).toBeNull();
    // Interleaving calls does not mix cached answers up.
    expect(match('@a:evil.example')).toBe(r);
  });

  it('each matcher has its own cache', () => {
    const r = rule('user', '@a:evil.example');
    expect(createPolicyMatcher([])('@a:evil.example')).toBeNull();
    expect(createPolicyMatcher([r])('@a:evil.example')).toBe(r);
  });

  it('a rule for a hyphenated server name does not break the matcher', () => {
    const r = rule('server', 'my-server.org');
    expect(createPolicyMatcher([r])('@a:my-server.org')).toBe(r);
  });
});
