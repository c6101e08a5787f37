// Older history is fetched a page at a time, only when the person scrolls up or asks for it.
import type { MatrixClient } from 'matrix-js-sdk';

const PAGE_SIZE = 30;

export async function loadOlder(client: MatrixClient, roomId: string): Promise<void> {
  const room = client.getRoom(roomId);
  if (!room) return;
  await client.scrollback(room, PAGE_SIZE);
}
