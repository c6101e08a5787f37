/**
 * Personal-data ("doxxing") detector for drafts, run on the author's own device before sending.
 *
 * It finds text that may reveal where someone lives or how to reach or identify them: phone
 * numbers, e-mail addresses (also obfuscated ones), street addresses, passport/ID numbers and
 * geographic coordinates or map links. Nothing is reported anywhere: the caller shows the author
 * a gentle warning and the author decides. A false positive costs a nudge, a false negative can
 * cost a life, so the rules lean towards recall, while ordinary numbers (years, prices, times,
 * dates, counts, versions, percentages, distances) are deliberately left alone.
 *
 * Browser constraints (old phones): no RegExp lookbehind (Safari < 16.4), no `v` flag, patterns
 * with bounded backtracking only, and word lists are matched against a lower-cased copy of the
 * text without the `i` flag (several times faster for Unicode). Phones: a cheap candidate pass
 * finds digit groups, then libphonenumber-js with its small `min` metadata decides, for numbers
 * with "+"/"00" by parsing and for national formats by the same length-and-pattern test its
 * `isValid()` applies, run against the metadata of each default country. Its full-text matcher
 * (`findPhoneNumbersInText`) was measured at ~0.5 ms for a 200-character message with a few
 * numbers in it, and would add 7 kB gzipped, so it is not used.
 */
import {
  Metadata,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber
} from 'libphonenumber-js/min';

export const PERSONAL_DATA_KINDS = ['phone', 'email', 'address', 'idNumber', 'coordinates'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];
export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** the matched text as written */
  text: string;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------

/** ASCII, Arabic-Indic, Extended Arabic-Indic (Persian/Urdu) and full-width digits. */
const D = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9\\uFF10-\\uFF19]';
const NON_ASCII_DIGIT_RE = /[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g;
/** Each of those blocks starts at a code point ending in 0, so the low nibble is the value. */
function asciiDigits(s: string): string {
  return s.replace(NON_ASCII_DIGIT_RE, (c) => String(c.charCodeAt(0) & 0xf));
}
function onlyDigits(s: string): string {
  return asciiDigits(s).replace(/[^0-9]/g, '');
}

const ANY_DIGIT_RE = new RegExp(D);
const LETTER_RE = /[\p{L}\p{M}]/u;
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}_]/u;

