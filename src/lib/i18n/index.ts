// The one i18next instance. Locales are bundled (they are small) so that the sign-in screen
// is readable before anything else arrives; the browser's language picks the default.
import i18next from 'i18next';

type TranslateOptions = Record<string, string | number>;
import { derived, writable } from 'svelte/store';
import en from '../../../locales/en/translation.json';
import ru from '../../../locales/ru/translation.json';

export const resources = { en: { translation: en }, ru: { translation: ru } } as const;
export type Locale = keyof typeof resources;
export const locales = Object.keys(resources) as Locale[];

export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((locales as string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

const currentLocale = writable<Locale>('en');

export async function initI18n(preferred: readonly string[] = []): Promise<void> {
  const lng = pickLocale(preferred);
  await i18next.init({
    lng,
    fallbackLng: 'en',
    resources,
    interpolation: { escapeValue: false }, // Svelte escapes text itself
    returnNull: false
  });
  currentLocale.set(lng);
}

export async function setLocale(lng: Locale): Promise<void> {
  await i18next.changeLanguage(lng);
  currentLocale.set(lng);
}

export const locale = { subscribe: currentLocale.subscribe };

/** `$t('key')` in components: re-evaluates when the language changes. */
export const t = derived(currentLocale, () => (key: string, options?: TranslateOptions) => i18next.t(key, options ?? {}) as string);

/** For code outside components. */
export function translate(key: string, options?: TranslateOptions): string {
  return i18next.t(key, options ?? {}) as string;
}
