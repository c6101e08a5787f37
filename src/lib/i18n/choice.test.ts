import { describe, expect, it } from 'vitest';
import { localeFromAccountData, savedLocale, saveLocale } from './choice.ts';

describe('language choice', () => {
  it('is kept on the device, and only a supported language is read back', () => {
    const values = new Map<string, string>();
    const storage = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
    expect(savedLocale(storage)).toBeNull();
    saveLocale(storage, 'ka');
    expect(savedLocale(storage)).toBe('ka');
    values.set('parley:locale', 'de');
    expect(savedLocale(storage)).toBeNull();
  });

  it('follows the account data only when it names a supported language', () => {
    expect(localeFromAccountData({ locale: 'ar' })).toBe('ar');
    for (const content of [undefined, null, {}, { locale: 'xx' }, { locale: 7 }, 'ar']) expect(localeFromAccountData(content)).toBeNull();
  });
});
