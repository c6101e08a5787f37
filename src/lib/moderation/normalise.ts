// Text normalisation for moderation: what a message or a name is compared in.
//
// Confusables: `skeleton` uses `unhomoglyph` (npm), the Unicode UTS #39 confusables.txt table
// (version 13.0) as one-character-to-prototype map. matrix-js-sdk already bundles it for display
// name disambiguation, so it adds nothing to the app. The smaller tables below (transliteration
// and the per-word look-alike maps for `matchingForms`) are hand-written for the scripts that
// matter here: Latin, Cyrillic (Russian, Ukrainian, Serbian), Greek and Armenian look-alikes.
//
// Everything here is synchronous, table-driven and linear in the text's length. Regular
// expressions avoid look-behind so that older mobile browsers can parse this module.
import unhomoglyph from 'unhomoglyph';

/** Zero-width characters, bidi controls and Hangul fillers (invisible letters used for blank names). */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/g;

/** Removes zero-width characters (U+200B–200F, U+2060–2064, U+FEFF, U+00AD soft hyphen, U+034F, U+180E) and bidi controls (U+202A–202E, U+2066–2069, U+061C). Also the Hangul fillers U+115F, U+1160, U+3164, U+FFA0. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

const FOLD_EXTRA = /ß|ς|i\u0307+/g;
const FOLD_MAP: Record<string, string> = { ß: 'ss', ς: 'σ' };

/** Locale-independent case folding: toLowerCase plus ß→ss, final sigma→σ, the dot that "İ" leaves behind. */
function fold(text: string): string {
  return text.toLowerCase().replace(FOLD_EXTRA, (c) => FOLD_MAP[c] ?? 'i');
}

/**
 * stripInvisible, then NFKC: removed first, an invisible character cannot keep two others from
 * composing. No character's NFKC form (nor its lower case) contains one of them, checked over all
 * of Unicode, so stripping again after NFKC would change nothing.
 */
function compat(text: string): string {
  return stripInvisible(text).normalize('NFKC');
}

/** Whitespace other than a single space: a run of two or more, or a tab, newline etc. */
const SPACES = /\s{2,}|[^\S ]/g;

/** The last text normalised and its result: a message is scanned by several functions in turn. */
let lastText = '';
let lastNormalised = '';

/** NFKC, then stripInvisible, then locale-independent case folding (toLowerCase plus ß→ss, final sigma etc. as far as reasonable), whitespace collapsed. */
export function normalise(text: string): string {
  if (text === lastText) return lastNormalised;
  lastNormalised = fold(compat(text)).normalize('NFKC').replace(SPACES, ' ').trim();
  lastText = text;
  return lastNormalised;
}

/** Cyrillic п is drawn like Latin n in most phone fonts; UTS #39 maps it to Greek π instead. */
const SKELETON_EXTRA = /п/g;

/**
 * Confusable skeleton for comparing names (UTS #39 style: map look-alike characters across Latin/Cyrillic/Greek/Armenian etc. to one representative, e.g. Cyrillic 'а' and Latin 'a', 'І'/'I'/'l'/'1'), applied after normalise. Two names that look alike to a human must get the same skeleton; different names should not.
 *
 * The UTS #39 map runs once before case folding as well as after it, because it is case-sensitive:
 * capital I and small l are prototypes of each other only before folding ("Ivan" ≡ "lvan", "Ilia" ≢ "Lila").
 * 'm' becomes 'rn' (as UTS #39 has it), so "Amina" ≡ "Arnina". Diacritics are kept, as marks.
 */
