import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, matchingForms, normalise, skeleton, stripInvisible } from './normalise.ts';

const INVISIBLE = [
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064',
  '\uFEFF', '\u00AD', '\u034F', '\u180E', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
  '\u2066', '\u2067', '\u2068', '\u2069', '\u061C', '\u3164'
];

/** Characters that make normalisation work: look-alikes, compatibility forms, case oddities, marks, invisibles. */
const tricky = fc.string({
  unit: fc.constantFrom(
    ...INVISIBLE, 'a', 'A', 'а', 'А', 'I', 'l', '1', 'і', 'І', 'ı', 'İ', 'i', '\u0307', 'ß', 'ẞ', 'Σ', 'σ', 'ς',
    'ﬁ', 'Ａ', '𝐀', 'ǅ', '\u0301', 'é', 'e', '\u00A0', ' ', '\n', '\t', '0', '3', '@', '$', '€', '.', '-', '_',
    'у', 'b', 'ь', 'ю', 'y', 'u', 'k', 'ё', 'ґ', 'ђ', 'č', 'j', "'", 'ㅤ', '\uFFA0', '😀', '\uD800'
  ),
  maxLength: 30
});

describe('stripInvisible', () => {
  it('removes zero-width characters, bidi controls and blank fillers', () => {
    for (const c of INVISIBLE) expect(stripInvisible(`a${c}b`), c.codePointAt(0)?.toString(16)).toBe('ab');
  });
  it('keeps everything else', () => {
    expect(stripInvisible('Ана-Марія 🙂 שלום')).toBe('Ана-Марія 🙂 שלום');
  });
});

describe('normalise', () => {
  it('strips bidi isolates (U+2066–2069) and zero-width characters', () => {
    expect(normalise('\u2066ki\u200Bll\u2069')).toBe('kill');
    expect(normalise('у\u200Dб\u2067ь\u2068ю\u2069')).toBe('убью');
    expect(normalise('\uFEFFhello\u00ADworld\u2060')).toBe('helloworld');
  });
  it('applies NFKC, case folding and collapses whitespace', () => {
    expect(normalise('  ＫＩＬＬ\n\t𝐍𝐎𝐖 ﬁne ')).toBe('kill now fine');
    expect(normalise('STRASSE Straße')).toBe('strasse strasse');
    expect(normalise('ΣΟΦΟΣ')).toBe('σοφοσ');
    expect(normalise('İstanbul')).toBe('istanbul');
    expect(normalise('Е\u0308ЛКА')).toBe('ёлка');
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => normalise(normalise(text)) === normalise(text)));
    fc.assert(fc.property(tricky, (text) => normalise(normalise(text)) === normalise(text)), { numRuns: 1000 });
  });
});

describe('skeleton', () => {
  const same = (a: string, b: string) => expect(skeleton(a), `${a} / ${b}`).toBe(skeleton(b));
  const different = (a: string, b: string) => expect(skeleton(a), `${a} / ${b}`).not.toBe(skeleton(b));

  it('gives look-alike names the same skeleton', () => {
    same('Аmina', 'Amina'); // Cyrillic А
    same('Ana', 'Аna');
    same('Olena', '0lena'); // digit zero
    same('Olena', 'Oleпa'); // Cyrillic п
    same('Іra', 'Ira'); // Cyrillic І
    same('Ira', 'lra');
    same('Ira', '1ra');
    same('ΑΝΑ', 'ANA'); // Greek capitals
    same('TAMAR', 'ТАМАR'); // Cyrillic capitals; small м is drawn differently from m
    same('Amina', 'Arnina'); // rn / m
    same('Nino\u200B', 'Nino');
    same('Ａｎａ', 'Ana');
    same('ana', 'Ana');
    same('Ana  Maria', 'Ana Maria');
  });

  it('keeps different names apart', () => {
    different('Anna', 'Ana');
    different('Nino', 'Nina');
    different('Ilia', 'Lila');
    different('Mariam', 'Marian');
    different('Ana', 'Ána');
    different('Lena', 'Elena');
  });
});

