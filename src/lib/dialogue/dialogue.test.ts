import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldConsent, parseInviteList } from './dialogue.ts';
import { DialogueEvent } from './events.ts';
import { isValidMatrixId } from './rooms.ts';

describe('parseInviteList', () => {
  it('splits by newlines, commas, semicolons and spaces', () => {
    expect(parseInviteList('@ana:example.org\n@ben:example.org, @cai:example.org;@dee:example.org  @eve:example.org\t@fay:example.org\r\n')).toEqual({
      valid: ['@ana:example.org', '@ben:example.org', '@cai:example.org', '@dee:example.org', '@eve:example.org', '@fay:example.org'],
      invalid: []
    });
  });

  it('dedupes valid entries, keeping first-seen order', () => {
    expect(parseInviteList('@ben:example.org, @ana:example.org\n@ben:example.org @ana:example.org')).toEqual({
      valid: ['@ben:example.org', '@ana:example.org'],
      invalid: []
    });
  });

  it('reports invalid entries', () => {
    expect(parseInviteList('ana, @ben, @cai:example.org, ben@example.org, #room:example.org, @dee:example.org:8448')).toEqual({
      valid: ['@cai:example.org', '@dee:example.org:8448'],
      invalid: ['ana', '@ben', 'ben@example.org', '#room:example.org']
    });
  });

  it('gives nothing for empty or blank input', () => {
    expect(parseInviteList('')).toEqual({ valid: [], invalid: [] });
    expect(parseInviteList(' \n ,, ; \t')).toEqual({ valid: [], invalid: [] });
  });

  it('accounts for every entry, valid ones once', () => {
    const entry = fc.oneof(
      fc.constantFrom('@ana:example.org', '@ben:example.org', '@cai:matrix.org:8448', 'ana', '@x', 'x:y'),
      fc.string({ minLength: 1, maxLength: 12 })
    );
    const separator = fc.constantFrom('\n', ',', ' ', ';', ', ', '\t', ' ,\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, separator), { maxLength: 15 }), (pairs) => {
        const text = pairs.map(([e, s]) => e + s).join('');
        const tokens = text.split(/[\s,;]+/).filter(Boolean);
        const { valid, invalid } = parseInviteList(text);
        expect(new Set(valid).size).toBe(valid.length);
        expect(valid.every(isValidMatrixId)).toBe(true);
        expect(invalid.some(isValidMatrixId)).toBe(false);
        expect(new Set(valid)).toEqual(new Set(tokens.filter(isValidMatrixId)));
        expect(invalid).toEqual(tokens.filter((t) => !isValidMatrixId(t)));
      }),
      { numRuns: 300 }
    );
  });
});

