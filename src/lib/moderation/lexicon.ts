// Lexicons that help moderators catch threats, hate speech, misogyny and sexual harassment, in the
// languages spoken across the conflict lines Parley serves. The word lists live in ./lexicons/, one
// reviewable file per language with its sources and rationale; this module compiles them (plus a
// room's own terms) into one matcher.
//
// How matching works:
// - Every term and every message is run through matchingForms() (normalised, de-leeted, de-spaced,
//   transliterated Cyrillic↔Latin, homoglyph-unified), so obfuscated text meets the same forms.
// - Each form is cut into words: runs of letters, digits and combining marks of any script
//   (\p{L}\p{N}\p{M}); everything else, apostrophes included, is a boundary. A term matches only
//   whole words, in order and adjacent, so "skill" never matches "kill" and "сукно" never "сука".
// - A term with match: 'prefix' lets its last word be a stem: "шлюх" matches "шлюхи", "шлюхой".
// - Apostrophes inside a term are tried both as a boundary and as nothing ("вб'ю" / "вбю", "i'll" /
//   "ill"), and a multi-word term is also tried with any run of its words joined ("killyou",
//   "go killyourself"), so messages that were de-spaced ("k i l l  y o u") still meet it.
// Compile once: the work per message is a handful of map lookups per word.
import { matchingForms } from './normalise.ts';
import { LEXICON_SOURCES } from './lexicons/index.ts';

export const CATEGORIES = ['threat', 'hate', 'misogyny', 'sexualHarassment'] as const;
export type Category = (typeof CATEGORIES)[number];
/** 1 insult/harassment, 2 serious abuse/dehumanisation, 3 threat to life/safety or incitement. */
export type Severity = 1 | 2 | 3;

export interface LexiconTerm {
  term: string;
  category: Category;
  severity: Severity;
  language: string;
  /** optional: 'prefix' lets inflected forms match (Slavic/Turkic morphology), default 'word' */
  match?: 'word' | 'prefix';
}

export interface LexiconHit {
  term: string;
  category: Category;
  severity: Severity;
  language: string;
}

/** One entry of a bundled lexicon file: its language is the file's. */
export type LexiconEntry = Omit<LexiconTerm, 'language'>;

/** One bundled lexicon file. */
export interface LexiconSource {
  language: string;
  /** Where the terms come from, and why these and not others: for reviewers. */
  sources: readonly string[];
  rationale: string;
  terms: readonly LexiconEntry[];
}

export const BUNDLED_LANGUAGES: string[] = LEXICON_SOURCES.map((source) => source.language);

/** Every bundled term, with its language. */
export const BUNDLED_TERMS: readonly LexiconTerm[] = Object.freeze(
  LEXICON_SOURCES.flatMap((source) => source.terms.map((entry) => Object.freeze({ ...entry, language: source.language })))
);

/** A prefix shorter than this would match far too much: such a term is matched as a whole word. */
const MIN_PREFIX_LENGTH = 3;
const MAX_TERM_LENGTH = 200;
const MAX_LANGUAGE_LENGTH = 16;