export function skeleton(text: string): string {
  let s = unhomoglyph(compat(text).normalize('NFD').replace(SKELETON_EXTRA, 'n'));
  s = fold(s).normalize('NFD').replace(SKELETON_EXTRA, 'n');
  return fold(unhomoglyph(s)).replace(SPACES, ' ').trim();
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** A run of white space and control characters, matched in one pass (`\s*[controls]+\s*` took quadratic time on long runs of spaces). */
const SPACES_AND_CONTROLS = /[\s\u0000-\u001F\u007F-\u009F]+/g;

/** Neutralises display names and room titles: stripInvisible + NFKC only (keeps the person's spelling), trimmed. Line breaks and other control characters become a space, so a name cannot fake a second line. */
export function cleanName(text: string): string {
  return compat(text)
    .replace(SPACES_AND_CONTROLS, (run) => (CONTROL.test(run) ? ' ' : run))
    .trim();
}

// ---------------------------------------------------------------------------------------------
// matchingForms. Each step first checks cheaply whether it has anything to do.

/** Leetspeak inside a word whose letters are mostly Latin. */
const LEET_LATIN: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '€': 'e'
};
/** Leetspeak inside a word whose letters are mostly Cyrillic ("у6ью", "з0лото"). */
const LEET_CYRILLIC: Record<string, string> = {
  '0': 'о', '3': 'з', '4': 'ч', '6': 'б', '7': 'т', '8': 'в', '@': 'а', '$': 'с', '€': 'е'
};
const LEET_CHAR = /[0-9@$€]/;
const LEET_CHAR_G = /[0-9@$€]/g;
const WORD_CHAR = /[\p{L}\p{M}0-9@$€]/u;
const LATIN_LETTER = /[a-z\u00DF-\u024F]/g;
const CYRILLIC_LETTER = /[\u0400-\u052F]/g;

function count(text: string, re: RegExp): number {
  const m = text.match(re);
  return m ? m.length : 0;
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || code === 0x40 || code === 0x24;
  }
  return WORD_CHAR.test(text[i]);
}

function deLeetWord(word: string): string {
  const latin = count(word, LATIN_LETTER);
  const cyrillic = count(word, CYRILLIC_LETTER);
  if (latin + cyrillic === 0) return word; // a number, a price, another script
  const map = cyrillic > latin ? LEET_CYRILLIC : LEET_LATIN;
  let out = '';
  for (const c of word) out += map[c] ?? c;
  return out;
}

/** Reads leetspeak in the words that have a digit or @ $ € in them ("k1ll"), leaving numbers alone. */
function deLeet(text: string): string {
  if (!LEET_CHAR.test(text)) return text;
  let out = '';
  let done = 0;
  LEET_CHAR_G.lastIndex = 0;
  for (let m = LEET_CHAR_G.exec(text); m; m = LEET_CHAR_G.exec(text)) {
    let start = m.index;
    while (start > done && isWordChar(text, start - 1)) start--;
    let end = m.index + 1;
    while (end < text.length && isWordChar(text, end)) end++;
    out += text.slice(done, start) + deLeetWord(text.slice(start, end));
    done = end;
    LEET_CHAR_G.lastIndex = end;
  }
  return out + text.slice(done);
}

/** Three or more single letters (or leet digits) separated by spaces, dots, dashes, underscores: "k i l l", "у-б-ь-ю". */
const SPACED =
  /(^|[^\p{L}\p{M}\p{N}])((?:[\p{L}0-9@$€]\p{M}*)(?:[ ._\-*·~]{1,3}[\p{L}0-9@$€]\p{M}*){2,})(?=$|[^\p{L}\p{M}\p{N}])/gu;
const SPACED_SEPARATOR = /[ ._\-*·~]/g;
const LETTER_G = /\p{L}/gu;

function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x2e || code === 0x5f || code === 0x2d || code === 0x2a || code === 0xb7 || code === 0x7e;
}

/** Whether three one-character pieces follow each other between separators: the only case `SPACED` can match. */
function mayBeSpaced(text: string): boolean {
  let singles = 0;
  let length = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || isSeparator(text.charCodeAt(i))) {
      if (length === 1) {
        if (++singles >= 3) return true;
      } else if (length > 1) singles = 0;
      length = 0;
    } else length++;
  }
  return false;
}

function joinSpaced(text: string): string {
  if (!mayBeSpaced(text)) return text;
  return text.replace(SPACED, (whole, before: string, run: string) =>
    count(run, LETTER_G) >= 2 ? before + run.replace(SPACED_SEPARATOR, '') : whole
  );
}

