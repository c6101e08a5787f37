// The one i18next instance. English is bundled (it is every other language's fallback); each
// other language is its own small chunk, fetched when chosen, so the first screen does not wait
// for eleven languages it will not show. The browser's language is the default; a choice is
// remembered on the device and, once signed in, in the person's account data.
import i18next from 'i18next';
import { derived, writable } from 'svelte/store';
import en from '../../../locales/en/translation.json';
import { DIALOGUE_LANGUAGES, type DialogueLanguage } from './languages.ts';

type TranslateOptions = Record<string, string | number>;
type Bundle = typeof en;

export type Locale = DialogueLanguage;
export const locales: readonly Locale[] = DIALOGUE_LANGUAGES;

const loaders = import.meta.glob<Bundle>('../../../locales/*/translation.json', { import: 'default' });

async function bundleOf(lng: Locale): Promise<Bundle> {
  if (lng === 'en') return en;
  const load = loaders[`../../../locales/${lng}/translation.json`];
  if (!load) throw new Error(`no translation for ${lng}`);
  return load();
}

export function pickLocale(preferred: readonly (string | null | undefined)[]): Locale {
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (base && (locales as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

const currentLocale = writable<Locale>('en');

export async function initI18n(preferred: readonly (string | null | undefined)[] = []): Promise<void> {
  const lng = pickLocale(preferred);
  await i18next.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ...(lng === 'en' ? {} : { [lng]: { translation: await bundleOf(lng) } }) },
    interpolation: { escapeValue: false }, // Svelte escapes text itself
    returnNull: false
  });
  currentLocale.set(lng);
}

export async function setLocale(lng: Locale): Promise<void> {
  if (!i18next.hasResourceBundle(lng, 'translation')) i18next.addResourceBundle(lng, 'translation', await bundleOf(lng));
  await i18next.changeLanguage(lng);
  currentLocale.set(lng);
}

export const locale = { subscribe: currentLocale.subscribe };

/** Writing direction of a language: Arabic reads right to left. */
export function directionOf(lng: string): 'ltr' | 'rtl' {
  return i18next.dir(lng);
}

/** `$t('key')` in components: re-evaluates when the language changes. */
export const t = derived(currentLocale, () => (key: string, options?: TranslateOptions) => i18next.t(key, options ?? {}) as string);

/** For code outside components. */
export function translate(key: string, options?: TranslateOptions): string {
  return i18next.t(key, options ?? {}) as string;
}
