// Everything moderators keep (reports, audit entries, terms, followed lists) goes to the
// dialogue's moderators' room, encrypted: nothing is sent before the room's encryption is known.
import type { MatrixClient } from 'matrix-js-sdk';
import { waitForRoomEncryption } from '../dialogue/rooms.ts';
import { auditContent, ModerationEvent } from './events.ts';

type ModerationEventType = (typeof ModerationEvent)[keyof typeof ModerationEvent];

export async function postToModerators(client: MatrixClient, moderatorsRoomId: string, type: ModerationEventType, content: object): Promise<void> {
  await waitForRoomEncryption(client, moderatorsRoomId);
  await client.sendEvent(moderatorsRoomId, type as never, content as never);
}

export async function recordAudit(client: MatrixClient, moderatorsRoomId: string, entry: Parameters<typeof auditContent>[0]): Promise<void> {
  await postToModerators(client, moderatorsRoomId, ModerationEvent.audit, auditContent(entry));
}