const REPEATED = /(\p{L})\1{2,}/gu;

/** Whether a letter (or a code unit of a non-ASCII character) comes three times in a row: the only case `REPEATED` can match. */
function hasTriple(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xc0 || (code >= 0x61 && code <= 0x7a)) && code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2)) return true;
  }
  return false;
}

const MATCH_FOLD = /[ёґ]/g;
const MATCH_FOLD_MAP: Record<string, string> = { ё: 'е', ґ: 'г' };

/** Spaced letters joined, leetspeak read, ё→е, ґ→г; repeated letters not yet collapsed. */
function deobfuscate(normalised: string): string {
  return deLeet(joinSpaced(normalised)).replace(MATCH_FOLD, (c) => MATCH_FOLD_MAP[c] ?? c);
}

// Transliteration. Cyrillic→Latin follows informal chat spelling for Russian and Ukrainian
// ("ubyu", "ubit"), and Serbian Latin when the text has a Serbian-only letter (ђ ћ џ љ њ ј).
const CYR_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z',
  и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya', ђ: 'đ', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'ć', џ: 'dž', ѕ: 'dz',
  ў: 'u'
};
const CYR_LAT_SERBIAN: Record<string, string> = { ...CYR_LAT, ж: 'ž', ч: 'č', ш: 'š', ц: 'c' };
const SERBIAN_CYRILLIC = /[ђћџљњј]/;
const CYRILLIC_ANY = /[\u0400-\u04FF]/;

/** A map as a table indexed by code point − U+0400 (no string allocated per character). */
function cyrillicTable(map: Record<string, string>): (string | undefined)[] {
  const table: (string | undefined)[] = new Array<string | undefined>(0x100).fill(undefined);
  for (const [c, latin] of Object.entries(map)) table[c.charCodeAt(0) - 0x400] = latin;
  return table;
}
const CYR_LAT_TABLE = cyrillicTable(CYR_LAT);
const CYR_LAT_SERBIAN_TABLE = cyrillicTable(CYR_LAT_SERBIAN);

function cyrillicToLatin(text: string): string {
  if (!CYRILLIC_ANY.test(text)) return text;
  const table = SERBIAN_CYRILLIC.test(text) ? CYR_LAT_SERBIAN_TABLE : CYR_LAT_TABLE;
  let out = '';
  let done = 0;
  for (let i = 0; i < text.length; i++) {
    const latin = table[text.charCodeAt(i) - 0x400];
    if (latin !== undefined) {
      out += text.slice(done, i) + latin;
      done = i + 1;
    }
  }
  return out + text.slice(done);
}

