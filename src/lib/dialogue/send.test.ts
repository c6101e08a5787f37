import { describe, expect, it } from 'vitest';
import { EventStatus, MatrixEvent, type MatrixClient } from 'matrix-js-sdk';
import { hasMessagesInFlight, hasMessagesToLose } from './send.ts';

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
