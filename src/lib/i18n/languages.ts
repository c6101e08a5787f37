// The languages a dialogue may be held in: those Parley's people read before English.
export const DIALOGUE_LANGUAGES = ['en', 'ru', 'uk', 'ro', 'ka', 'hy', 'az', 'tr', 'sr', 'sq', 'ar', 'fr'] as const;
export type DialogueLanguage = (typeof DIALOGUE_LANGUAGES)[number];

/** Each language's name in itself, for the language switcher (platforms lack several of these). */
export const OWN_NAMES: Record<DialogueLanguage, string> = {
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  ro: 'Română',
  ka: 'ქართული',
  hy: 'Հայերեն',
  az: 'Azərbaycanca',
  tr: 'Türkçe',
  sr: 'Srpski',
  sq: 'Shqip',
  ar: 'العربية',
  fr: 'Français'
};

/** A language's name in the reader's language, from the platform's own data (no strings to translate). */
export function languageName(code: string, readerLocale: string): string {
  try {
    return new Intl.DisplayNames([readerLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