// Latin→Cyrillic reads both Russian chat spelling (sh, ch, zh, kh, ts, ya, yu) and Serbian/Croatian
// Latin (č ć š ž đ, lj nj dž dj); 'j' is Serbian ј when the text has č ć đ š ž, else й.
// Works on char codes with lookup tables: it runs over every Latin letter of every message.
const LAT_CYR: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'й', k: 'к', l: 'л',
  m: 'м', n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'ш', x: 'х',
  z: 'з', č: 'ч', ć: 'ћ', š: 'ш', ž: 'ж', đ: 'ђ', y: 'ы'
};
const LAT_CYR_TABLE: (string | undefined)[] = new Array<string | undefined>(0x180).fill(undefined);
for (const [latin, cyrillic] of Object.entries(LAT_CYR)) LAT_CYR_TABLE[latin.charCodeAt(0)] = cyrillic;
/** Cyrillic consonants, by code point − U+0400: after one, "y" + vowel also writes a soft sign. */
const CONSONANT = new Uint8Array(0x100);
for (const c of 'бвгджзклмнпрстфхцчшщђћџљњј') CONSONANT[c.charCodeAt(0) - 0x400] = 1;
const IOTATED: Record<string, string> = { a: 'я', u: 'ю', e: 'е', o: 'е', i: 'и' };
const SERBIAN_LATIN = /[čćđšž]/;
const LATIN_RUN = /[a-zčćđšž'’ʼ]+/g;
const LATIN_ANY = /[a-zčćđšž]/;

function isConsonant(cyrillic: string): boolean {
  return CONSONANT[cyrillic.charCodeAt(cyrillic.length - 1) - 0x400] === 1;
}

/** The Cyrillic for a two- to four-letter Latin spelling at `i` ("sh", "shch", "lj"…), with its length. */
function digraph(run: string, i: number, serbian: boolean): [string, number] | null {
  const next = run.charCodeAt(i + 1);
  switch (run.charCodeAt(i)) {
    case 0x73: // s
      if (next === 0x68) return run.startsWith('shch', i) ? ['щ', 4] : ['ш', 2];
      return next === 0x63 && run.charCodeAt(i + 2) === 0x68 ? ['щ', 3] : null;
    case 0x63: return next === 0x68 ? ['ч', 2] : null; // ch
    case 0x7a: return next === 0x68 ? ['ж', 2] : null; // zh
    case 0x6b: return next === 0x68 ? ['х', 2] : null; // kh
    case 0x74: return next === 0x73 ? ['ц', 2] : null; // ts
    case 0x64: return serbian && next === 0x17e ? ['џ', 2] : serbian && next === 0x6a ? ['ђ', 2] : null; // dž, dj
    case 0x6c: return serbian && next === 0x6a ? ['љ', 2] : null; // lj
    case 0x6e: return serbian && next === 0x6a ? ['њ', 2] : null; // nj
    default: return null;
  }
}

function latinRunToCyrillic(run: string, before: string, serbian: boolean): string {
  let out = '';
  let afterConsonant = before !== '' && isConsonant(before);
  for (let i = 0; i < run.length; ) {
    const code = run.charCodeAt(i);
    let piece: string;
    let step = 1;
    if (code === 0x79 || (code === 0x6a && !serbian)) {
      // y, j: "ya", "yu", "ye" are я ю е; a "y" after a consonant also stands for the soft sign
      // ("ubyu" → "убью", "semya" → "семья", at the price of "lyudi" → "льюди"); "j" does not ("ljudi" → "люди")
      const iotated = IOTATED[run[i + 1]];
      if (iotated !== undefined && (code === 0x79 || run[i + 1] !== 'i')) {
        piece = (code === 0x79 && afterConsonant ? 'ь' : '') + iotated;
        step = 2;
      } else piece = code === 0x79 && afterConsonant ? 'ы' : 'й';
    } else if (code === 0x6a) {
      piece = 'ј';
    } else if (code === 0x27 || code === 0x2019 || code === 0x2bc) {
      piece = afterConsonant ? 'ь' : run[i]; // "ubit'" → "убить"
    } else {
      const pair = digraph(run, i, serbian);
      if (pair) [piece, step] = pair;
      else piece = LAT_CYR_TABLE[code] ?? run[i];
    }
    out += piece;
    afterConsonant = isConsonant(piece);
    i += step;
  }
  return out;
}

function latinToCyrillic(text: string): string {
  if (!LATIN_ANY.test(text)) return text;
  const serbian = SERBIAN_LATIN.test(text);
  return text.replace(LATIN_RUN, (run: string, offset: number) => latinRunToCyrillic(run, text[offset - 1] ?? '', serbian));
}

// Homoglyph unification: in a word that mixes scripts, the letters of the minority scripts are
// replaced by look-alikes (else sound-alikes) in the majority script: "уbью" → "убью", "kіll" → "kill".
const TO_LATIN: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', г: 'r', д: 'd', е: 'e', ё: 'e', з: 'z', и: 'u', й: 'u', і: 'i', ї: 'i', ј: 'j',
  к: 'k', л: 'l', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ь: 'b',
  ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y', б: 'b', ф: 'f', ц: 'c', ч: 'ch',
  ш: 'w', щ: 'w', ж: 'zh', э: 'e', ю: 'yu', я: 'ya', ы: 'bi', ъ: 'b', є: 'e', ґ: 'r',
  // Greek
  α: 'a', β: 'b', γ: 'y', δ: 'd', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p',
  σ: 'o', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  // Armenian
  օ: 'o', ս: 'u', հ: 'h', ո: 'n', ռ: 'n', ց: 'g', զ: 'q', գ: 'q', ա: 'w', ք: 'f'
};
const TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'с', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'н', i: 'і', j: 'ј', k: 'к', l: 'л',
  m: 'м', n: 'п', o: 'о', p: 'р', q: 'к', r: 'г', s: 'с', t: 'т', u: 'и', v: 'в', w: 'ш', x: 'х',
  y: 'у', z: 'з'
};
const WORD = /[\p{L}\p{M}]+/gu;
/** Two neighbouring letters of different scripts (Latin / Greek / Cyrillic and Armenian). */
const SCRIPT_MIX =
  /[a-z\u00C0-\u024F][\u0370-\u058F]|[\u0370-\u058F][a-z\u00C0-\u024F]|[\u0370-\u03FF][\u0400-\u058F]|[\u0400-\u058F][\u0370-\u03FF]/;