/** Apostrophes are word boundaries ("вб'ю" → "вб", "ю"); terms are also tried without them. */
const APOSTROPHES = /['\u2018\u2019\u02BB\u02BC`\u00B4\u2032\uFF07]/gu;
const APOSTROPHE = /['\u2018\u2019\u02BB\u02BC`\u00B4\u2032\uFF07]/u;
/**
 * Marks left after NFKC (precomposed letters such as "ș" or "é" are not marks): Arabic short vowels,
 * stacked "Zalgo" diacritics. Plus the Arabic tatweel, a letter that only stretches a word.
 */
const LOOSE_MARK = /[\p{Mn}\u0640]/u;
/** Scripts written without spaces between words: each character is a word of its own. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Spelling variants folded for matching: Arabic alef with hamza/madda, tā' marbūṭa, alif maqṣūra; Romanian s/t with cedilla. */
const SPELLING_FOLD = new Map<number, string>([
  [0x0622, 'ا'], [0x0623, 'ا'], [0x0625, 'ا'], [0x0671, 'ا'], [0x0629, 'ه'], [0x0649, 'ي'], [0x015f, 'ș'], [0x0163, 'ț']
]);

const BOUNDARY = 0;
const LETTER = 1;
const DROPPED = 2;
const OWN_WORD = 3;
const kinds = new Map<number, number>();
const MAX_CACHED_KINDS = 65_536;

function kindOf(cp: number): number {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) ? LETTER : BOUNDARY;
  if (cp >= 0x430 && cp <= 0x44f) return LETTER; // Cyrillic а–я
  let kind = kinds.get(cp);
  if (kind === undefined) {
    const char = String.fromCodePoint(cp);
    kind = APOSTROPHE.test(char)
      ? BOUNDARY
      : LOOSE_MARK.test(char)
        ? DROPPED
        : SPACELESS.test(char)
          ? OWN_WORD
          : WORD_CHAR.test(char)
            ? LETTER
            : BOUNDARY;
    if (kinds.size < MAX_CACHED_KINDS) kinds.set(cp, kind);
  }
  return kind;
}

/**
 * Words of one form: runs of letters, digits and marks of any script (\p{L}\p{N}\p{M}). Apostrophes
 * and every other character are boundaries, and in scripts written without spaces (Chinese,
 * Japanese, Thai...) every character is a word, so a room term in those scripts matches as a run of
 * characters. Left-over marks and tatweel are dropped and spelling variants folded (alef with
 * hamza/madda → alef, tā' marbūṭa → hā', alif maqṣūra → yā'; Romanian ş ţ → ș ț), the same on terms
 * and messages. A hand-written loop: this runs on every form of every message.
 */
function words(form: string): string[] {
  const out: string[] = [];
  let start = -1; // the current word, while it is a plain slice of the form
  let built: string | null = null; // the current word, once a character in it was dropped or folded
  const flush = (end: number) => {
    if (built !== null) {
      if (built.length > 0) out.push(built);
    } else if (start >= 0 && end > start) out.push(form.slice(start, end));
    start = -1;
    built = null;
  };
  for (let i = 0; i < form.length; i++) {
    let cp = form.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < form.length) {
      const full = form.codePointAt(i) ?? cp;
      if (full > 0xffff) {
        cp = full;
        width = 2;
      }
    }
    const kind = kindOf(cp);
    if (kind === LETTER) {
      const folded = cp < 0x15f ? undefined : SPELLING_FOLD.get(cp);
      if (folded !== undefined) {
        built = (built ?? (start >= 0 ? form.slice(start, i) : '')) + folded;
      } else if (built !== null) {
        built += form.slice(i, i + width);
      } else if (start < 0) start = i;
    } else if (kind === DROPPED) {
      if (built === null && start >= 0) built = form.slice(start, i);
    } else if (kind === OWN_WORD) {
      flush(i);
      out.push(form.slice(i, i + width));
    } else flush(i);
    i += width - 1;
  }
  flush(form.length);
  return out;
}

interface Pattern {
  /** Words after the first; the last one is a stem when prefix is set. */
  rest: string[];
  prefix: boolean;
  entry: number;
}

interface StemNode {
  /** Keyed by UTF-16 code unit, the same on terms and messages. */
  next: Map<number, StemNode>;
  /** Single-word prefix patterns whose stem ends here. */
  ends: number[];
}

interface Entry {
  hit: LexiconHit;
}

function isValidTerm(value: unknown): value is LexiconTerm {
  if (typeof value !== 'object' || value === null) return false;
  const term = value as Record<string, unknown>;
  return (
    typeof term.term === 'string' &&
    term.term.trim().length > 0 &&
    term.term.length <= MAX_TERM_LENGTH &&
    (CATEGORIES as readonly unknown[]).includes(term.category) &&
    (term.severity === 1 || term.severity === 2 || term.severity === 3) &&
    (term.match === undefined || term.match === 'word' || term.match === 'prefix')
  );
}

function safeForms(text: string): string[] {
  try {
    const forms = matchingForms(text);
    if (Array.isArray(forms) && forms.length > 0) return forms;
  } catch {
    // A scanner must never stop a message: fall through to the plain lower-cased text.
  }
  return [text.toLowerCase()];
}

/**
 * A compiled matcher over the bundled lexicons plus optional room-specific terms (facilitators add
 * those, any language). Compile once; each call costs a few map lookups per word of each form.
 * Never throws: room terms that are not well-formed are skipped.
 */