describe('cleanName', () => {
  it('keeps the spelling, removes invisible and bidi characters, applies NFKC and trims', () => {
    expect(cleanName('  Ана-Марія ')).toBe('Ана-Марія');
    expect(cleanName('Ana\u202E Maria\u200B')).toBe('Ana Maria');
    expect(cleanName('𝐀𝐧𝐚')).toBe('Ana');
    expect(cleanName('Zoë')).toBe('Zoë');
    expect(cleanName('ㅤ')).toBe('');
  });
  it('does not let a name fake a second line', () => {
    expect(cleanName('Ana\n\nModerator: read this')).toBe('Ana Moderator: read this');
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => cleanName(cleanName(text)) === cleanName(text)));
  });

  // Found by dialogue/events.property.test.ts: 60,000 spaces (a room name can hold them) took
  // seconds, as the pattern `\s*[controls]+\s*` retried every space of the run.
  it('takes linear time on long runs of white space', () => {
    const spaces = ' '.repeat(100_000);
    expect(cleanName(`${spaces}Ana${spaces}Maria${spaces}`)).toBe(`Ana${spaces}Maria`);
    expect(cleanName(`Ana${'\u00A0'.repeat(100_000)}\nMaria`)).toBe('Ana Maria');
  });
});

describe('matchingForms', () => {
  /** Whether a lexicon term, put through matchingForms too, meets the text in some form. */
  const meets = (text: string, term: string) => matchingForms(text).some((form) => matchingForms(term).includes(form));

  it.each([
    ['у б ь ю', 'убью'],
    ['у-б-ь-ю', 'убью'],
    ['у.б.ь.ю', 'убью'],
    ['уbью', 'убью'],
    ['у6ью', 'убью'],
    ['ubyu', 'убью'],
    ["ubit'", 'убить'],
    ['k1ll', 'kill'],
    ['kiiiill', 'kill'],
    ['k i l l', 'kill'],
    ['k.i.l.l', 'kill'],
    ['k_i_l_l', 'kill'],
    ['K!LL'.replace('!', '1'), 'kill'],
    ['kіll', 'kill'], // Cyrillic і
    ['ＫＩＬＬ', 'kill'],
    ['ki\u200Bll', 'kill'],
    ['ubiću', 'убићу'],
    ['убићу', 'ubiću']
  ])('%s has the plain form %s among its forms', (text, plain) => {
    expect(matchingForms(text)).toContain(plain);
    expect(meets(text, plain)).toBe(true);
  });

  it.each([
    ['ubit', 'убить'],
    ['убить', 'ubit'],
    ['lyudi', 'люди']
  ])('%s meets %s through the forms of both', (text, term) => {
    expect(meets(text, term)).toBe(true);
  });

  it('keeps the de-obfuscated form with at most two repeated letters', () => {
    expect(matchingForms('kiiiill')).toContain('kiill');
    expect(matchingForms('Nooooo way')).toContain('noo way');
  });

  it('starts with the normalised text and returns at most six distinct forms', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), tricky), (text) => {
        const forms = matchingForms(text);
        expect(forms[0]).toBe(normalise(text));
        expect(new Set(forms).size).toBe(forms.length);
        expect(forms.length).toBeLessThanOrEqual(6);
      }),
      { numRuns: 500 }
    );
  });

  it('leaves numbers and ordinary words alone', () => {
    const forms = matchingForms('Meeting at 10:30, bring $5 and 2 bottles');
    expect(forms).toEqual(['meeting at 10:30, bring $5 and 2 bottles', 'меетинг ат 10:30, бринг $5 анд 2 боттлес']);
    expect(matchingForms('I am a teacher')).toEqual(matchingForms('I am a teacher').filter((f) => !f.includes('iama')));
    expect(matchingForms('a b')).not.toContain('ab');
  });

  it('does not turn a Turkish dotless ı into i', () => {
    expect(matchingForms('sık sık gelir').some((form) => /\bsik\b/.test(form))).toBe(false);
  });
});

describe('no function throws on arbitrary strings', () => {
  it.each([
    ['stripInvisible', stripInvisible],
    ['normalise', normalise],
    ['skeleton', skeleton],
    ['cleanName', cleanName],
    ['matchingForms', matchingForms]
  ] as const)('%s', (_name, fn) => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void fn(text)));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => void fn(text)), { numRuns: 20 });
  });
});