function unifyWord(word: string): string {
  if (!SCRIPT_MIX.test(word)) return word;
  let latin = 0;
  let cyrillic = 0;
  for (const c of word) {
    const cp = c.codePointAt(0) ?? 0;
    if (cp < 0x250) latin++;
    else if (cp >= 0x400 && cp < 0x530) cyrillic++;
  }
  let out = '';
  if (cyrillic >= latin) {
    for (const c of word) {
      const cp = c.codePointAt(0) ?? 0;
      if (cp >= 0x400 && cp < 0x530) out += c;
      else {
        const asLatin = cp < 0x250 ? c : (TO_LATIN[c] ?? c);
        for (const l of asLatin) out += TO_CYRILLIC[l] ?? l;
      }
    }
  } else {
    for (const c of word) out += (c.codePointAt(0) ?? 0) < 0x250 ? c : (TO_LATIN[c] ?? c);
  }
  return out;
}

function unifyScripts(text: string): string {
  return SCRIPT_MIX.test(text) ? text.replace(WORD, unifyWord) : text;
}

/**
 * The forms a text is matched in, for lexicon matching. Apply the same function to lexicon terms and to messages.
 * Must include: the normalised text; a de-obfuscated form (leetspeak 0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s, €→e; repeated letters collapsed to at most two, e.g. "kiiiill" → "kiill"; separators inside words removed when the word is spelled with single letters separated by spaces/dots/dashes/underscores, e.g. "k i l l", "k.i.l.l", "у-б-ь-ю"); a Cyrillic→Latin transliteration and a Latin→Cyrillic transliteration (for Russian/Ukrainian/Serbian mixing: "ubyu"/"убью", "ubit"/"убить"), and a homoglyph-unified form (mixed-script words like "уbью" where Latin/Cyrillic look-alikes are mixed map to a single script). Return distinct strings, at most ~6 forms.
 *
 * In this order, duplicates dropped (so a position does not identify a kind of form), at most 6:
 * normalised; de-obfuscated (also ё→е, ґ→г; digits in a mostly Cyrillic word read as Cyrillic,
 * "у6ью"); de-obfuscated with runs of 3+ letters cut to one ("kiiiill" → "kill"); then from the
 * de-obfuscated form: Cyrillic→Latin, Latin→Cyrillic, homoglyph-unified.
 */
export function matchingForms(text: string): string[] {
  const n = normalise(text);
  const plain = deobfuscate(n);
  const triple = hasTriple(plain);
  const d = triple ? plain.replace(REPEATED, '$1$1') : plain;
  const forms = [n];
  const add = (form: string) => {
    if (!forms.includes(form)) forms.push(form);
  };
  add(d);
  if (triple) add(plain.replace(REPEATED, '$1'));
  add(cyrillicToLatin(d));
  add(latinToCyrillic(d));
  add(unifyScripts(d));
  return forms;
}