describe('foldConsent', () => {
  const FAC = '@fac:example.org';
  const ANA = '@ana:example.org';
  const BEN = '@ben:example.org';
  const isFacilitator = (sender: string) => sender === FAC;
  const rulesContent = (text: string) => ({ text, languages: ['en'] });

  type Event = { id: string; sender: string; type: string; content: unknown };
  const rules = (id: string, sender: string, text = 'Speak for yourself.'): Event => ({ id, sender, type: DialogueEvent.groundRules, content: rulesContent(text) });
  const consent = (id: string, sender: string, to: unknown): Event => ({ id, sender, type: DialogueEvent.consent, content: { rules: to } });

  it('has no rules and no consent without events', () => {
    const state = foldConsent([], isFacilitator);
    expect(state.rules).toBeNull();
    expect(state.consented).toEqual(new Set());
  });

  it('counts consent to the facilitator rules in force; the facilitator counts as consented', () => {
    const state = foldConsent([rules('$r1', FAC), consent('$c1', ANA, '$r1'), consent('$c2', BEN, '$r1')], isFacilitator);
    expect(state.rules).toEqual({ id: '$r1', rules: { text: 'Speak for yourself.', languages: ['en'] } });
    expect(state.consented).toEqual(new Set([FAC, ANA, BEN]));
  });

  it('ignores ground rules from a non-facilitator', () => {
    const state = foldConsent([rules('$r1', FAC, 'Real rules'), rules('$r2', ANA, 'Forged rules'), consent('$c1', BEN, '$r2'), consent('$c2', ANA, '$r1')], isFacilitator);
    expect(state.rules?.id).toBe('$r1');
    expect(state.rules?.rules.text).toBe('Real rules');
    expect(state.consented).toEqual(new Set([FAC, ANA]));
  });

  it('ignores ground rules from a non-facilitator when there are no others', () => {
    const state = foldConsent([rules('$r1', ANA), consent('$c1', BEN, '$r1')], isFacilitator);
    expect(state.rules).toBeNull();
    expect(state.consented).toEqual(new Set());
  });

  it('new rules reset consent; consent to old rules no longer counts', () => {
    const state = foldConsent(
      [rules('$r1', FAC), consent('$c1', ANA, '$r1'), consent('$c2', BEN, '$r1'), rules('$r2', FAC, 'Revised rules'), consent('$c3', BEN, '$r2'), consent('$c4', ANA, '$r1')],
      isFacilitator
    );
    expect(state.rules?.id).toBe('$r2');
    expect(state.consented).toEqual(new Set([FAC, BEN]));
  });

  it('the facilitator who posts new rules is the one counted', () => {
    const facilitators = new Set([FAC, '@co:example.org']);
    const state = foldConsent([rules('$r1', FAC), rules('$r2', '@co:example.org', 'Revised rules')], (s) => facilitators.has(s));
    expect(state.consented).toEqual(new Set(['@co:example.org']));
  });

  it('the same rules shared again keep every acceptance, and consent to either copy counts', () => {
    const state = foldConsent(
      [rules('$r1', FAC), consent('$c1', ANA, '$r1'), rules('$r2', FAC), consent('$c2', BEN, '$r2'), consent('$c3', '@cai:example.org', '$r1')],
      isFacilitator
    );
    expect(state.rules?.id).toBe('$r2');
    expect(state.consented).toEqual(new Set([FAC, ANA, BEN, '@cai:example.org']));
  });

  it('ignores consent given before any rules, and consent that names nothing valid', () => {
    const state = foldConsent(
      [consent('$c0', ANA, '$r1'), rules('$r1', FAC), consent('$c1', BEN, ''), consent('$c2', BEN, 42), consent('$c3', BEN, '$other'), { id: '$c4', sender: BEN, type: DialogueEvent.consent, content: null }],
      isFacilitator
    );
    expect(state.consented).toEqual(new Set([FAC]));
  });

  it('keeps the rules in force when a facilitator posts invalid rules', () => {
    const state = foldConsent(
      [rules('$r1', FAC), consent('$c1', ANA, '$r1'), { id: '$r2', sender: FAC, type: DialogueEvent.groundRules, content: { text: '   ', languages: [] } }, consent('$c2', BEN, '$r1')],
      isFacilitator
    );
    expect(state.rules?.id).toBe('$r1');
    expect(state.consented).toEqual(new Set([FAC, ANA, BEN]));
  });

  it('ignores events of other types', () => {
    const state = foldConsent([rules('$r1', FAC), { id: '$m', sender: ANA, type: 'm.room.message', content: { rules: '$r1' } }], isFacilitator);
    expect(state.consented).toEqual(new Set([FAC]));
  });

  it('never throws; only the facilitator in force and people who consented count', () => {
    const people = [FAC, '@ana:example.org', '@ben:example.org'];
    const event = fc.record({
      id: fc.constantFrom('$r1', '$r2', '$r3', '$c'),
      sender: fc.constantFrom(...people),
      type: fc.constantFrom(DialogueEvent.groundRules, DialogueEvent.consent, 'm.room.message'),
      content: fc.oneof(fc.anything(), fc.record({ rules: fc.constantFrom('$r1', '$r2', '$r3') }), fc.constant(rulesContent('Rules')))
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (events) => {
        const state = foldConsent(events, isFacilitator);
        let latest = -1;
        events.forEach((e, i) => {
          if (e.type === DialogueEvent.groundRules && e.sender === FAC && e.content !== null && typeof e.content === 'object' && 'text' in e.content && e.content.text === 'Rules') latest = i;
        });
        // Whenever rules are in force, the facilitator who posted them counts as consented; without rules nobody does.
        if (state.rules === null) expect(state.consented.size).toBe(0);
        else expect(state.consented.has(FAC)).toBe(true);
        if (latest === -1) return;
        expect(state.rules).not.toBeNull();
        expect(state.consented.has(FAC)).toBe(true);
        // Only the facilitator and people who sent a consent naming a rules event can count.
        const consenting = new Set(events.filter((e) => e.type === DialogueEvent.consent).map((e) => e.sender));
        for (const person of state.consented) expect(person === FAC || consenting.has(person)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});