export function compileLexicon(extraTerms: LexiconTerm[] = []): (text: string) => LexiconHit[] {
  const entries: Entry[] = [];
  const exact = new Map<string, Pattern[]>();
  const stems: StemNode = { next: new Map(), ends: [] };

  const addStem = (stem: string, entry: number) => {
    let node = stems;
    for (let j = 0; j < stem.length; j++) {
      const unit = stem.charCodeAt(j);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map(), ends: [] };
        node.next.set(unit, child);
      }
      node = child;
    }
    if (!node.ends.includes(entry)) node.ends.push(entry);
  };

  /** entry|prefix|words of every pattern added: a set, since a long term gives thousands of patterns. */
  const patternKeys = new Set<string>();
  const addPattern = (tokens: string[], prefix: boolean, entry: number) => {
    const last = tokens[tokens.length - 1];
    const asPrefix = prefix && last.length >= MIN_PREFIX_LENGTH;
    if (asPrefix && tokens.length === 1) return addStem(tokens[0], entry);
    const key = `${entry}|${asPrefix}|${tokens.join(' ')}`;
    if (patternKeys.has(key)) return;
    patternKeys.add(key);
    const list = exact.get(tokens[0]) ?? [];
    list.push({ rest: tokens.slice(1), prefix: asPrefix, entry });
    exact.set(tokens[0], list);
  };

  /** category|mode|form → entry: a term one of whose forms is already an entry's form is the same term. */
  const byForm = new Map<string, number>();

  const add = (term: LexiconTerm) => {
    const mode = term.match === 'prefix' ? 'prefix' : 'word';
    const prefix = mode === 'prefix';
    const variants = new Set([term.term, term.term.replace(APOSTROPHES, '')]);
    const sequences: string[][] = [];
    for (const variant of variants) {
      for (const form of new Set(safeForms(variant))) {
        const tokens = words(form);
        if (tokens.length === 0) continue;
        sequences.push(tokens);
        // De-spacing joins a letter-by-letter run into one word ("go k i l l  y o u r s e l f" →
        // "go killyourself"): try every run of adjacent words joined.
        for (let from = 0; from < tokens.length - 1; from++) {
          for (let to = from + 2; to <= tokens.length; to++) {
            sequences.push([...tokens.slice(0, from), tokens.slice(from, to).join(''), ...tokens.slice(to)]);
          }
        }
      }
    }
    if (sequences.length === 0) return;
    const keys = sequences.map((tokens) => `${term.category}|${mode}|${tokens.join(' ')}`);
    // The same term in two lexicons or two scripts ("кацап" in ru and uk, "курва"/"kurva") is one
    // entry: one hit, with the higher severity and the first lexicon's spelling and language.
    let index = keys.map((key) => byForm.get(key)).find((found) => found !== undefined);
    if (index === undefined) {
      const language =
        typeof term.language === 'string' && term.language.length > 0 && term.language.length <= MAX_LANGUAGE_LENGTH ? term.language : 'und';
      index = entries.length;
      entries.push({ hit: { term: term.term, category: term.category, severity: term.severity, language } });
    } else if (term.severity > entries[index].hit.severity) {
      entries[index].hit.severity = term.severity;
    }
    for (const key of keys) if (!byForm.has(key)) byForm.set(key, index);
    for (const tokens of sequences) addPattern(tokens, prefix, index);
  };

  for (const term of BUNDLED_TERMS) add(term);
  if (Array.isArray(extraTerms)) for (const term of extraTerms) if (isValidTerm(term)) add(term);

  const restMatches = (pattern: Pattern, tokens: string[], start: number): boolean => {
    const { rest } = pattern;
    if (start + rest.length >= tokens.length) return false;
    for (let k = 0; k < rest.length; k++) {
      const token = tokens[start + 1 + k];
      const isLast = k === rest.length - 1;
      if (isLast && pattern.prefix ? !token.startsWith(rest[k]) : token !== rest[k]) return false;
    }
    return true;
  };

  return (text: string): LexiconHit[] => {
    if (typeof text !== 'string' || text.length === 0) return [];
    const found = new Set<number>();
    const forms = safeForms(text);
    for (let f = 0; f < forms.length; f++) {
      const form = forms[f];
      if (forms.indexOf(form) !== f) continue;
      const tokens = words(form);
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const patterns = exact.get(token);
        if (patterns) for (const pattern of patterns) if (restMatches(pattern, tokens, i)) found.add(pattern.entry);
        let node: StemNode | undefined = stems;
        for (let j = 0; j < token.length; j++) {
          node = node.next.get(token.charCodeAt(j));
          if (!node) break;
          for (const entry of node.ends) found.add(entry);
        }
      }
    }
    if (found.size === 0) return [];
    return [...found]
      .sort((a, b) => entries[b].hit.severity - entries[a].hit.severity || a - b)
      .map((index) => ({ ...entries[index].hit }));
  };
}
