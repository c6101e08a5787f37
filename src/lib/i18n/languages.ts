// The languages a dialogue may be held in: those Parley's people read before English.
export const DIALOGUE_LANGUAGES = ['en', 'ru', 'uk', 'ro', 'ka', 'hy', 'az', 'tr', 'sr', 'sq', 'ar', 'fr'] as const;
export type DialogueLanguage = (typeof DIALOGUE_LANGUAGES)[number];

/** A language's name in the reader's language, from the platform's own data (no strings to translate). */
export function languageName(code: string, readerLocale: string): string {
  try {
    return new Intl.DisplayNames([readerLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
