import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { directionOf, initI18n, locale, locales, pickLocale, setLocale, t, translate, type Locale } from './index.ts';
import { SAS_EMOJI_NAMES } from '../matrix/sas-emoji.ts';
import { DefinitionSchema, PHASES, QUESTION_KINDS, STANCES, VOTE_VALUES } from '../consultation/events.ts';
import { FACILITATOR_EVENT_KINDS } from '../consultation/state.ts';
import { BRIEF_OPEN_ERRORS } from '../consultation/briefs.ts';
import { MEDIA_DOWNLOAD_ERRORS } from '../matrix/media.ts';
import { BRIEF_WORDS } from '../ui/brief-labels.ts';
import { MODERATION_ACTIONS, REPORT_CATEGORIES, TERM_CATEGORIES } from '../moderation/events.ts';
import { PRIVACY_OPTIONS } from '../safety/privacy.ts';
import { DURATION_UNITS } from './duration.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOCALES_DIR = join(ROOT, 'locales');
const SRC_DIR = join(ROOT, 'src');

type Tree = { [key: string]: unknown };

function readLocale(name: string): Tree {
  return JSON.parse(readFileSync(join(LOCALES_DIR, name, 'translation.json'), 'utf8')) as Tree;
}

/** Every leaf as "a.b.c" -> value; leaves that are not strings are kept so they can be reported. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Tree, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]))].sort();
}

function lookupExact(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);
}

/** A key used with `count` resolves through its plural forms (`key_one`, `key_other`, …). */
function lookup(tree: Tree, key: string): unknown {
  return lookupExact(tree, key) ?? lookupExact(tree, `${key}_other`);
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Proper names and codes that stay as they are in every language. */
const UNTRANSLATED_NAMES = /^(Parley|Matrix|Element|Draupnir|Mjolnir|LibreTranslate|Wikipedia|Synapse|PIN|OK)$/;
/** Words a language writes exactly as English does (checked by a reader of that language). */
const SAME_WORD_AS_ENGLISH: Record<string, string[]> = {
  sr: ['Server', 'Panda', 'Banana', 'Robot'],
  sq: ['Panda', 'Robot']
};

/** The keys a locale must have: en's, with each plural group expanded to the locale's own categories. */
function expectedKeys(locale: string): Set<string> {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of enFlat.keys()) {
    if (PLURAL_SUFFIX.test(key)) for (const category of categories) keys.add(key.replace(PLURAL_SUFFIX, `_${category}`));
    else keys.add(key);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if ((name.endsWith('.ts') || name.endsWith('.svelte')) && !name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}

/** Source text without comments, so that prose in comments is not mistaken for keys. */
function withoutComments(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The string members of a union type alias, read from the source file that declares it. */
function unionMembers(file: string, typeName: string): string[] {
  const text = readFileSync(join(SRC_DIR, file), 'utf8');
  const match = new RegExp(`export type ${typeName}\\s*=([^;]+);`).exec(text);
  if (!match) throw new Error(`type ${typeName} not found in ${file}`);
  return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

const localeNames = readdirSync(LOCALES_DIR).filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory());
const en = readLocale('en');
const enFlat = flatten(en);

describe('locale files', () => {
  it('include en and every bundled locale', () => {
    expect(localeNames).toContain('en');
    expect([...localeNames].sort()).toEqual([...locales].sort());
  });

  it('en has only non-empty strings as leaves', () => {
    const bad = [...enFlat].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(bad, `keys in en that are empty or not strings: ${bad.join(', ')}`).toEqual([]);
  });

  describe.each(localeNames.filter((name) => name !== 'en'))('%s', (name) => {
    const flat = flatten(readLocale(name));

    it('has exactly the keys of en, with its own plural forms', () => {
      const expected = expectedKeys(name);
      const missing = [...expected].filter((key) => !flat.has(key));
      const extra = [...flat.keys()].filter((key) => !expected.has(key));
      expect({ missing, extra }, `${name}: missing keys [${missing.join(', ')}], extra keys [${extra.join(', ')}]`).toEqual({ missing: [], extra: [] });
    });

    it('has no empty or non-string values', () => {
      const bad = [...flat].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(bad, `${name}: empty or non-string values for ${bad.join(', ')}`).toEqual([]);
    });

    it('leaves no English behind (names and codes apart)', () => {
      const english = [...flat]
        .filter(([key, value]) => {
          const source = enFlat.get(key) ?? enFlat.get(key.replace(PLURAL_SUFFIX, '_other'));
          if (typeof source !== 'string' || value !== source) return false;
          const words = source.replace(/\{\{[^}]+\}\}/g, '').trim();
          return /[a-z]{3,}/i.test(words) && !UNTRANSLATED_NAMES.test(words) && !(SAME_WORD_AS_ENGLISH[name] ?? []).includes(words);
        })
        .map(([key]) => key);
      expect(english, `${name}: still in English: ${english.join(', ')}`).toEqual([]);
    });

    it('uses the same {{placeholders}} as en in every key', () => {
      const mismatched: string[] = [];
      for (const [key, other] of flat) {
        const value = enFlat.get(key) ?? enFlat.get(key.replace(PLURAL_SUFFIX, '_other'));
        if (typeof value !== 'string' || typeof other !== 'string') continue;
        const want = placeholders(value).join(',');
        const got = placeholders(other).join(',');
        if (want !== got) mismatched.push(`${key}: en {${want}} vs ${name} {${got}}`);
      }
      expect(mismatched, mismatched.join('\n')).toEqual([]);
    });
  });
});

describe('translation keys used in code', () => {
  const namespaces = Object.keys(en);
  const nsPattern = namespaces.map((ns) => ns.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const literalKey = new RegExp(`(['"\`])((?:${nsPattern})\\.[A-Za-z0-9_.]+)\\1`, 'g');
  const templateKey = new RegExp(`\`((?:${nsPattern})\\.[A-Za-z0-9_.]*\\$\\{[^}]+\\}[A-Za-z0-9_.]*)\``, 'g');

  const files = sourceFiles(SRC_DIR);
  const literals = new Map<string, Set<string>>();
  const templates = new Map<string, Set<string>>();
  for (const file of files) {
    const text = withoutComments(readFileSync(file, 'utf8'));
    const where = relative(ROOT, file);
    for (const m of text.matchAll(literalKey)) (literals.get(m[2]) ?? literals.set(m[2], new Set()).get(m[2])!).add(where);
    for (const m of text.matchAll(templateKey)) (templates.get(m[1]) ?? templates.set(m[1], new Set()).get(m[1])!).add(where);
  }

  // Keys built at run time, with every value the interpolated expression can take.
  const expansions: Record<string, () => string[]> = {
    'sync.${view.status}': () => unionMembers('lib/matrix/sync-status.ts', 'SyncStatus').map((s) => `sync.${s}`),
    'auth.errors.${code}': () => unionMembers('lib/matrix/errors.ts', 'AuthErrorCode').map((c) => `auth.errors.${c}`),
    'shield.${shield}': () => unionMembers('lib/matrix/shields.ts', 'Shield').map((s) => `shield.${s}`),
    'session.${notice}': () => unionMembers('lib/matrix/session.ts', 'SignedOutNotice').map((n) => `session.${n}`),
    'trust.recoveryErrors.${error.code}': () => unionMembers('lib/matrix/trust.ts', 'RecoveryErrorCode').map((c) => `trust.recoveryErrors.${c}`),
    'sas.${item.name}': () => SAS_EMOJI_NAMES.map((name) => `sas.${name}`),
    'brief.${word}': () => BRIEF_WORDS.map((word) => `brief.${word}`),
    'brief.error.${state.reason}': () => BRIEF_OPEN_ERRORS.map((reason) => `brief.error.${reason}`),
    'attachment.error.${load.reason}': () => MEDIA_DOWNLOAD_ERRORS.map((reason) => `attachment.error.${reason}`),
    'brief.vouch.${shields.get(entry.eventId) ?? \'unknown\'}': () =>
      [...unionMembers('lib/matrix/shields.ts', 'Shield'), 'unknown'].map((s) => `brief.vouch.${s}`),
    'consultation.eventKind.${item.type}': () => FACILITATOR_EVENT_KINDS.map((kind) => `consultation.eventKind.${kind}`),
    'consultation.form.field.${f}': () => [...Object.keys(DefinitionSchema.entries), 'form'].map((field) => `consultation.form.field.${field}`),
    'consultation.kind.${kind}': () => QUESTION_KINDS.map((kind) => `consultation.kind.${kind}`),
    'consultation.phase.${consultation.phase}': () => PHASES.map((phase) => `consultation.phase.${phase}`),
    'consultation.repDirection.${rep.direction}': () => ['agree', 'disagree'].map((d) => `consultation.repDirection.${d}`),
    'consultation.scale.${value}': () => [1, 2, 3, 4, 5].map((n) => `consultation.scale.${n}`),
    'consultation.stance.${mine.stance}': () => STANCES.map((stance) => `consultation.stance.${stance}`),
    'consultation.stance.${value}': () => STANCES.map((stance) => `consultation.stance.${stance}`),
    'consultation.vote.${myVote}': () => VOTE_VALUES.map((value) => `consultation.vote.${value}`),
    'consultation.vote.${value}': () => VOTE_VALUES.map((value) => `consultation.vote.${value}`),
    'report.category.${category}': () => REPORT_CATEGORIES.map((c) => `report.category.${c}`),
    'report.category.${c}': () => REPORT_CATEGORIES.map((c) => `report.category.${c}`),
    'report.category.${hit.category}': () => TERM_CATEGORIES.map((c) => `report.category.${c}`),
    'report.category.${term.category}': () => TERM_CATEGORIES.map((c) => `report.category.${c}`),
    'policy.kind.${rule.kind}': () => ['user', 'server'].map((kind) => `policy.kind.${kind}`),
    'warning.${warning.category}': () => REPORT_CATEGORIES.map((c) => `warning.${c}`),
    'privacy.option.${option}.label': () => PRIVACY_OPTIONS.map((o) => `privacy.option.${o}.label`),
    'privacy.option.${option}.hint': () => PRIVACY_OPTIONS.map((o) => `privacy.option.${o}.hint`),
    'retention.units.${option}': () => DURATION_UNITS.map((u) => `retention.units.${u}`),
    'report.outcome.${outcome}': () => ['sent', 'failed', 'noModerators', 'noCategory'].map((o) => `report.outcome.${o}`),
    'moderation.action.${action}': () => MODERATION_ACTIONS.map((a) => `moderation.action.${a}`),
    'moderation.action.${done.action}': () => MODERATION_ACTIONS.map((a) => `moderation.action.${a}`)
  };

  it('finds the keys it is meant to find', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['auth', 'rooms', 'room', 'sync', 'timeline', 'composer']));
    expect(files.some((f) => f.endsWith('.svelte'))).toBe(true);
    for (const key of ['app.name', 'auth.signIn', 'rooms.acceptFailed', 'room.inviteSent', 'sync.errorDetail', 'timeline.replyTo', 'common.cancel']) {
      expect(literals.has(key), key).toBe(true);
    }
    expect([...templates.keys()].sort()).toEqual(Object.keys(expansions).sort());
  });

  it('every literal key resolves to a string in en', () => {
    const missing = [...literals]
      .filter(([key]) => typeof lookup(en, key) !== 'string')
      .map(([key, where]) => `${key} (${[...where].join(', ')})`);
    expect(missing, `keys used in code but missing in en:\n${missing.join('\n')}`).toEqual([]);
  });

  it('every run-time key has all its values in en', () => {
    const unknown = [...templates.keys()].filter((key) => !(key in expansions));
    expect(unknown, `template keys without a known set of values: ${unknown.join(', ')}`).toEqual([]);
    const missing: string[] = [];
    for (const template of templates.keys()) {
      const keys = expansions[template]();
      expect(keys.length, template).toBeGreaterThan(0);
      for (const key of keys) if (typeof lookup(en, key) !== 'string') missing.push(`${key} (from ${template})`);
    }
    expect(missing, `keys missing in en:\n${missing.join('\n')}`).toEqual([]);
  });

  it('reads the union types it expands', () => {
    expect(unionMembers('lib/matrix/sync-status.ts', 'SyncStatus').sort()).toEqual(['connecting', 'error', 'offline', 'syncing']);
    const codes = unionMembers('lib/matrix/errors.ts', 'AuthErrorCode');
    expect(codes).toEqual(expect.arrayContaining(['serverMissing', 'serverInvalid', 'serverUnreachable', 'notMatrixServer', 'wrongPassword', 'unknown']));
  });
});

