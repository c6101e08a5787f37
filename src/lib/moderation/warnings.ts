// Private warnings: a moderator's client sends an Olm-encrypted to-device message naming only a
// category; the warned person's client shows the matching template in their own language. Nobody
// else sees it, and it is kept on the person's device only (to-device messages arrive once).
import { ClientEvent, type MatrixClient } from 'matrix-js-sdk';
import type { ReceivedToDeviceMessage } from 'matrix-js-sdk/lib/sync-accumulator.js';
import { writable, type Readable } from 'svelte/store';
import * as v from 'valibot';
import { MODERATOR_LEVEL, powerLevelOf } from '../dialogue/dialogue.ts';
import { storePrefix } from '../matrix/session.ts';
import { ModerationEvent, parseWarning, warningContent, type Warning } from './events.ts';

export class NoDevicesError extends Error {
  name = 'NoDevicesError';
}

export async function sendWarning(client: MatrixClient, userId: string, warning: Warning): Promise<number> {
  const crypto = client.getCrypto();
  if (!crypto) throw new NoDevicesError(userId);
  const byId = (await crypto.getUserDeviceInfo([userId], true)).get(userId);
  const devices = [...(byId?.keys() ?? [])].map((deviceId) => ({ userId, deviceId }));
  if (devices.length === 0) throw new NoDevicesError(userId);
  const batch = await crypto.encryptToDeviceMessages(ModerationEvent.warning, devices, warningContent(warning) as never);
  await client.queueToDevice(batch);
  return devices.length;
}

export interface ReceivedWarning extends Warning {
  from: string;
  receivedAt: number;
}

/** receivedAt is a time (Date.now() when the warning arrived). */
const StoredSchema = v.object({ from: v.string(), receivedAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)), warning: v.unknown() });
const MAX_KEPT = 50;

/**
 * The warning with a receivedAt no other in the list has: the room view keys warnings by it, and
 * the warnings of one sync arrive in the same millisecond.
 */
function withFreeTime(list: readonly ReceivedWarning[], warning: ReceivedWarning): ReceivedWarning {
  const taken = new Set(list.map((w) => w.receivedAt));
  let receivedAt = warning.receivedAt;
  while (taken.has(receivedAt)) receivedAt++;
  return receivedAt === warning.receivedAt ? warning : { ...warning, receivedAt };
}

export interface WarningInbox {
  warnings: Readable<ReceivedWarning[]>;
  add(warning: ReceivedWarning): void;
  dismiss(receivedAt: number): void;
}

/** The warnings this person has received, kept in `storage` under `key` (invalid entries are dropped). */
export function warningInbox(storage: Pick<Storage, 'getItem' | 'setItem'> | null, key: string): WarningInbox {
  const load = (): ReceivedWarning[] => {
    let stored: unknown;
    try {
      stored = JSON.parse(storage?.getItem(key) ?? '[]');
    } catch {
      return [];
    }
    // Each entry stands or falls on its own.
    return (Array.isArray(stored) ? stored : []).flatMap((entry) => {
      const parsed = v.safeParse(StoredSchema, entry);
      const valid = parsed.success ? parseWarning(parsed.output.warning) : null;
      return parsed.success && valid ? [{ ...valid, from: parsed.output.from, receivedAt: parsed.output.receivedAt }] : [];
    });
  };
  let list = load()
    .slice(-MAX_KEPT)
    .reduce<ReceivedWarning[]>((kept, warning) => [...kept, withFreeTime(kept, warning)], []);
  const store = writable(list);
  const save = (next: ReceivedWarning[]) => {
    list = next.slice(-MAX_KEPT);
    store.set(list);
    storage?.setItem(key, JSON.stringify(list.map(({ from, receivedAt, ...warning }) => ({ from, receivedAt, warning }))));
  };
  return {
    warnings: { subscribe: store.subscribe },
    add: (warning) => save([...list, withFreeTime(list, warning)]),
    dismiss: (receivedAt) => save(list.filter((warning) => warning.receivedAt !== receivedAt))
  };
}

/**
 * Puts every warning that arrives Olm-encrypted from a moderator of the room it names into the
 * inbox. Warnings in clear, or from someone who does not moderate that room, are dropped.
 */
export function receiveWarnings(client: MatrixClient, inbox: WarningInbox): () => void {
  const handler = ({ message, encryptionInfo }: ReceivedToDeviceMessage) => {
    if (message.type !== ModerationEvent.warning || !encryptionInfo) return;
    const warning = parseWarning(message.content);
    const room = warning ? client.getRoom(warning.room) : null;
    if (!warning || !room || powerLevelOf(room, encryptionInfo.sender) < MODERATOR_LEVEL) return;
    inbox.add({ ...warning, from: encryptionInfo.sender, receivedAt: Date.now() });
  };
  client.on(ClientEvent.ReceivedToDeviceMessage, handler);
  return () => client.off(ClientEvent.ReceivedToDeviceMessage, handler);
}

const active = writable<{ inbox: WarningInbox; list: ReceivedWarning[] } | null>(null);
/** The signed-in person's warnings, while a client is running. */
export const activeWarnings: Readable<{ inbox: WarningInbox; list: ReceivedWarning[] } | null> = { subscribe: active.subscribe };

/** Receives warnings for the signed-in person, kept in this browser's storage (erased with the rest on sign-out). */
export function startReceivingWarnings(client: MatrixClient): () => void {
  const prefix = storePrefix({ userId: client.getSafeUserId(), deviceId: client.getDeviceId() ?? '' });
  const inbox = warningInbox(globalThis.localStorage ?? null, `${prefix}:warnings`);
  const unsubscribe = inbox.warnings.subscribe((list) => active.set({ inbox, list }));
  const stop = receiveWarnings(client, inbox);
  return () => {
    stop();
    unsubscribe();
    active.set(null);
  };
}
