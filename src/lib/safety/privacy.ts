// Quiet by default: no public read receipts, no typing notices, no presence, no link previews.
// Each can be turned on by the person, for this device; the choices stay on the device (the
// server learns nothing from them) and go with everything else on "exit and erase".
import * as v from 'valibot';
import { writable, type Readable } from 'svelte/store';

const PrivacySchema = v.object({
  /** Others see how far you have read (m.read); otherwise receipts are private (m.read.private). */
  publicReceipts: v.optional(v.boolean(), false),
  /** Others see when you are typing. */
  typingNotices: v.optional(v.boolean(), false),
  /** Others see when you are online. */
  presence: v.optional(v.boolean(), false),
  /** Links get a preview, which makes the homeserver fetch them. */
  linkPreviews: v.optional(v.boolean(), false),
  /** In rooms with disappearing messages, the person's own expired messages are redacted on the server too. */
  redactExpired: v.optional(v.boolean(), false)
});
export type PrivacySettings = v.InferOutput<typeof PrivacySchema>;
export const PRIVACY_OPTIONS = ['publicReceipts', 'typingNotices', 'presence', 'linkPreviews', 'redactExpired'] as const satisfies readonly (keyof PrivacySettings)[];

export const QUIET: PrivacySettings = { publicReceipts: false, typingNotices: false, presence: false, linkPreviews: false, redactExpired: false };

/** The stored settings, or the quiet defaults for anything missing or invalid. */
export function parsePrivacy(raw: string | null): PrivacySettings {
  try {
    const parsed = v.safeParse(PrivacySchema, JSON.parse(raw ?? '{}'));
    return parsed.success ? parsed.output : { ...QUIET };
  } catch {
    return { ...QUIET };
  }
}

export interface PrivacyStore extends Readable<PrivacySettings> {
  set(settings: PrivacySettings): void;
}

/** This device's privacy settings for one account, kept under `key` in `storage`. */
export function privacyStore(storage: Pick<Storage, 'getItem' | 'setItem'>, key: string): PrivacyStore {
  const store = writable(parsePrivacy(storage.getItem(key)));
  return {
    subscribe: store.subscribe,
    set(settings) {
      const valid = v.parse(PrivacySchema, settings);
      storage.setItem(key, JSON.stringify(valid));
      store.set(valid);
    }
  };
}
