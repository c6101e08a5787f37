// Follows the language kept in the person's account data, set on another of their devices.
import { ClientEvent, type MatrixClient, type MatrixEvent } from 'matrix-js-sdk';
import { setLocale } from './index.ts';
import { LOCALE_ACCOUNT_DATA, localeFromAccountData, saveLocale } from './choice.ts';

/** Follows the language in the account data (set on another device), now and as it changes. */
export function followAccountLocale(client: MatrixClient): () => void {
  const apply = (event: MatrixEvent | undefined) => {
    const lng = localeFromAccountData(event?.getContent());
    if (!lng) return;
    saveLocale(localStorage, lng);
    void setLocale(lng);
  };
  apply(client.getAccountData(LOCALE_ACCOUNT_DATA as never));
  const onAccountData = (event: MatrixEvent) => {
    if (event.getType() === LOCALE_ACCOUNT_DATA) apply(event);
  };
  client.on(ClientEvent.AccountData, onAccountData);
  return () => client.off(ClientEvent.AccountData, onAccountData);
}
