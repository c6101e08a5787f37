import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ClientEvent, EventStatus, MatrixEvent, SyncState, type MatrixClient } from 'matrix-js-sdk';
import { hasMessagesInFlight, hasMessagesToLose, resendWhenBackOnline } from './send.ts';

function pending(type: string, status: EventStatus): MatrixEvent {
  const event = new MatrixEvent({ type, room_id: '!r:localhost', content: {} });
  event.setStatus(status);
  return event;
}

const clientWith = (...events: MatrixEvent[]) => ({ getRooms: () => [{ getPendingEvents: () => events }] }) as unknown as MatrixClient;

describe('messages a reload would lose', () => {
  it('counts messages in flight', () => {
    const client = clientWith(pending('m.room.encrypted', EventStatus.SENDING));
    expect(hasMessagesInFlight(client)).toBe(true);
    expect(hasMessagesToLose(client)).toBe(true);
  });

  it('counts an unsent message that was never encrypted, which the SDK does not keep', () => {
    const client = clientWith(pending('m.room.message', EventStatus.NOT_SENT));
    expect(hasMessagesInFlight(client)).toBe(false);
    expect(hasMessagesToLose(client)).toBe(true);
  });

  it('does not count an unsent encrypted message, which the SDK keeps, nor sent ones', () => {
    const client = clientWith(pending('m.room.encrypted', EventStatus.NOT_SENT), pending('m.room.encrypted', EventStatus.SENT));
    expect(hasMessagesToLose(client)).toBe(false);
  });
});

describe('resendWhenBackOnline', () => {
  it('sends every failed message again, even as the SDK removes the sent ones from its list', async () => {
    const failed = [pending('m.room.message', EventStatus.NOT_SENT), pending('m.room.message', EventStatus.NOT_SENT)];
    const list = [...failed];
    const resent: MatrixEvent[] = [];
    const emitter = new EventEmitter();
    const client = Object.assign(emitter, {
      getRooms: () => [{ getPendingEvents: () => list }],
      getRoom: () => ({}),
      // The remote echo comes before the next message is looked at: the SDK drops the sent one.
      resendEvent: async (event: MatrixEvent) => {
        resent.push(event);
        list.splice(list.indexOf(event), 1);
      }
    }) as unknown as MatrixClient;
    const stop = resendWhenBackOnline(client);
    emitter.emit(ClientEvent.Sync, SyncState.Reconnecting);
    emitter.emit(ClientEvent.Sync, SyncState.Syncing);
    await vi.waitFor(() => expect(resent).toEqual(failed));
    stop();
  });
});