describe('pickLocale', () => {
  it.each<[(string | null)[], string]>([
    [['ru-RU'], 'ru'],
    [['ru'], 'ru'],
    [['RU-ru'], 'ru'],
    [['de'], 'en'],
    [['de-DE', 'ru-MD', 'en'], 'ru'],
    [['en-GB', 'ru'], 'en'],
    [['ro-MD'], 'ro'],
    [['ar-EG', 'en'], 'ar'],
    [[null, 'ka-GE'], 'ka'],
    [[], 'en']
  ])('%j -> %s', (preferred, expected) => {
    expect(pickLocale(preferred)).toBe(expected);
  });
});

describe('translate', () => {
  it('translates with the picked locale and interpolates without HTML escaping', async () => {
    await initI18n(['ru-RU']);
    expect(get(locale)).toBe('ru');
    expect(translate('sync.errorDetail', { code: 'M_UNKNOWN_TOKEN' })).toContain('M_UNKNOWN_TOKEN');
    expect(translate('rooms.invitedBy', { user: '<@a:x>' })).toContain('<@a:x>');
    await setLocale('en');
    expect(get(locale)).toBe('en');
    expect(get(t)('auth.errors.unknown')).toBe(lookup(en, 'auth.errors.unknown'));
    expect(translate('sync.errorDetail', { code: 'M_X' })).toBe('(server said M_X)');
  });
});

describe('languages beyond English', () => {
  const forms = (counts: number[]) => new Set(counts.map((count) => translate('moderation.ignored', { count }).replace(/\d+/g, '#')));

  it.each<[Locale, number[], number]>([
    ['ru', [1, 2, 5, 21], 3],
    ['uk', [1, 2, 5, 21], 3],
    ['ar', [0, 1, 2, 3, 11, 100], 4]
  ])('%s loads when chosen and uses its own plural forms', async (lng, counts, distinct) => {
    await initI18n(['en']);
    await setLocale(lng);
    expect(get(locale)).toBe(lng);
    expect(forms(counts).size).toBeGreaterThanOrEqual(distinct);
    expect(translate('moderation.ignored', { count: 1 })).not.toBe(lookup(en, 'moderation.ignored_one'));
    await setLocale('en');
  });

  it('Arabic reads right to left, the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    for (const lng of locales.filter((l) => l !== 'ar')) expect(directionOf(lng), lng).toBe('ltr');
  });
});