/** The character (code point) just before `i`, or ''. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1] ?? '';
}
/** The character (code point) at `i`, or ''. */
function charAt(text: string, i: number): string {
  if (i < 0 || i >= text.length) return '';
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}
function isLetter(ch: string): boolean {
  return ch !== '' && LETTER_RE.test(ch);
}
function isWordChar(ch: string): boolean {
  return ch !== '' && WORD_CHAR_RE.test(ch);
}
/** Upper-case initial, or a script written without case (Georgian, Arabic, ...): reads as a name. */
function looksLikeName(word: string): boolean {
  const first = charAt(word, 0);
  if (!isLetter(first)) return false;
  // Georgian Mkhedruli has Mtavruli capitals in Unicode but is written without case.
  if (first >= '\u10D0' && first <= '\u10FF') return true;
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  return lower === upper || first === upper;
}
/** A cased word starting with a capital ("Ленина", "Eminescu"), not a caseless one. */
function isCapitalised(word: string): boolean {
  const first = charAt(word, 0);
  if (first >= '\u10D0' && first <= '\u10FF') return false;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/**
 * A lower-cased copy with the same length, so that indices carry over to the original.
 * (`toLowerCase` changes the length of a few characters, e.g. "İ".)
 */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
/** Regex alternation of literal words, longest first so that no word shadows a longer one. */
function alt(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
}

interface Span {
  start: number;
  end: number;
}
/** Is `i` inside one of `spans` (sorted, non-overlapping)? */
function inAny(spans: readonly Span[], i: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (!s) break;
    if (i < s.start) hi = mid - 1;
    else if (i >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

interface Ctx {
  text: string;
  /** `text` lower-cased, same length. */
  lower: string;
  urls: Span[];
  hits: PersonalDataHit[];
}
function push(ctx: Ctx, kind: PersonalDataKind, start: number, end: number): void {
  if (end > start) ctx.hits.push({ kind, text: ctx.text.slice(start, end), start, end });
}

const YEAR_RE = /^(?:19|20)\d\d$/;

/**
 * Contains a date: "12.05.2024", "12/05/2024", "12-05-2024", "2024-05-12" anywhere, or starts with
 * "12.05.24". ("9-12-34" inside a longer number is the usual ex-USSR way of writing a phone number.)
 */
function isDateLike(ascii: string): boolean {
  const dayMonth = (m: RegExpExecArray | null): boolean =>
    m !== null && +(m[1] ?? 0) >= 1 && +(m[1] ?? 0) <= 31 && +(m[3] ?? 0) >= 1 && +(m[3] ?? 0) <= 31;
  if (dayMonth(/(?:^|\D)(\d{1,2})([./-])(\d{1,2})\2(?:19|20)\d\d(?!\d)/.exec(ascii))) return true;
  if (dayMonth(/^\D?(\d{1,2})([./])(\d{1,2})\2\d\d(?!\d)/.exec(ascii))) return true;
  const m = /(?:^|\D)((?:19|20)\d\d)([./-])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(ascii);
  return m !== null && +(m[3] ?? 0) >= 1 && +(m[3] ?? 0) <= 12;
}

/** Every digit group is a year, or the digits are a year range: "2023 2024", "2019-2024", "2019-20". */
function isYearish(ascii: string): boolean {
  const groups = ascii.split(/[^0-9]+/).filter((g) => g.length > 0);
  if (groups.length === 0) return false;
  if (groups.length === 2 && YEAR_RE.test(groups[0] ?? '') && (groups[1] ?? '').length === 2) return true;
  return groups.every((g) => YEAR_RE.test(g));
}

/** Currency and units right after a number: an amount, not a phone or ID number. */
const AMOUNT_AFTER_RE =
  /^\s?(?:lei|леев|лей|lari|лари|manat|манат|dram|драм|грн|гривен\p{L}*|гривн\p{L}*|руб\p{L}*|rub|uah|usd|eur|euro|евро|євро|dollars?|долл?\p{L}*|din|дин\p{L}*|rsd|km|kn|kuna|hrk|lek|lekë|leke|mdl|ron|gel|try|tl|chf|gbp|franc\p{L}*|mln|млн|млрд|mlrd|тыс\p{L}*|тис\p{L}*|bin|milyon|million\p{L}*|people|persons|человек|чел|осіб|людей|persoane|oameni|kişi|лет|років|years|ani|yıl|m|kg|кг|км|м|га|tonn?\p{L}*|тонн?\p{L}*|[%‰$€£₺₽₴₾₼֏])(?![\p{L}])/u;

// ---------------------------------------------------------------------------------------------
// URLs (their digits are not phone numbers or house numbers, except in tel/WhatsApp/... links)
// ---------------------------------------------------------------------------------------------

const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"'«»]+/gu;
const URL_TRAILING_RE = /[.,;:!?)\]}'"»]+$/u;

function findUrls(lower: string): Span[] {
  const out: Span[] = [];
  if (lower.indexOf('http') < 0 && lower.indexOf('www.') < 0) return out;
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(lower)) !== null) {
    const raw = m[0].replace(URL_TRAILING_RE, '');
    if (raw.length > 0) out.push({ start: m.index, end: m.index + raw.length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Coordinates and map links
// ---------------------------------------------------------------------------------------------

const MAP_HOSTS =
  '(?:maps\\.google\\.[a-z.]{2,7}|(?:www\\.)?google\\.[a-z.]{2,7}\\/maps|maps\\.app\\.goo\\.gl|goo\\.gl\\/maps|' +
  '(?:www\\.)?openstreetmap\\.org|osm\\.org|(?:www\\.)?yandex\\.[a-z]{2,3}\\/maps|maps\\.yandex\\.[a-z]{2,3}|' +
  '(?:[a-z]{2}\\.)?2gis\\.[a-z]{2,3}|maps\\.apple\\.com|(?:www\\.)?waze\\.com|(?:www\\.)?bing\\.com\\/maps|' +
  'wego\\.here\\.com|share\\.here\\.com|(?:www\\.)?what3words\\.com|w3w\\.co|maps\\.me|ge0\\.me|mapy\\.cz|' +
  '(?:www\\.)?geohack\\.toolforge\\.org)';
const MAP_HINT_RE = /maps|goo\.gl|openstreetmap|osm\.org|2gis|waze|here\.com|what3words|w3w\.co|ge0\.me|mapy\.cz|geohack/;
/** A map-service link with something after the host (a place, a share id or coordinates). Lower-case text. */
const MAP_LINK_RE = new RegExp(`(?:https?:\\/\\/)?${MAP_HOSTS}[/?#@][^\\s<>"'«»]+`, 'gu');
/** A geo: URI (RFC 5870). Lower-case text. */
const GEO_URI_RE = /geo:-?\d{1,3}(?:\.\d+)?,-?\d{1,3}(?:\.\d+)?(?:,-?\d+(?:\.\d+)?)?(?:;[^\s<>"']*)?/gu;
/** what3words addresses: ///word.word.word (any script). */
const W3W_RE = /\/\/\/\p{L}+[.｡]\p{L}+[.｡]\p{L}+/gu;
/** Any URL whose text carries a coordinate pair, e.g. ?ll=46.84,29.64 or /@46.84,29.64,17z. */
const URL_COORD_RE = /-?\d{1,2}\.\d{3,}(?:,|%2c)\s?-?\d{1,3}\.\d{3,}/u;

/** Degrees with optional minutes and seconds, or decimal degrees, with a degree sign. */
const DMS = `(\\d{1,3}(?:[.,]\\d+)?)\\s?°(?:\\s?(\\d{1,2}(?:[.,]\\d+)?)\\s?['′’](?:\\s?(\\d{1,2}(?:[.,]\\d+)?)\\s?(?:["″”]|''|′′|’’))?)?`;
const HEM_LAT = `(?:[NSnsKG]|с\\.\\s?ш\\.?|ю\\.\\s?ш\\.?|пн\\.\\s?ш\\.?|пд\\.\\s?ш\\.?)`;
const HEM_LON = `(?:[EWOewoDB]|в\\.\\s?д\\.?|з\\.\\s?д\\.?|сх\\.\\s?д\\.?)`;
/** "lat 46.84 lon 29.64", "широта 46.84 долгота 29.64", "enlem/boylam". */
const LAT_WORD = `(?:[Ll]at(?:itude)?|LAT|[Шш]ирота|[Шш]ирина|[Ee]nlem|[Ll]atitudine)\\s?[:=]?`;
const LON_WORD = `(?:[Ll]on(?:g(?:itude)?)?|[Ll]ng|LON|[Дд]олгота|[Дд]овгота|[Bb]oylam|[Ll]ongitudine)\\s?[:=]?`;
const DMS_PAIR_RE = new RegExp(
  `(?:(${HEM_LAT})\\s?)?${DMS}(?:\\s?(${HEM_LAT})(?![\\p{L}]))?[\\s,;/]{0,3}` +
    `(?:(${HEM_LON})\\s?)?${DMS}(?:\\s?(${HEM_LON})(?![\\p{L}]))?`,
  'gu'
);
/** Decimal pair, optionally with hemisphere letters or lat/lon words before or after each part. */
const DEC_PAIR_RE = new RegExp(
  `(?:(${HEM_LAT}|${LAT_WORD})\\s?)?(-?\\d{1,2})([.,])(\\d{2,})(?:\\s?°)?(?:\\s?(${HEM_LAT})(?![\\p{L}]))?` +
    `(\\s*[,;/]\\s*|\\s+)(?:(${HEM_LON}|${LON_WORD})\\s?)?(-?\\d{1,3})([.,])(\\d{2,})(?:\\s?°)?(?:\\s?(${HEM_LON})(?![\\p{L}]))?(?![\\d])`,
  'gu'
);
const DEC_PAIR_GATE_RE = /\d[.,]\d\d[^]{1,24}\d[.,]\d\d/;

function findCoordinates(ctx: Ctx): void {
  const { text, lower, urls } = ctx;
  let m: RegExpExecArray | null;
  if (MAP_HINT_RE.test(lower)) {
    MAP_LINK_RE.lastIndex = 0;
    while ((m = MAP_LINK_RE.exec(lower)) !== null) {
      push(ctx, 'coordinates', m.index, m.index + m[0].replace(URL_TRAILING_RE, '').length);
    }
  }
  // Any other link that spells out a coordinate pair.
  for (const u of urls) {
    if (URL_COORD_RE.test(lower.slice(u.start, u.end))) push(ctx, 'coordinates', u.start, u.end);
  }
  if (lower.indexOf('geo:') >= 0) {
    GEO_URI_RE.lastIndex = 0;
    while ((m = GEO_URI_RE.exec(lower)) !== null) push(ctx, 'coordinates', m.index, m.index + m[0].length);
  }
  if (text.indexOf('///') >= 0) {
    W3W_RE.lastIndex = 0;
    while ((m = W3W_RE.exec(text)) !== null) push(ctx, 'coordinates', m.index, m.index + m[0].length);
  }

  if (text.indexOf('°') >= 0) {
    DMS_PAIR_RE.lastIndex = 0;
    while ((m = DMS_PAIR_RE.exec(text)) !== null) {
      const start = m.index;
      const latDeg = parseFloat((m[2] ?? '').replace(',', '.'));
      const lonDeg = parseFloat((m[7] ?? '').replace(',', '.'));
      const hasHem = (m[1] !== undefined || m[5] !== undefined) && (m[6] !== undefined || m[10] !== undefined);
      const hasMinutes = m[3] !== undefined && m[8] !== undefined;
      // Degrees alone ("25°, 30°") are more often temperatures or angles.
      if ((hasHem || hasMinutes) && latDeg <= 90 && lonDeg <= 180 && !isWordChar(charBefore(text, start))) {
        push(ctx, 'coordinates', start, start + m[0].length);
      } else {
        DMS_PAIR_RE.lastIndex = start + 1;
      }
    }
  }

  if (!DEC_PAIR_GATE_RE.test(text)) return;
  DEC_PAIR_RE.lastIndex = 0;
  while ((m = DEC_PAIR_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = charBefore(text, start);
    const lat = Math.abs(parseFloat(`${m[2]}.${m[4]}`));
    const lon = Math.abs(parseFloat(`${m[8]}.${m[10]}`));
    const latSep = m[3];
    const between = m[6] ?? '';
    const hasHem = (m[1] !== undefined || m[5] !== undefined) && (m[7] !== undefined || m[11] !== undefined);
    const decimals = Math.min((m[4] ?? '').length, (m[10] ?? '').length);
    let ok = lat <= 90 && lon <= 180 && latSep === m[9] && !isWordChar(before) && before !== '.' && before !== ',' && !inAny(urls, start);
    if (ok && !hasHem) {
      // Bare pairs need GPS-like precision (4+ decimals, ~10 m); a comma decimal separator must
      // not double as the list separator; small pairs ("1.0845, 1.0921", "4.5678, 4.8912") are more
      // often rates or scores than places near the equator.
      ok = decimals >= 4 && (latSep === '.' || !between.includes(',')) && (lat >= 10 || lon >= 10);
    }
    if (ok) push(ctx, 'coordinates', start, end);
    else DEC_PAIR_RE.lastIndex = start + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses
// ---------------------------------------------------------------------------------------------

const LOCAL_CHAR_RE = /[\p{L}\p{M}\p{N}._%+\-'’!#$&*=?^`{|}~]/u;
const DOMAIN_CHAR_RE = /[\p{L}\p{M}\p{N}.\-]/u;
const TLD_RE = /^(?:[\p{L}\p{M}]{2,}|xn--[a-z0-9-]{2,})$/u;
const LABEL_RE = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;

/** TLDs accepted when the obfuscation is loose ("name at domain dot com", "name @ domain.com"). */
const COMMON_TLDS = new Set([
  'com', 'org', 'net', 'info', 'io', 'eu', 'me', 'biz', 'edu', 'gov', 'int', 'app', 'online', 'email',
  'ru', 'su', 'ua', 'md', 'ro', 'am', 'az', 'ge', 'tr', 'rs', 'ba', 'hr', 'al', 'xk', 'fr', 'de', 'uk',
  'by', 'kz', 'uz', 'kg', 'tj', 'mk', 'si', 'bg', 'gr', 'it', 'es', 'nl', 'be', 'ch', 'at', 'pl',
  'lb', 'jo', 'sy', 'iq', 'eg', 'sa', 'ae', 'qa', 'kw', 'om', 'bh', 'ma', 'dz', 'tn', 'ly', 'ps', 'ye',
  'рф', 'укр', 'срб', 'бел', 'қаз', 'мкд', 'հայ', 'გე', 'ею'
]);

// All e-mail obfuscation patterns run on the lower-cased text.
const AT_MARK_RE =
  /\s*[[({<]\s*(?:at|@|＠|собака|собачка|arobase|arobas|arroba|et)\s*[\])}>]\s*|\s+(?:собака|собачка|arobase|arobas|arroba|at)\s+|\s+[@＠]\s+/gu;
const DOT_BRACKETED = `\\s*[\\[({<]\\s*(?:dot|точка|point|punct|nokta|\\.)\\s*[\\])}>]\\s*`;
const DOT_WORD = `\\s+(?:dot|точка|point|punct|nokta)\\s+`;
const DOT_PLAIN = `\\s?\\.\\s?`;
const LABEL = `[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}\\-]{0,61}[\\p{L}\\p{M}\\p{N}])?`;
const OBF_DOMAIN_RE = new RegExp(
  `${LABEL}((?:(?:${DOT_BRACKETED}|${DOT_WORD}|${DOT_PLAIN})${LABEL}){1,4})(?![\\p{L}\\p{M}\\p{N}])`,
  'uy'
);
/** Obfuscated dots inside the local part: "anna dot k at gmail dot com". */
const OBF_LOCAL_TAIL_RE = new RegExp(
  `(?:[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N}._%+\\-]{0,63}(?:${DOT_BRACKETED}|${DOT_WORD})){1,2}$`,
  'u'
);
const LOCAL_DOT_HINT_RE = /(?:dot|точка|point|punct|nokta)\s+$|[\])}>]\s*$/u;
const DOT_SPLIT_RE = new RegExp(`(${DOT_BRACKETED}|${DOT_WORD}|${DOT_PLAIN})`, 'u');
const OBFUSCATION_HINT_RE = /\s[@＠]\s|[[({<]\s*(?:at|@|＠|собака|arobase|et)\s*[\])}>]|\sat\s|собак|arobas|arroba/u;
const PLAIN_DOT_RE = /^\s?\.\s?$/;

function findEmails(ctx: Ctx): void {
  const { text, lower } = ctx;
  // Plain addresses: expand around every @.
  for (let i = text.search(/[@＠]/); i >= 0 && i < text.length; ) {
    let s = i;
    while (s > 0 && LOCAL_CHAR_RE.test(text[s - 1] ?? '')) s--;
    while (s < i && /[.\-+'’]/.test(text[s] ?? '')) s++;
    let e = i + 1;
    while (e < text.length && DOMAIN_CHAR_RE.test(text[e] ?? '')) e++;
    while (e > i + 1 && /[.\-]/.test(text[e - 1] ?? '')) e--;
    const labels = text.slice(i + 1, e).split('.');
    const tld = labels[labels.length - 1] ?? '';
    let next = i + 1;
    if (s < i && labels.length >= 2 && labels.every((l) => LABEL_RE.test(l)) && TLD_RE.test(tld)) {
      push(ctx, 'email', s, e);
      next = e;
    }
    const rel = text.slice(next).search(/[@＠]/);
    i = rel < 0 ? -1 : next + rel;
  }

  // Obfuscated: name [at] domain [dot] com, name(at)domain.com, имя собака mail точка ru, ...
  if (!OBFUSCATION_HINT_RE.test(lower)) return;
  AT_MARK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AT_MARK_RE.exec(lower)) !== null) {
    const atStart = m.index;
    const atEnd = atStart + m[0].length;
    const at = m[0];
    // Local part: plain characters, possibly with obfuscated dots before them.
    let s = atStart;
    while (s > 0 && atStart - s < 64 && LOCAL_CHAR_RE.test(lower[s - 1] ?? '')) s--;
    while (s < atStart && /[.\-+'’]/.test(lower[s] ?? '')) s++;
    if (s === atStart || isWordChar(charBefore(lower, s))) {
      AT_MARK_RE.lastIndex = atStart + 1;
      continue;
    }
    if (LOCAL_DOT_HINT_RE.test(lower.slice(Math.max(0, s - 12), s))) {
      const head = lower.slice(Math.max(0, s - 150), s);
      const localTail = OBF_LOCAL_TAIL_RE.exec(head);
      if (localTail && !isWordChar(charBefore(head, localTail.index))) s -= localTail[0].length;
    }
    OBF_DOMAIN_RE.lastIndex = atEnd;
    const d = OBF_DOMAIN_RE.exec(lower);
    if (!d) {
      AT_MARK_RE.lastIndex = atStart + 1;
      continue;
    }
    const end = atEnd + d[0].length;
    const parts = (d[1] ?? '').split(DOT_SPLIT_RE); // ['', sep, label, sep, label, ...]
    const seps = parts.filter((_, k) => k % 2 === 1);
    const tld = parts[parts.length - 1] ?? '';
    const atBracketed = /[[({<]/.test(at);
    const atEnglishWord = /^\s+at\s+$/.test(at);
    const atSpaced = /[@＠]/.test(at) && !atBracketed;
    const dotsObfuscated = seps.some((x) => !PLAIN_DOT_RE.test(x));
    const plainDotsTight = seps.every((x) => x === '.' || !PLAIN_DOT_RE.test(x));
    let ok: boolean;
    if (atBracketed) ok = TLD_RE.test(tld) && plainDotsTight;
    // "met at google.com" is not an address; "anna at gmail dot com" is.
    else if (atEnglishWord) ok = seps.every((x) => !PLAIN_DOT_RE.test(x)) && COMMON_TLDS.has(tld);
    else if (atSpaced) ok = COMMON_TLDS.has(tld) && plainDotsTight;
    else ok = (COMMON_TLDS.has(tld) || dotsObfuscated) && plainDotsTight && TLD_RE.test(tld);
    if (ok) {
      push(ctx, 'email', s, end);
      AT_MARK_RE.lastIndex = end;
    } else {
      AT_MARK_RE.lastIndex = atStart + 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// ID and passport numbers
// ---------------------------------------------------------------------------------------------

/** Keywords matched against the lower-cased text (long or distinctive enough not to be ordinary words). */
const ID_KEYWORDS_LOWER = [
  // ru / uk
  'паспорт', 'паспорта', 'паспорту', 'паспорте', 'паспортні', 'паспортные', 'загранпаспорт',
  'инн', 'іпн', 'рнокпп', 'снилс', 'удостоверение личности', 'удостоверения личности',
  'посвідчення особи', 'id-картка', 'id-картки', 'id картка', 'id-карта', 'id карта',
  'личный номер', 'идентификационный номер', 'ідентифікаційний номер',
  // en / fr
  'passport', 'passeport', 'id card', 'identity card', 'national id', 'personal number',
  'personal no', 'personal code', 'personal id', 'social security', "carte d'identité",
  'carte d’identité', "carte d'identite", 'sécurité sociale', 'numéro fiscal',
  // ro / md
  'pașaport', 'pasaport', 'paşaport', 'pașaportul', 'pasaportul', 'buletin', 'buletinul',
  'carte de identitate', 'cod personal', 'cod numeric personal', 'idnp', 'cnp',
  // tr / az
  'kimlik', 'kimlik no', 'tc kimlik', 't.c. kimlik', 'tckn', 'nüfus cüzdanı', 'pasport',
  'şəxsiyyət vəsiqəsi', 'şəxsiyyət vəsiqəsinin', 'fin kod', 'fin kodu', 'fin-kod',
  // sr / bs / hr / sq
  'jmbg', 'јмбг', 'embg', 'oib', 'лична карта', 'личне карте', 'lična karta', 'licna karta',
  'lične karte', 'osobna iskaznica', 'osobne iskaznice', 'pasoš', 'pasos', 'пасош', 'putovnica',
  'putovnice', 'letërnjoftim', 'letërnjoftimi', 'leternjoftim', 'numri personal', 'pasaporta',
  'pasaportë', 'pasaporte',
  // ka / hy
  'პირადი ნომერი', 'პირადი №', 'პ/ნ', 'პასპორტი', 'პასპორტის', 'პირადობის მოწმობა',
  'անձնագիր', 'անձնագրի', 'անձնագիրը', 'նույնականացման քարտ', 'հծհ', 'սոցիալական քարտ',
  // ar
  'جواز السفر', 'جواز سفر', 'رقم الجواز', 'الرقم الوطني', 'رقم وطني', 'رقم الهوية',
  'بطاقة الهوية', 'الهوية', 'هوية', 'الرقم القومي', 'الرقم الشخصي'
] as const;
/** Short upper-case keywords, matched case-sensitively against the original text. */
const ID_KEYWORDS_UPPER = ['ID', 'FIN', 'TC', 'T.C.', 'NID', 'ՀԾՀ'] as const;

const ID_KW_LOWER_RE = new RegExp(`(?:${alt(ID_KEYWORDS_LOWER)})(?![\\p{L}\\p{M}])`, 'gu');
const ID_KW_UPPER_RE = new RegExp(`(?:${alt(ID_KEYWORDS_UPPER)})(?![\\p{L}\\p{M}])`, 'gu');
/** Some five digits close together: without them no ID number can follow a keyword. */
const ID_GATE_RE = new RegExp(`${D}(?:[\\s-]?${D}){4}`);
/**
 * An ID-like token: optional 1-3 upper-case letters (passport series), then digits in groups
 * separated by single spaces/dashes or a "№"/"номер"/"no." between series and number.
 */
const ID_TOKEN_RE = new RegExp(
  `(?:\\p{Lu}{1,3}[\\s-]?)?${D}(?:(?:[ \\u00A0-]|\\s*(?:№|N°|No\\.?|номер|nr\\.?)\\s*)?${D}){4,17}(?:\\p{Lu}(?![\\p{L}\\p{M}]))?(?![\\p{L}\\p{M}\\p{N}])`,
  'gu'
);
/** Azerbaijani FIN: 7 upper-case letters/digits, mixed. */
const FIN_TOKEN_RE = /(?:^|[^\p{L}\p{M}\p{N}])([0-9A-Z]{7})(?![\p{L}\p{M}\p{N}])/u;
const CHECKSUM_RUN_RE = new RegExp(`${D}{11}(?:${D}{2})?`, 'g');
const ID_WINDOW = 48;

function digitsOf(s: string): number[] {
  const out: number[] = [];
  for (let k = 0; k < s.length; k++) out.push(s.charCodeAt(k) - 48);
  return out;
}

/** Turkish T.C. Kimlik No: 11 digits, first not 0, two check digits. */
export function isValidTckn(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const d = digitsOf(digits);
  const at = (k: number): number => d[k] ?? 0;
  const odd = at(0) + at(2) + at(4) + at(6) + at(8);
  const even = at(1) + at(3) + at(5) + at(7);
  if ((((odd * 7 - even) % 10) + 10) % 10 !== at(9)) return false;
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += at(k);
  return sum % 10 === at(10);
}

/** Yugoslav JMBG / ЈМБГ (Serbia, Bosnia, Kosovo, Montenegro, North Macedonia): DDMMYYYRRBBBK. */
export function isValidJmbg(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  const d = digitsOf(digits);
  const at = (k: number): number => d[k] ?? 0;
  const day = at(0) * 10 + at(1);
  const month = at(2) * 10 + at(3);
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const s =
    7 * (at(0) + at(6)) + 6 * (at(1) + at(7)) + 5 * (at(2) + at(8)) +
    4 * (at(3) + at(9)) + 3 * (at(4) + at(10)) + 2 * (at(5) + at(11));
  let k = 11 - (s % 11);
  if (k > 9) k = 0;
  return k === at(12);
}

/** Romanian CNP: S YY MM DD JJ NNN C, weights 279146358279, mod 11 (10 becomes 1). */
export function isValidCnp(digits: string): boolean {
  if (!/^[1-9]\d{12}$/.test(digits)) return false;
  const d = digitsOf(digits);
  const at = (k: number): number => d[k] ?? 0;
  const month = at(3) * 10 + at(4);
  const day = at(5) * 10 + at(6);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const w = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
  let s = 0;
  for (let k = 0; k < 12; k++) s += at(k) * (w[k] ?? 0);
  const c = s % 11 === 10 ? 1 : s % 11;
  return c === at(12);
}

/** Moldovan IDNP: 13 digits starting 09 or 20, check digit with weights 7,3,1 mod 10 (as IDNO). */
export function isValidIdnp(digits: string): boolean {
  if (!/^(?:09|20)\d{11}$/.test(digits)) return false;
  const d = digitsOf(digits);
  let s = 0;
  for (let k = 0; k < 12; k++) s += (d[k] ?? 0) * ([7, 3, 1][k % 3] ?? 0);
  return s % 10 === d[12];
}

function findIdNumbers(ctx: Ctx): void {
  const { text, lower, urls } = ctx;
  const hasFin = /fin|şəxsiyyət/.test(lower);
  if (ID_GATE_RE.test(text) || hasFin) {
    // 1. A keyword, then an ID-like token within a short window after it.
    const keywordEnds: { end: number; fin: boolean }[] = [];
    for (const [re, src] of [[ID_KW_LOWER_RE, lower], [ID_KW_UPPER_RE, text]] as const) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(src)) !== null) {
        const end = m.index + m[0].length;
        if (isWordChar(charBefore(src, m.index))) {
          re.lastIndex = m.index + 1;
          continue;
        }
        if (!inAny(urls, m.index)) keywordEnds.push({ end, fin: /fin|şəxsiyyət/.test(m[0].toLowerCase()) });
      }
    }
    for (const kw of keywordEnds) {
      let windowEnd = Math.min(text.length, kw.end + ID_WINDOW);
      const nl = text.indexOf('\n', kw.end);
      if (nl >= 0 && nl < windowEnd) windowEnd = nl;
      const window = text.slice(kw.end, windowEnd);
      ID_TOKEN_RE.lastIndex = 0;
      let t: RegExpExecArray | null;
      let found = false;
      while ((t = ID_TOKEN_RE.exec(window)) !== null) {
        const token = t[0];
        const start = kw.end + t.index;
        if (isWordChar(charBefore(text, start))) {
          ID_TOKEN_RE.lastIndex = t.index + 1;
          continue;
        }
        const ascii = asciiDigits(token);
        const nDigits = ascii.replace(/[^0-9]/g, '').length;
        const hasPrefix = /^\p{Lu}/u.test(token);
        if (
          (nDigits >= 6 || (hasPrefix && nDigits >= 5)) &&
          !isDateLike(ascii) &&
          !isYearish(ascii) &&
          !AMOUNT_AFTER_RE.test(lowerSlice(lower, start + token.length, 12))
        ) {
          push(ctx, 'idNumber', start, start + token.length);
          found = true;
          break;
        }
        ID_TOKEN_RE.lastIndex = t.index + 1;
      }
      if (!found && kw.fin) {
        const f = FIN_TOKEN_RE.exec(window);
        const token = f?.[1] ?? '';
        if (f && /\d/.test(token) && /[A-Z]/.test(token)) {
          const start = kw.end + f.index + f[0].length - token.length;
          push(ctx, 'idNumber', start, start + token.length);
        }
      }
    }
  }

  // 2. Standalone numbers with a checksum (TCKN, JMBG, CNP, IDNP): no keyword needed.
  CHECKSUM_RUN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHECKSUM_RUN_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = charBefore(text, start);
    if (ANY_DIGIT_RE.test(charAt(text, end)) || isWordChar(before) || /[.,\-+/]/.test(before) || inAny(urls, start)) continue;
    const digits = asciiDigits(m[0]);
    const ok = digits.length === 11 ? isValidTckn(digits) : isValidJmbg(digits) || isValidCnp(digits) || isValidIdnp(digits);
    if (ok) push(ctx, 'idNumber', start, end);
  }
}

function lowerSlice(lower: string, from: number, length: number): string {
  return lower.slice(from, from + length);
}

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

/**
 * Default countries tried for numbers written without a country code: the region's countries,
 * France for the diaspora, and the Arab countries the diaspora lives in.
 */
export const PHONE_DEFAULT_COUNTRIES: readonly CountryCode[] = [
  'RU', 'UA', 'MD', 'RO', 'TR', 'GE', 'AM', 'AZ', 'RS', 'BA', 'HR', 'AL', 'XK', 'FR',
  'LB', 'JO', 'SY', 'IQ', 'EG', 'SA', 'AE'
];
/** Calling codes of the region, for international numbers written without "+". */
const CALLING_CODE_RE = /^(?:7|33|40|90|20|355|373|374|380|381|383|385|387|994|995|961|962|963|964|966|971|974|965|212|213|216)/;

const PHONE_SEP = `[ \\u00A0\\u2009\\u202F\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069]`;
/** Digits with phone-style separators between them; a "." followed by a space ends a candidate. */
const PHONE_CANDIDATE_RE = new RegExp(
  `(?:[+＋]${PHONE_SEP}?)?\\(?${D}(?:${PHONE_SEP}{0,2}(?:[-\\u2010\\u2011\\u2012\\u2013/]|\\.(?!${PHONE_SEP})|[()])?${PHONE_SEP}{0,2}${D})*`,
  'gu'
);

/** Words that say "this is a phone number" shortly before a candidate (lower-case text). */
const PHONE_KEYWORD_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:tel|tél|телефон\\p{L}*|тел|phone|mobile|mob|моб\\p{L}*|мобільн\\p{L}*|номер\\p{L}*|number|numărul|număr|numar|nr|whats ?app|ватсап|вотсап|viber|вайбер|telegram|телеграм\\p{L}*|signal|сигнал|call|звон\\p{L}*|позвон\\p{L}*|дзвон\\p{L}*|sun[aăâ]\\p{L}*|ara|arayın|telefon\\p{L}*|cep|gsm|portable|appel\\p{L}*|contact\\p{L}*|контакт\\p{L}*|kontakt\\p{L}*|broj|број|numri|cel|celular|handy|ტელ\\p{L}*|მობ\\p{L}*|ნომერ\\p{L}*|հեռ\\p{L}*|բջջ\\p{L}*|هاتف\\p{L}*|جوال|رقم\\p{L}*|واتس\\p{L}*|موبايل)(?:[\\s.:,#№()\\-]+[\\p{L}]{1,8}){0,3}[\\s.:,#№()\\-]*$`,
  'u'
);
const AMOUNT_BEFORE_RE = /(?:[$€£₺₽₴₾₼֏]|(?:^|[^a-z])(?:usd|eur|lei|ron|mdl|tl|try|gel|azn|amd|uah|rub|rsd)|№|#|nr\.?|no\.?)\s?$/u;

interface Plan {
  country: CountryCode;
  prefix: string;
  lengths: ReadonlySet<number>;
  pattern: RegExp | undefined;
}
let plans: Plan[] | undefined;
/**
 * Per default country: national prefix, possible lengths and the national number pattern from
 * the bundled min metadata, to skip the (comparatively slow, ~10 µs) full parse for countries a
 * number cannot belong to. `nationalNumberPattern`/`nationalPrefix` are not in the typings; if a
 * future version lacks them, every country is simply parsed.
 */
function getPlans(): Plan[] {
  if (plans) return plans;
  const metadata = new Metadata();
  plans = PHONE_DEFAULT_COUNTRIES.map((country): Plan => {
    let prefix = '0';
    let lengths = new Set<number>();
    let pattern: RegExp | undefined;
    try {
      metadata.selectNumberingPlan(country);
      const plan = metadata.numberingPlan as unknown as {
        possibleLengths(): number[];
        nationalPrefix?: () => string | undefined;
        nationalNumberPattern?: () => string | undefined;
      };
      lengths = new Set(plan.possibleLengths());
      prefix = plan.nationalPrefix?.() ?? '0';
      const source = plan.nationalNumberPattern?.();
      pattern = source ? new RegExp(`^(?:${source})$`) : undefined;
    } catch {
      pattern = undefined;
    }
    return { country, prefix, lengths, pattern };
  });
  return plans;
}
/** Could `digits` (with or without the national prefix) be a number of this plan? Never stricter than libphonenumber. */
function mightBeNational(digits: string, plan: Plan): boolean {
  if (plan.lengths.size === 0) return true;
  const fits = (n: string): boolean => plan.lengths.has(n.length) && (plan.pattern === undefined || plan.pattern.test(n));
  return fits(digits) || (plan.prefix !== '' && digits.startsWith(plan.prefix) && fits(digits.slice(plan.prefix.length)));
}

function parseNational(digits: string, country: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false });
  } catch {
    return undefined;
  }
}
function parseInternational(digits: string): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(`+${digits}`, { extract: false });
  } catch {
    return undefined;
  }
}
function isValid(p: PhoneNumber | undefined): boolean {
  try {
    return p !== undefined && p.isValid();
  } catch {
    return false;
  }
}
function isPossible(p: PhoneNumber | undefined): boolean {
  try {
    return p !== undefined && p.isPossible();
  } catch {
    return false;
  }
}
/**
 * Valid as a national number of one of the default countries. With the national number pattern
 * at hand the check is what `isValid()` does with min metadata (length and pattern, national
 * prefix "0" or "8" stripped), without the ~10 µs parse; otherwise libphonenumber parses.
 */
function validNationally(digits: string): boolean {
  for (const plan of getPlans()) {
    if (!mightBeNational(digits, plan)) continue;
    if (plan.pattern !== undefined || isValid(parseNational(digits, plan.country))) return true;
  }
  return false;
}

/**
 * Does a number written without a country code look like a phone number rather than a quantity?
 * (Validity is checked separately.)
 */
function looksLikeNationalPhone(ascii: string, digits: string, keyword: boolean): boolean {
  if (keyword) return true;
  const leadingZero = digits[0] === '0' && digits[1] !== '0';
  const russianEight = digits[0] === '8' && digits.length === 11;
  if (leadingZero || russianEight) return true;
  const groups = ascii.split(/[^0-9]+/).filter((g) => g.length > 0);
  // Two groups ("1500-2000", "2500 3000", "91 123456") are too often ranges or pairs of amounts.
  if (groups.length < 3) return false;
  // Every group after the first has 2+ digits ("599 12 34 56", "532 123 45 67"), none huge.
  return groups.every((g, k) => (k === 0 || g.length >= 2) && g.length <= 7);
}

/** Length of an international dialling prefix written instead of "+": "00 374 …", "8 10 374 …" (ex-USSR). */
function iddLength(ascii: string, digits: string): number {
  if (/^\(?00 ?[1-9]/.test(ascii)) return 2;
  if (/^\(?8[ -]?10[ -]?[1-9]/.test(ascii) && digits.length >= 12) return 3;
  return 0;
}

function isThousandsGrouped(ascii: string): boolean {
  return /^[1-9]\d{0,2}(?:([ \u00A0\u2009\u202F.,])\d{3})(?:\1\d{3})*$/.test(ascii.trim());
}

/** Links that carry a phone number: wa.me/37491…, api.whatsapp.com/send?phone=…, t.me/+…, signal.me/#p/+…, ?tel=…. */
const MESSAGING_LINK_RE = /(?:wa\.me\/|t\.me\/\+|signal\.me\/#p\/|[?&](?:phone|tel|mobile|number)=)(?:%2b|\+)?(\d{7,15})/u;

function findPhones(ctx: Ctx): void {
  const { text, lower, urls } = ctx;
  const accept = (start: number, end: number): void => push(ctx, 'phone', start, end);

  for (const u of urls) {
    const lm = MESSAGING_LINK_RE.exec(lower.slice(u.start, u.end));
    const digits = lm?.[1] ?? '';
    if (lm && isValid(parseInternational(digits))) {
      const s = u.start + lm.index + lm[0].length - digits.length;
      accept(s, s + digits.length);
    }
  }

  PHONE_CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_CANDIDATE_RE.exec(text)) !== null) {
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    if (raw.length < 6) continue;
    const before = charBefore(text, start);
    // Part of a word, an identifier, a Matrix ID or a decimal: "ID12345678", "@0721123456", "3.14159265".
    if (isWordChar(before) || before === '@' || (/^[.,]$/.test(before) && ANY_DIGIT_RE.test(charBefore(text, start - 1)))) continue;
    if (isLetter(charAt(text, end)) || inAny(urls, start)) continue;
    const ascii = asciiDigits(raw);
    const digits = ascii.replace(/[^0-9]/g, '');
    if (digits.length < 6) continue;
    const plus = raw[0] === '+' || raw[0] === '＋';
    const idd = plus ? 0 : iddLength(ascii, digits);
    const keyword = PHONE_KEYWORD_RE.test(lower.slice(Math.max(0, start - 32), start));

    if (plus || idd > 0) {
      const intl = digits.slice(idd);
      if (intl.length <= 15) {
        const p = parseInternational(intl);
        if (isValid(p) || (keyword && isPossible(p))) {
          accept(start, end);
          continue;
        }
      }
      if (digits.length > 12) splitLongCandidate(raw, start, keyword, accept);
      continue;
    }

    // Written without a country code.
    if (isDateLike(ascii) || isYearish(ascii)) continue;
    if (/^[1-9]\d{0,2}(?:\.\d{1,3}){3}$/.test(ascii)) continue; // IPv4 address
    if (!keyword) {
      if (AMOUNT_AFTER_RE.test(lower.slice(end, end + 12))) continue;
      if (AMOUNT_BEFORE_RE.test(lower.slice(Math.max(0, start - 6), start))) continue;
      if (isThousandsGrouped(ascii)) continue;
    }
    if (digits.length < 8) {
      // Local numbers without an area code, only right after a phone word: "тел. 123-45-67".
      if (keyword && /^\d{2,3}[- ]\d{2}[- ]\d{2}$/.test(ascii.trim())) accept(start, end);
      continue;
    }
    if (digits.length > 13) {
      // A payment card ("4111 1111 1111 1111") is not a list of phone numbers.
      if (!/^\d{4}(?:[ -]\d{4}){3,4}$/.test(ascii)) splitLongCandidate(raw, start, keyword, accept);
      continue;
    }
    if (looksLikeNationalPhone(ascii, digits, keyword) && validNationally(digits)) {
      accept(start, end);
      continue;
    }
    // International number without the "+": 374 91 123456, 380671234567, 79123456789.
    if (digits.length >= 11 && CALLING_CODE_RE.test(digits) && isValid(parseInternational(digits))) accept(start, end);
  }
}

/** One group of a phone candidate: digits joined by dashes, dots, slashes or brackets. */
const GROUP_RE = new RegExp(`(?:[+＋]${PHONE_SEP}?)?\\(?${D}+(?:[-().\\u2010\\u2011\\u2012\\u2013/]+${D}+)*\\)?`, 'gu');

/**
 * A long run of digit groups may hold several numbers ("+373 69 123 456 0721 123 456"): try
 * windows of consecutive groups, longest first, with a small budget of validity checks.
 * (libphonenumber's own text search would do this too, but costs 7 kB gzipped and ~0.5 ms.)
 */
function splitLongCandidate(raw: string, offset: number, keyword: boolean, accept: (start: number, end: number) => void): void {
  const groups: Span[] = [];
  GROUP_RE.lastIndex = 0;
  let g: RegExpExecArray | null;
  while ((g = GROUP_RE.exec(raw)) !== null && groups.length < 40) groups.push({ start: g.index, end: g.index + g[0].length });
  let budget = 16;
  for (let i = 0; i < groups.length && budget > 0; i++) {
    for (let j = Math.min(groups.length - 1, i + 6); j >= i && budget > 0; j--) {
      const first = groups[i];
      const last = groups[j];
      if (!first || !last) continue;
      const sub = raw.slice(first.start, last.end);
      const ascii = asciiDigits(sub);
      const digits = ascii.replace(/[^0-9]/g, '');
      const plus = /^[+＋]/.test(sub);
      const idd = plus ? 0 : iddLength(ascii, digits);
      let ok = false;
      if (plus || idd > 0) {
        const intl = digits.slice(idd);
        if (intl.length < 7 || intl.length > 15) continue;
        budget--;
        ok = isValid(parseInternational(intl));
      } else {
        if (digits.length < 8 || digits.length > 13) continue;
        if (isDateLike(ascii) || isYearish(ascii) || isThousandsGrouped(ascii) || !looksLikeNationalPhone(ascii, digits, keyword)) continue;
        budget--;
        ok = validNationally(digits);
      }
      if (ok) {
        accept(offset + first.start, offset + last.end);
        i = j;
        break;
      }
    }
  }
}
// ---------------------------------------------------------------------------------------------
// Street addresses
// ---------------------------------------------------------------------------------------------

/** Street types written in full (or without a dot); the name may come before or after. */
const STREET_WORDS = [
  // ru
  'улица', 'улице', 'улицу', 'улицы', 'улицей', 'проспект', 'проспекте', 'проспекта', 'переулок',
  'переулке', 'переулка', 'бульвар', 'бульваре', 'бульвара', 'шоссе', 'набережная', 'набережной',
  'микрорайон', 'микрорайоне', 'проезд', 'проезде', 'тупик', 'аллея', 'аллее', 'ул', 'вул',
  // uk
  'вулиця', 'вулиці', 'вулицю', 'вулицею', 'провулок', 'провулку', 'проспекті', 'бульварі',
  'набережна', 'мікрорайон', 'мікрорайоні', 'узвіз',
  // sr / bs / hr / mk
  'улици', 'булевар', 'булевару', 'трг', 'тргу', 'ulica', 'ulici', 'ulice', 'bulevar', 'bulevaru',
  'trg', 'trgu', 'cesta', 'ul',
  // ro / md
  'strada', 'stradă', 'stradela', 'str', 'bulevardul', 'șoseaua', 'şoseaua', 'soseaua', 'calea',
  'aleea', 'piața', 'piaţa', 'piata', 'intrarea', 'fundătura',
  // sq
  'rruga', 'rrugës', 'rruges', 'rrugën', 'rrugen', 'bulevardi', 'sheshi', 'lagjja', 'lagja',
  'lagjen', 'lagjes',
  // tr
  'sokak', 'sokağı', 'sokagi', 'sokağında', 'sokakta', 'cadde', 'caddesi', 'caddesinde', 'bulvar',
  'bulvarı', 'bulvari', 'mahalle', 'mahallesi',
  // az
  'küçəsi', 'küçə', 'kucesi', 'prospekti', 'döngəsi', 'dalanı', 'məhəlləsi',
  // ka
  'ქუჩა', 'ქუჩაზე', 'ქუჩის', 'გამზირი', 'გამზირზე', 'შესახვევი', 'ჩიხი', 'მოედანი',
  // hy
  'փողոց', 'փողոցում', 'փողոցի', 'պողոտա', 'պողոտայում', 'պողոտայի', 'նրբանցք', 'հրապարակ',
  // ar
  'شارع', 'زقاق', 'جادة', 'طريق',
  // fr (name first, number after: "rue Victor Hugo 12")
  'rue', 'avenue', 'boulevard', 'allée', 'impasse'
] as const;
/** Abbreviations that are street types only with a dot: unambiguous ones. */
const STREET_ABBR_STRONG = [
  'ул', 'вул', 'просп', 'пер', 'пров', 'бул', 'бульв', 'наб', 'мкр', 'мкрн', 'str', 'bd', 'bdul',
  'cad', 'cd', 'sk', 'sok', 'mah', 'mh', 'rr', 'blv', 'bulv', 'ul', 'küç', 'გამზ', 'փ', 'պող', 'ش',
  'șos', 'şos', 'sos'
] as const;
/** Abbreviations with other common meanings ("и пр.", "et al.", "ქ." = city). */
const STREET_ABBR_WEAK = ['пр', 'пл', 'туп', 'al', 'bul', 'bld', 'ქ', 'av', 'kuc'] as const;
const STREET_HYPHENATED = ['пр-т', 'пр-кт', 'б-р', 'пр-д', 'мкр-н', 'b-dul'] as const;
/** Street types written after the name ("Gül Sokak", "Nizami küçəsi", "რუსთაველის ქუჩა"). */
const NAME_FIRST_STREETS = new Set<string>([
  'sokak', 'sokağı', 'sokagi', 'sokağında', 'sokakta', 'cadde', 'caddesi', 'caddesinde', 'bulvar',
  'bulvarı', 'bulvari', 'mahalle', 'mahallesi', 'sk', 'sok', 'cad', 'cd', 'mah', 'mh', 'küçəsi',
  'küçə', 'kucesi', 'küç', 'kuc', 'prospekti', 'döngəsi', 'dalanı', 'məhəlləsi', 'ქუჩა', 'ქუჩაზე',
  'ქუჩის', 'გამზირი', 'გამზირზე', 'გამზ', 'ქ', 'შესახვევი', 'ჩიხი', 'მოედანი', 'փողոց', 'փողոցում',
  'փողոցի', 'պողոտա', 'պողոտայում', 'պողոտայի', 'պող', 'փ', 'նրբանցք', 'հրապարակ', 'проспект',
  'проспекте', 'бульвар', 'бульваре', 'переулок', 'переулке', 'провулок', 'пр-т', 'б-р', 'пер', 'просп'
]);

/** Markers of a house or building number: "д. 5", "No: 12", "nr. 3", "№ 7". */
const HOUSE_MARKERS = [
  'д', 'дом', 'буд', 'будинок', 'корп', 'корпус', 'nr', 'no', 'n°', 'br', 'бр', 'број', 'broj',
  'numri', 'ev', 'bina', 'bl', 'blok', 'kapı', 'kapı no', 'տուն', 'շենք', 'շ', 'სახლი', 'კორპუსი',
  'კორპ', 'بناية', 'البناية', 'مبنى', 'المبنى', 'عمارة', 'العمارة', 'رقم', 'pallati', 'numéro', 'house',
  'bloc', 'blocul'
] as const;
/** Markers that continue an address after the house number: apartment, entrance, floor. */
const EXTRA_MARKERS = [
  'кв', 'квартира', 'к', 'корп', 'корпус', 'стр', 'строение', 'под', 'подъезд', 'эт', 'этаж',
  'під', "під'їзд", 'поверх', 'ap', 'apt', 'apart', 'apartament', 'apartamentul', 'appartement',
  'appt', 'sc', 'scara', 'bl', 'bloc', 'et', 'etaj', 'daire', 'd', 'kat', 'mənzil', 'm', 'ბინა', 'ბ', 'სართული',
  'բն', 'բնակարան', 'շենք', 'հարկ', 'شقة', 'الشقة', 'طابق', 'الطابق', 'بناية', 'البناية', 'stan', 'sprat', 'ulaz', 'kati', 'shkalla', 'hyrja',
  'bât', 'bâtiment', 'étage', 'flat', 'д', 'дом', 'буд', 'nr', 'no', 'br', 'бр'
] as const;
/** Apartment markers that are an address fragment on their own: "кв. 14", "daire 5". */
const APARTMENT_MARKERS_ANY = [
  'кв', 'квартира', 'квартире', 'квартиру', 'квартири', 'квартирі', 'apt', 'apartament', 'apartamentul',
  'appartement', 'appt', 'daire', 'mənzil', 'ბინა', 'բնակարան', 'شقة', 'الشقة', 'flat'
] as const;
/** Short markers that count on their own only with a dot: "д. 5", "ap. 3", "բն. 5". */
const APARTMENT_MARKERS_DOT = ['д', 'буд', 'ap', 'բն', 'кв'] as const;
/** Short units that make a number a measurement: "350 m", "5 km". */
const UNIT_WORDS = new Set([
  'm', 'km', 'kg', 'g', 'cm', 'mm', 'h', 'min', 'l', 'ha', 'м', 'км', 'кг', 'г', 'см', 'мм', 'ч',
  'мин', 'л', 'га', 'т', 'sq', 'm2', 'м2', 'mp', 'dk', 'sa', 'saat', 'yaş', 'лет', 'years',
  'ani', 'років', 'годин', 'часов', 'часа', 'minutes', 'minute'
]);

/** A house number: "12", "12а", "12/3", "5-7"; not a time, decimal or part of a longer number. */
const NUM = `${D}{1,4}(?:\\p{L}(?![\\p{L}\\p{M}]))?(?:\\s?[/-]\\s?${D}{1,4}(?:\\p{L}(?![\\p{L}\\p{M}]))?)?(?![\\p{L}\\p{M}\\p{N}]|[.,:]${D})`;
const SEP = `[\\s,،]`;
/** A name token: short dotted abbreviation/initial, a word (not ending a sentence), a quote, or a number-led name ("8 марта"). */
const NAME_TOKEN =
  `(?:\\p{L}{1,4}\\.(?=[\\s,])|\\p{L}[\\p{L}\\p{M}'’\\-]{0,30}(?![.\\p{L}\\p{M}'’\\-])|["«„“][^"»”“\\n]{1,40}["»”“]|${D}{1,3}-?\\p{L}[\\p{L}\\p{M}]{0,15}|${D}{1,3}(?=\\s+\\p{L}))`;
const HOUSE_MARKER = `(?:(?:${alt(HOUSE_MARKERS)})(?:\\s*[.:]\\s*|\\s+)(?:(?:رقم|no|nr|№)\\s*[.:]?\\s*)?|[№#]\\s*)`;

// All address patterns except the French/English number-first ones run on the lower-cased text.
const STREET_ANCHOR_RE = new RegExp(
  `(?:(${alt(STREET_ABBR_STRONG)})\\.|(${alt(STREET_ABBR_WEAK)})\\.|(${alt(STREET_HYPHENATED)})(?![\\p{L}\\p{M}])\\.?|(${alt(STREET_WORDS)})(?![\\p{L}\\p{M}.]))`,
  'gu'
);
/** After the street word: up to 6 name tokens (fewest first), an optional house marker, the number. */
const STREET_TAIL_RE = new RegExp(
  `${SEP}*(?:(${NAME_TOKEN}(?:${SEP}+${NAME_TOKEN}){0,5}?)${SEP}+)??(${HOUSE_MARKER})?(${NUM})`,
  'uy'
);
const EXTRA_RE = new RegExp(
  `(?:${SEP}*[-–]?${SEP}*(?:${alt(EXTRA_MARKERS)})(?:\\s*[.:]\\s*|\\s+|(?=${D}))(?:(?:no|nr|№)\\s*[.:]?\\s*)?(${NUM}))+`,
  'uy'
);
const APARTMENT_RE = new RegExp(
  `(?:(?:${alt(APARTMENT_MARKERS_ANY)})(?:\\s*[.:]\\s*|\\s+)|(?:${alt(APARTMENT_MARKERS_DOT)})\\.\\s*)(?:(?:no|nr|№)\\s*[.:]?\\s*)?(${NUM})`,
  'gu'
);
/** French/English house number first: "12 rue de la Paix", "12 bis, avenue Foch", "221B Baker Street". */
const FR_STREETS_ARTICLE = ['rue', 'avenue', 'av.', 'boulevard', 'bd', 'bd.', 'bld', 'allée', 'allee', 'impasse'];
const FR_STREETS_NAMED = ['place', 'route', 'chemin', 'quai', 'square', 'passage', 'villa', 'voie', 'cité', 'résidence'];
const FR_HINT_RE = /\d\s{0,2}(?:bis|ter|[a-z])?,?\s+(?:rue|avenue|av\.|boulevard|bd|bld|all[ée]e|impasse|place|route|chemin|quai|square|passage|villa|voie|cit[ée]|r[ée]sidence)\s/u;
const EN_HINT_RE = /street|road|avenue|lane|boulevard|drive|crescent|terrace|st\.|rd\.|ave|blvd/u;
const capFirst = (w: string): string => `[${w[0] ?? ''}${(w[0] ?? '').toUpperCase()}]${escapeRe(w.slice(1))}`;
const FR_ARTICLE = `(?:de|du|des|la|le|les|l['’]|d['’])`;
const FR_NUMBER_FIRST_RE = new RegExp(
  `(${D}{1,4}(?:\\s?(?:bis|ter|[A-Za-z])(?![\\p{L}]))?),?\\s+` +
    `(?:(?:${FR_STREETS_ARTICLE.map(capFirst).join('|')})(?![\\p{L}])\\s+(?:${FR_ARTICLE}\\s*)*[\\p{L}][\\p{L}\\p{M}'’\\-]*` +
    `|(?:${FR_STREETS_NAMED.map(capFirst).join('|')})(?![\\p{L}])\\s+(?:${FR_ARTICLE}\\s*)*\\p{Lu}[\\p{L}\\p{M}'’\\-]*)` +
    `(?:\\s+(?:(?:de|du|des|la|le|les|et)\\s+|l['’]|d['’])?\\p{Lu}[\\p{L}\\p{M}'’\\-]*){0,4}`,
  'gu'
);
const EN_NUMBER_FIRST_RE = new RegExp(
  `(${D}{1,4}[A-Za-z]?),?\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\.?\\s+){1,3}` +
    `(?:Street|Road|Avenue|Lane|Boulevard|Drive|Crescent|Terrace|St\\.|Rd\\.|Ave\\.?|Blvd\\.?|street|road|avenue|lane)(?![\\p{L}])`,
  'gu'
);

type Follow = 'end' | 'soft' | 'wordBad' | 'hardBad';
const MARKER_WORDS = new Set<string>([...EXTRA_MARKERS, ...HOUSE_MARKERS, ...APARTMENT_MARKERS_ANY]);

/** What comes after an address candidate decides whether its number was a house number. */
function classifyFollow(text: string, p: number): Follow {
  let q = p;
  while (q < text.length && (text[q] === ' ' || text[q] === '\u00A0' || text[q] === '\t')) q++;
  if (q >= text.length) return 'end';
  const ch = charAt(text, q);
  if (/[%‰°$€£₺₽₴₾₼֏]/u.test(ch)) return 'hardBad';
  if (ch === ':' && ANY_DIGIT_RE.test(text[q + 1] ?? '')) return 'hardBad';
  if (ANY_DIGIT_RE.test(ch)) return 'wordBad';
  if (!isLetter(ch)) return 'end';
  let e = q;
  while (e < text.length && isLetter(charAt(text, e))) e += charAt(text, e).length;
  const word = text.slice(q, e);
  const lw = word.toLowerCase();
  if (UNIT_WORDS.has(lw)) return 'hardBad';
  if (MARKER_WORDS.has(lw)) return 'end';
  if ([...word].length <= 2) return 'soft';
  if (isCapitalised(word)) return 'soft';
  return 'wordBad';
}

/** The word just after position i (skipping spaces), or ''. */
function wordAfter(text: string, i: number): string {
  let s = i;
  while (s < text.length && /\s/.test(text[s] ?? '')) s++;
  let e = s;
  while (e < text.length && isLetter(charAt(text, e))) e += charAt(text, e).length;
  return text.slice(s, e);
}

/** The word just before position i (skipping spaces), or ''. */
function wordBefore(text: string, i: number): string {
  let e = i;
  while (e > 0 && /\s/.test(text[e - 1] ?? '')) e--;
  let s = e;
  while (s > 0 && isLetter(charBefore(text, s))) s -= charBefore(text, s).length;
  return text.slice(s, e);
}

/**
 * Start of the street name written before a name-first street type: up to three name-like words
 * (capitalised, or in a script without case) or a Turkish numbered street ("123."), on one line.
 */
function nameBefore(text: string, start: number): number {
  let s = start;
  for (let k = 0; k < 3; k++) {
    let e = s;
    while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\u00A0')) e--;
    if (e === s) break;
    let b = e;
    if (text[b - 1] === '.' && /\d/.test(text[b - 2] ?? '')) {
      b--;
      while (b > 0 && /\d/.test(text[b - 1] ?? '')) b--;
      return b;
    }
    while (b > 0 && (isLetter(charBefore(text, b)) || /['’-]/.test(text[b - 1] ?? ''))) b -= charBefore(text, b).length;
    if (b === e || !looksLikeName(text.slice(b, e))) break;
    s = b;
  }
  return s;
}

function houseNumberOk(num: string, afterMarker: boolean): boolean {
  const ascii = asciiDigits(num);
  const first = /^\d+/.exec(ascii)?.[0] ?? '';
  if (first === '' || (!afterMarker && first.length === 4 && YEAR_RE.test(first))) return false;
  // "5м", "12h": a unit glued to the number.
  const suffix = /\p{L}$/u.exec(num)?.[0]?.toLowerCase();
  return !(suffix !== undefined && /[mмhчlлgгt]/.test(suffix) && !/[/-]/.test(num));
}

function findAddresses(ctx: Ctx): void {
  const { text, lower, urls } = ctx;
  const found: Span[] = [];
  const extend = (end: number): number => {
    EXTRA_RE.lastIndex = end;
    const x = EXTRA_RE.exec(lower);
    return x ? end + x[0].length : end;
  };

  let m: RegExpExecArray | null;
  STREET_ANCHOR_RE.lastIndex = 0;
  while ((m = STREET_ANCHOR_RE.exec(lower)) !== null) {
    const start = m.index;
    const anchorEnd = start + m[0].length;
    if (isWordChar(charBefore(lower, start)) || inAny(urls, start)) continue;
    STREET_TAIL_RE.lastIndex = anchorEnd;
    const t = STREET_TAIL_RE.exec(lower);
    if (!t) continue;
    const marker = t[2];
    const num = t[3] ?? '';
    const tailEnd = anchorEnd + t[0].length;
    const numStart = tailEnd - num.length;
    const before = charBefore(text, numStart);
    // "на улице -5", "улица 12.5": a sign or decimal point, not a house number.
    if (marker === undefined && numStart > anchorEnd && /[-+−.]/.test(before)) continue;
    if (!houseNumberOk(num, marker !== undefined)) continue;
    let end = extend(tailEnd);
    let follow = classifyFollow(text, end);
    if (follow === 'hardBad') continue;
    // "ул. 8 Марта 12", "str. 31 August 1989 nr. 5": the first number belonged to the name.
    let cursor = end;
    let again = follow === 'soft' && isCapitalised(wordAfter(text, end));
    for (let k = 0; k < 3 && again; k++) {
      STREET_TAIL_RE.lastIndex = cursor;
      const t2 = STREET_TAIL_RE.exec(lower);
      if (!t2 || (t2[1] ?? '').split(/[\s,،]+/).length > 3) break;
      cursor += t2[0].length;
      if (!houseNumberOk(t2[3] ?? '', t2[2] !== undefined)) continue;
      const end2 = extend(cursor);
      const follow2 = classifyFollow(text, end2);
      if (follow2 === 'hardBad') break;
      end = end2;
      follow = follow2;
      again = follow === 'soft' && isCapitalised(wordAfter(text, end));
    }
    const streetWord = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const strong = m[1] !== undefined || m[3] !== undefined || marker !== undefined || end > tailEnd;
    const nameWords = text.slice(anchorEnd, numStart).split(/[\s,،]+/);
    // "ул. Ленина будет перекрыта до 14": a sentence, not a street name, runs up to the number.
    const lowerWords = nameWords.filter((w) => w.length >= 4 && isLetter(charAt(w, 0)) && !looksLikeName(w)).length;
    if (lowerWords >= 3 || (lowerWords >= 2 && nameWords.some(isCapitalised))) continue;
    const named = nameWords.some(looksLikeName) || looksLikeName(wordBefore(text, start));
    if (strong || (named && follow !== 'wordBad') || follow === 'end') {
      found.push({ start: NAME_FIRST_STREETS.has(streetWord) ? nameBefore(text, start) : start, end });
      STREET_ANCHOR_RE.lastIndex = end;
    }
  }

  if (FR_HINT_RE.test(lower)) {
    FR_NUMBER_FIRST_RE.lastIndex = 0;
    while ((m = FR_NUMBER_FIRST_RE.exec(text)) !== null) {
      const first = onlyDigits(m[1] ?? '');
      if (isWordChar(charBefore(text, m.index)) || YEAR_RE.test(first) || inAny(urls, m.index)) continue;
      found.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  if (EN_HINT_RE.test(lower)) {
    EN_NUMBER_FIRST_RE.lastIndex = 0;
    while ((m = EN_NUMBER_FIRST_RE.exec(text)) !== null) {
      const first = onlyDigits(m[1] ?? '');
      if (isWordChar(charBefore(text, m.index)) || YEAR_RE.test(first) || inAny(urls, m.index)) continue;
      found.push({ start: m.index, end: m.index + m[0].length });
    }
  }

  // Apartment/house markers on their own: "кв. 14", "ap. 3", "daire 5", "д. 5".
  APARTMENT_RE.lastIndex = 0;
  while ((m = APARTMENT_RE.exec(lower)) !== null) {
    const start = m.index;
    const num = m[1] ?? '';
    if (isWordChar(charBefore(lower, start)) || inAny(urls, start) || !houseNumberOk(num, false)) continue;
    // "и т. д. 5" is "etc.", not a house.
    if (lower[start] === 'д' && /т\.\s?$/u.test(lower.slice(Math.max(0, start - 3), start))) continue;
    const end = extend(start + m[0].length);
    const follow = classifyFollow(text, end);
    if (follow === 'hardBad' || follow === 'wordBad') continue;
    found.push({ start, end });
  }

  for (const f of found) push(ctx, 'address', f.start, f.end);
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

const PRIORITY: Record<PersonalDataKind, number> = { coordinates: 0, email: 1, idNumber: 2, phone: 3, address: 4 };

/**
 * Finds text in a draft that may reveal where someone lives or how to reach or identify them.
 * Hits never overlap and are sorted by position; each hit's `text === input.slice(start, end)`.
 */
export function findPersonalData(text: string): PersonalDataHit[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lower = lowerSameLength(text);
  const ctx: Ctx = { text, lower, urls: findUrls(lower), hits: [] };
  findEmails(ctx);
  if (ANY_DIGIT_RE.test(text)) {
    findCoordinates(ctx);
    findIdNumbers(ctx);
    findPhones(ctx);
    findAddresses(ctx);
  } else if (text.indexOf('///') >= 0 || MAP_HINT_RE.test(lower)) {
    findCoordinates(ctx);
  }
  return resolve(text, ctx.hits);
}

function resolve(text: string, hits: PersonalDataHit[]): PersonalDataHit[] {
  // One address written in pieces ("Cumhuriyet Mah. 123. Sk. No:4", "ул. Ленина 12, кв. 5") is one hit.
  const addresses = hits.filter((h) => h.kind === 'address').sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PersonalDataHit[] = [];
  for (const h of addresses) {
    const prev = merged[merged.length - 1];
    if (prev && (h.start <= prev.end || /^[\s,.;،]{0,3}$/.test(text.slice(prev.end, h.start)))) {
      if (h.end > prev.end) {
        prev.end = h.end;
        prev.text = text.slice(prev.start, prev.end);
      }
    } else {
      merged.push({ ...h });
    }
  }
  // Earlier kinds win an overlap; within a kind, earlier and then longer spans win.
  const ordered = [...hits.filter((h) => h.kind !== 'address'), ...merged].sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start || b.end - a.end
  );
  const taken = new Uint8Array(text.length);
  const kept: PersonalDataHit[] = [];
  for (const h of ordered) {
    let free = h.end > h.start;
    for (let i = h.start; free && i < h.end; i++) if (taken[i] === 1) free = false;
    if (!free) continue;
    taken.fill(1, h.start, h.end);
    kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}
