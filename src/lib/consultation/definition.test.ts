import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGE_BANDS, definitionFromForm, type DefinitionForm } from './definition.ts';
import { ConsultationEvent, parseConsultationEvent } from './events.ts';

function form(overrides: Partial<DefinitionForm> = {}): DefinitionForm {
  return {
    title: 'Water access in the valley',
    background: [{ language: 'en', text: 'The wells are shared by three villages.' }],
    questions: [{ kind: 'open', text: 'What matters most to you?' }],
    opensAt: '',
    closesAt: '',
    k: 5,
    constituencies: '',
    ageBands: '',
    consent: '',
    ...overrides
  };
}

function definitionOf(f: DefinitionForm) {
  const result = definitionFromForm(f, 'c1');
  if (!result.ok) throw new Error(`refused: ${result.fields.join(', ')}`);
  return result.definition;
}

function fieldsOf(f: DefinitionForm): string[] {
  const result = definitionFromForm(f, 'c1');
  if (result.ok) throw new Error('accepted');
  return result.fields;
}

describe('definitionFromForm: accepted forms', () => {
  it('builds a definition that parses as one', () => {
    const definition = definitionOf(form({ consent: '  Pseudonymous.  ' }));
    expect(definition).toEqual({
      consultation: 'c1',
      title: 'Water access in the valley',
      background: [{ language: 'en', text: 'The wells are shared by three villages.' }],
      questions: [{ id: 'q1', kind: 'open', text: 'What matters most to you?' }],
      opensAt: null,
      closesAt: null,
      k: 5,
      constituencies: [],
      ageBands: [],
      consent: 'Pseudonymous.'
    });
    expect(parseConsultationEvent(ConsultationEvent.definition, definition)).toEqual({ type: 'definition', content: definition });
  });

  it('generates q1.. ids and drops empty questions', () => {
    const definition = definitionOf(
      form({
        questions: [
          { kind: 'open', text: '  What matters?  ' },
          { kind: 'statements', text: '   ' },
          { kind: 'statements', text: '' },
          { kind: 'scale', text: 'How safe?' },
          { kind: 'statements', text: 'Agree?' }
        ]
      })
    );
    expect(definition.questions).toEqual([
      { id: 'q1', kind: 'open', text: 'What matters?' },
      { id: 'q2', kind: 'scale', text: 'How safe?' },
      { id: 'q3', kind: 'statements', text: 'Agree?' }
    ]);
  });

  it('splits constituencies and age bands by line, trims and dedupes them', () => {
    const definition = definitionOf(form({ constituencies: 'North\n  South  \n\nNorth\n   \nEast\n', ageBands: DEFAULT_AGE_BANDS }));
    expect(definition.constituencies).toEqual([
      { id: 'c1', label: 'North' },
      { id: 'c2', label: 'South' },
      { id: 'c3', label: 'East' }
    ]);
    expect(definition.ageBands).toEqual([
      { id: 'a1', label: '18–29' },
      { id: 'a2', label: '30–44' },
      { id: 'a3', label: '45–59' },
      { id: 'a4', label: '60+' }
    ]);
  });

  it('dedupes after trimming', () => {
    expect(definitionOf(form({ ageBands: ' 18–29\n18–29 \n18–29' })).ageBands).toEqual([{ id: 'a1', label: '18–29' }]);
  });

  it('trims the title and drops empty background versions', () => {
    const definition = definitionOf(
      form({
        title: '  Water  ',
        background: [
          { language: 'en', text: '  English  ' },
          { language: 'fr', text: '   ' },
          { language: 'ar', text: 'عربي' }
        ]
      })
    );
    expect(definition.title).toBe('Water');
    expect(definition.background).toEqual([
      { language: 'en', text: 'English' },
      { language: 'ar', text: 'عربي' }
    ]);
  });

  it('converts opening and closing times', () => {
    const definition = definitionOf(form({ opensAt: '2030-01-01T09:00', closesAt: '2030-01-15T18:00' }));
    expect(definition.opensAt).toBe(new Date('2030-01-01T09:00').getTime());
    expect(definition.closesAt).toBe(new Date('2030-01-15T18:00').getTime());
    expect(definitionOf(form({ closesAt: '2030-01-15T18:00' })).opensAt).toBeNull();
  });

  it('accepts k of exactly 3', () => {
    expect(definitionOf(form({ k: 3 })).k).toBe(3);
  });
});

