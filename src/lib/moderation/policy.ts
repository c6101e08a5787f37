// Matching people against policy-list ban rules. Entities are globs (`*` any run of characters,
// `?` one character), as Draupnir and Mjolnir write them: a user rule matches the whole user ID,
// a server rule matches the server name of the user's ID.
import type { PolicyRuleKind } from './events.ts';

export interface PolicyRule {
  kind: PolicyRuleKind;
  entity: string;
  reason: string;
  /** The policy room the rule is in, and its state key there. */
  source: string;
  stateKey: string;
}

export type PolicyMatcher = (userId: string) => PolicyRule | null;

/**
 * The glob as an anchored regular expression that cannot backtrack catastrophically, as the direct
 * translation does (`^.*a.*a.*a.*a.*a.*a.*b$` takes 44 s on a 60-character user ID, and rules come
 * from lists anyone may run). Each part between two stars is matched at its first occurrence, in a
 * lookahead (which JavaScript never re-enters) read back by a backreference: matching a part as
 * early as possible loses no match.
 */
export function globToRegExp(glob: string, ignoreCase = false): RegExp {
  const parts = glob.split('*').map((part) =>
    [...part].map((char) => (char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('')
  );
  const first = parts.shift() ?? '';
  const last = parts.pop();
  const middle = parts.filter(Boolean).map((part, i) => `(?=(.*?${part}))\\${i + 1}`);
  const pattern = last === undefined ? first : `${first}${middle.join('')}.*${last}`;
  return new RegExp(`^${pattern}$`, ignoreCase ? 'iu' : 'u');
}

/** The server name in a user ID: everything after the first colon. */
export function serverOf(userId: string): string {
  const colon = userId.indexOf(':');
  return colon < 0 ? '' : userId.slice(colon + 1);
}

/** A server name without its port, as server ACLs compare them. */
function withoutPort(server: string): string {
  return server.replace(/:\d+$/, '');
}

/** A matcher over the rules; the first rule that matches is the one reported. */
export function createPolicyMatcher(rules: PolicyRule[]): PolicyMatcher {
  // Server names are DNS names, so their globs match case-insensitively; user IDs are exact.
  const compiled = rules.map((rule) => ({ rule, pattern: globToRegExp(rule.entity, rule.kind === 'server') }));
  const cache = new Map<string, PolicyRule | null>();
  return (userId) => {
    const known = cache.get(userId);
    if (known !== undefined) return known;
    const server = serverOf(userId);
    const host = withoutPort(server);
    const found =
      compiled.find(({ rule, pattern }) => (rule.kind === 'user' ? pattern.test(userId) : pattern.test(server) || pattern.test(host)))?.rule ?? null;
    cache.set(userId, found);
    return found;
  };
}

/** The state key Draupnir uses for a rule, so that lists written by either stay one rule per entity. */
export function ruleStateKey(entity: string): string {
  return `rule:${entity}`;
}
