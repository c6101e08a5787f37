// Hostile content against the language choice: the account data another device (or a hostile
// server) wrote, what this device stored, and the browser's language list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, hostileContent, hostileString, nearString } from '../testing/hostile-arbitraries.ts';
import { localeFromAccountData, savedLocale } from './choice.ts';
import { locales, pickLocale } from './index.ts';

const locale = nearString(locales);

describe('language choice', () => {
  it('localeFromAccountData returns null or a supported language', () => {
    check(fc.oneof(hostileContent({ locale: 'ar' }), locale.map((value) => ({ locale: value }))), (content) => {
      const chosen = localeFromAccountData(content);
      expect(chosen === null || locales.includes(chosen)).toBe(true);
    });
  });

  it('savedLocale returns null or a supported language, whatever the device stored', () => {
    check(fc.oneof(locale, hostileString, fc.constant(null)), (stored) => {
      const chosen = savedLocale({ getItem: () => stored });
      expect(chosen === null || locales.includes(chosen)).toBe(true);
    });
  });

  it('pickLocale always picks a supported language from any preference list', () => {
    check(fc.array(fc.oneof(locale, fc.constant(null), fc.constant(undefined)), { maxLength: 5 }), (preferred) => {
      expect(locales).toContain(pickLocale(preferred));
    });
  });
});
