// Older history is fetched a page at a time, only when the person scrolls up or asks for it.
import type { MatrixClient } from 'matrix-js-sdk';

const PAGE_SIZE = 30;

const listeners = new Set<(roomId: string) => void>();

/**
 * Calls `listener` after each page of history is fetched. A page that holds only state, or
 * that finds the start of the room, adds nothing to the timeline, so the SDK emits nothing;
 * views still need to learn that there is no more history.
 */
export function onHistoryLoaded(listener: (roomId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function loadOlder(client: MatrixClient, roomId: string): Promise<void> {
  const room = client.getRoom(roomId);
  if (!room) return;
  try {
    await client.scrollback(room, PAGE_SIZE);
  } finally {
    for (const listener of listeners) listener(roomId);
  }
}
