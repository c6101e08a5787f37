import { DecryptionFailureCode } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { describe, expect, it } from 'vitest';
import { createClient, MatrixEvent, MatrixEventEvent, Room, RoomEvent } from 'matrix-js-sdk';
import { failureReadability, readabilityOf, reEmitEveryDecryption } from './decryption';

// Bodies as matrix-js-sdk 43 with Rust crypto produced them for lone surrogates (seen against Synapse).
const LONE_HIGH = '** Unable to decrypt: DecryptionError: unexpected end of hex escape at line 1 column 75 **';
const LONE_LOW = '** Unable to decrypt: DecryptionError: lone leading surrogate in hex escape at line 1 column 74 **';

describe('failureReadability', () => {
  it('calls content the sender encoded wrongly malformed', () => {
    expect(failureReadability(DecryptionFailureCode.UNKNOWN_ERROR, LONE_HIGH)).toBe('malformed');
    expect(failureReadability(DecryptionFailureCode.UNKNOWN_ERROR, LONE_LOW)).toBe('malformed');
  });

  it('keeps missing keys and other failures undecryptable', () => {
    expect(failureReadability(DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID, LONE_HIGH)).toBe('undecryptable');
    expect(failureReadability(DecryptionFailureCode.UNKNOWN_ERROR, '** Unable to decrypt: DecryptionError: The sender device is not known **')).toBe('undecryptable');
    expect(failureReadability(DecryptionFailureCode.UNKNOWN_ERROR, undefined)).toBe('undecryptable');
    expect(failureReadability(null, LONE_HIGH)).toBe('undecryptable');
  });
});

describe('readabilityOf', () => {
  const encrypted = () => new MatrixEvent({ type: 'm.room.encrypted', event_id: '$e', room_id: '!r', sender: '@a:x', content: { algorithm: 'm.megolm.v1.aes-sha2', ciphertext: 'x' } });

  it('tells an event still being decrypted from one that could not be', () => {
    const pending = encrypted();
    // A crypto backend that has not answered yet, as under load.
    void pending.attemptDecryption({ decryptEvent: () => new Promise(() => undefined) } as never);
    expect(readabilityOf(pending)).toBe('decrypting');
    expect(readabilityOf(encrypted())).toBe('undecryptable');
  });

  it('reads events in clear', () => {
    expect(readabilityOf(new MatrixEvent({ type: 'm.room.message', content: { msgtype: 'm.text', body: 'hi' } }))).toBe('readable');
  });
});

describe('reEmitEveryDecryption', () => {
  const ROOM = '!r:localhost';
  const encryptedEvent = (id: string) =>
    ({ type: 'm.room.encrypted', event_id: id, room_id: ROOM, sender: '@a:localhost', origin_server_ts: 1, content: { algorithm: 'm.megolm.v1.aes-sha2', ciphertext: 'x' } });

  async function clientWithKnownEvent() {
    const client = createClient({ baseUrl: 'http://127.0.0.1:9', userId: '@me:localhost' });
    const room = new Room(ROOM, client, '@me:localhost');
    client.store.storeRoom(room);
    await room.addLiveEvents([new MatrixEvent(encryptedEvent('$known'))], { addToState: false });
    const heard: string[] = [];
    client.on(MatrixEventEvent.Decrypted, (event) => heard.push(event.getId()!));
    return { client, heard };
  }

  it('is needed: the SDK mapper stops passing Decrypted on after meeting a known event in its batch', async () => {
    const { client, heard } = await clientWithKnownEvent();
    const [, fresh] = [encryptedEvent('$known'), encryptedEvent('$fresh')].map(client.getEventMapper({ decrypt: false }));
    fresh.emit(MatrixEventEvent.Decrypted, fresh);
    expect(heard).toEqual([]);
  });

  it('passes on the Decrypted of every event that reaches a timeline, once', async () => {
    const { client, heard } = await clientWithKnownEvent();
    const stop = reEmitEveryDecryption(client);
    const [, fresh] = [encryptedEvent('$known'), encryptedEvent('$fresh')].map(client.getEventMapper({ decrypt: false }));
    const usual = client.getEventMapper({ decrypt: false })(encryptedEvent('$usual'));
    for (const event of [fresh, usual, fresh]) client.emit(RoomEvent.Timeline, event, undefined, undefined, false, { timeline: undefined as never, liveEvent: true });
    fresh.emit(MatrixEventEvent.Decrypted, fresh);
    usual.emit(MatrixEventEvent.Decrypted, usual);
    expect(heard).toEqual(['$fresh', '$usual']);
    stop();
  });
});
