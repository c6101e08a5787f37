import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RoomStateEvent, type MatrixClient } from 'matrix-js-sdk';
import { roomTrustStore, type RoomTrust } from './room-trust.ts';

const ROOM = '!room:localhost';

/** A client whose reading of a message's encryption info waits until `release` is called. */
function slowShieldClient() {
  let release: () => void = () => undefined;
  const shieldRead = new Promise<void>((resolve) => (release = resolve));
  const message = { getId: () => '$m', getRoomId: () => ROOM, getSender: () => '@b:localhost', isEncrypted: () => true, isDecryptionFailure: () => false };
  const room = {
    roomId: ROOM,
    getJoinedMembers: () => [{ userId: '@a:localhost', rawDisplayName: 'A' }, { userId: '@b:localhost', rawDisplayName: 'B' }],
    currentState: { getStateEvents: () => null, maySendStateEvent: () => true },
    getLiveTimeline: () => ({ getEvents: () => [message] })
  };
  const crypto = {
    getUserVerificationStatus: async () => ({ isCrossSigningVerified: () => false, wasCrossSigningVerified: () => false }),
    getEncryptionInfoForEvent: async () => {
      await shieldRead;
      return null;
    }
  };
  const client = Object.assign(new EventEmitter(), {
    getSafeUserId: () => '@a:localhost',
    getDeviceId: () => 'A',
    getRoom: (id: string) => (id === ROOM ? room : null),
    getCrypto: () => crypto
  });
  return { client: client as unknown as MatrixClient & EventEmitter, release: () => release() };
}

describe('roomTrustStore', () => {
  it('publishes whole people when the members change while shields are being read', async () => {
    const { client, release } = slowShieldClient();
    const values: RoomTrust[] = [];
    const stop = roomTrustStore(client, ROOM).subscribe((value) => values.push(value));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A ban, say, changes the members while the first round waits on the crypto.
    client.emit(RoomStateEvent.Members, { getRoomId: () => ROOM });
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    stop();
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) {
      expect(Array.isArray(value.members)).toBe(true);
      expect(Array.isArray(value.excludedDevices)).toBe(true);
    }
    expect(values.at(-1)!.members.map((m) => m.userId)).toEqual(['@a:localhost', '@b:localhost']);
  });
});