describe('definitionFromForm: refused forms', () => {
  it.each([2, 1, 0, -5, 2.5, 3.5, Number.NaN])('refuses k = %s', (k) => {
    expect(fieldsOf(form({ k }))).toEqual(['k']);
  });

  it('refuses a k above what the schema allows', () => {
    expect(fieldsOf(form({ k: 1001 }))).toEqual(['k']);
  });

  it('refuses closing before or at opening', () => {
    expect(fieldsOf(form({ opensAt: '2030-01-15T18:00', closesAt: '2030-01-01T09:00' }))).toEqual(['closesAt']);
    expect(fieldsOf(form({ opensAt: '2030-01-01T09:00', closesAt: '2030-01-01T09:00' }))).toEqual(['closesAt']);
  });

  it('refuses a missing title', () => {
    expect(fieldsOf(form({ title: '' }))).toEqual(['title']);
    expect(fieldsOf(form({ title: '  \n ' }))).toEqual(['title']);
  });

  it('refuses a form without questions', () => {
    expect(fieldsOf(form({ questions: [] }))).toEqual(['questions']);
    expect(fieldsOf(form({ questions: [{ kind: 'open', text: '  ' }] }))).toEqual(['questions']);
  });

  it('names every wrong field at once', () => {
    const fields = fieldsOf(form({ title: '', questions: [], k: 2, opensAt: '2030-02-01T00:00', closesAt: '2030-01-01T00:00' }));
    expect(fields.sort()).toEqual(['closesAt', 'k', 'questions', 'title']);
  });

  it('names the field the schema refuses', () => {
    expect(fieldsOf(form({ title: 't'.repeat(201) }))).toEqual(['title']);
    expect(fieldsOf(form({ background: [{ language: 'English', text: 'x' }] }))).toEqual(['background']);
    expect(fieldsOf(form({ questions: Array.from({ length: 31 }, (_, i) => ({ kind: 'open' as const, text: `Question ${i}` })) }))).toEqual(['questions']);
    expect(fieldsOf(form({ constituencies: 'x'.repeat(81) }))).toEqual(['constituencies']);
  });

  it('never throws and either accepts a valid definition or names fields', () => {
    const kind = fc.constantFrom('open' as const, 'statements' as const, 'scale' as const);
    const arbitraryForm = fc.record({
      title: fc.string({ maxLength: 220 }),
      background: fc.array(fc.record({ language: fc.constantFrom('en', 'fr', 'xx-YY', 'EN', ''), text: fc.string() }), { maxLength: 3 }),
      questions: fc.array(fc.record({ kind, text: fc.string({ maxLength: 30 }) }), { maxLength: 35 }),
      opensAt: fc.constantFrom('', '2030-01-01T09:00', 'not a date'),
      closesAt: fc.constantFrom('', '2029-12-31T09:00', '2030-01-02T09:00'),
      k: fc.oneof(fc.integer({ min: -2, max: 1005 }), fc.double()),
      constituencies: fc.string(),
      ageBands: fc.string(),
      consent: fc.string()
    });
    fc.assert(
      fc.property(arbitraryForm, (f) => {
        const result = definitionFromForm(f, 'c1');
        if (result.ok) {
          expect(parseConsultationEvent(ConsultationEvent.definition, result.definition)).toEqual({ type: 'definition', content: result.definition });
          expect(result.definition.k).toBe(f.k);
          expect(result.definition.questions.map((q) => q.id)).toEqual(result.definition.questions.map((_, i) => `q${i + 1}`));
        } else {
          expect(result.fields.length).toBeGreaterThan(0);
          expect(new Set(result.fields).size).toBe(result.fields.length);
        }
        if (!Number.isInteger(f.k) || f.k < 3) expect(result.ok).toBe(false);
        if (!f.title.trim()) expect(result.ok ? [] : result.fields).toContain('title');
      }),
      { numRuns: 300 }
    );
  });
});
