// The person's language choice: on this device at once (so the sign-in screen speaks it), and in
// their account data once signed in, so that it follows them to their other devices. Nothing
// here loads matrix-js-sdk, so the first screen can use it.
import type { MatrixClient } from 'matrix-js-sdk';
import { isLocale, setLocale, type Locale } from './index.ts';

const DEVICE_KEY = 'parley:locale';
export const LOCALE_ACCOUNT_DATA = 'org.parley.locale';

export function savedLocale(storage: Pick<Storage, 'getItem'>): Locale | null {
  const value = storage.getItem(DEVICE_KEY);
  return isLocale(value) ? value : null;
}

export function saveLocale(storage: Pick<Storage, 'setItem'>, lng: Locale): void {
  storage.setItem(DEVICE_KEY, lng);
}

export function localeFromAccountData(content: unknown): Locale | null {
  const value = (content as { locale?: unknown } | null)?.locale;
  return isLocale(value) ? value : null;
}

/** Chooses a language: shown now, kept on the device, and in the account when there is one. */
export async function chooseLocale(lng: Locale, client: MatrixClient | null): Promise<void> {
  await setLocale(lng);
  saveLocale(localStorage, lng);
  await client?.setAccountData(LOCALE_ACCOUNT_DATA as never, { locale: lng } as never).catch(() => undefined);
}
