import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { parsePrivacy, privacyStore, QUIET } from './privacy.ts';

describe('privacy settings', () => {
  it('are quiet by default, and for anything stored that is not valid', () => {
    expect(QUIET).toEqual({ publicReceipts: false, typingNotices: false, presence: false, linkPreviews: false, redactExpired: false });
    for (const raw of [null, '', 'not json', '[]', '42', '{"publicReceipts":"yes"}']) expect(parsePrivacy(raw), String(raw)).toEqual(QUIET);
  });

  it('keep what the person turned on, and fill in the rest quietly', () => {
    expect(parsePrivacy('{"typingNotices":true}')).toEqual({ ...QUIET, typingNotices: true });
  });

  it('are saved per key and read back', () => {
    const values = new Map<string, string>();
    const storage = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
    const store = privacyStore(storage, 'a:privacy');
    store.set({ ...QUIET, publicReceipts: true });
    expect(get(store).publicReceipts).toBe(true);
    expect(get(privacyStore(storage, 'a:privacy')).publicReceipts).toBe(true);
    expect(get(privacyStore(storage, 'b:privacy'))).toEqual(QUIET);
  });
});
