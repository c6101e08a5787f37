// Older history is fetched a page at a time, only when the person scrolls up or asks for it.
//
// After a sync gap (more new events than a sync carries) the SDK starts a fresh live timeline.
// Paging back from it joins it to the earlier one once the pages meet; from then on the live
// timeline's own events are only the newest part of what the person has seen. So the view
// reads, and pages back from, the whole chain of joined timelines.
import { Direction, type EventTimeline, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk';

const PAGE_SIZE = 30;

/** The live timeline and the earlier timelines joined to it, oldest first. */
export function joinedTimelines(room: Room): EventTimeline[] {
  const chain: EventTimeline[] = [];
  const seen = new Set<EventTimeline>();
  for (let timeline: EventTimeline | null = room.getLiveTimeline(); timeline && !seen.has(timeline); timeline = timeline.getNeighbouringTimeline(Direction.Backward)) {
    seen.add(timeline);
    chain.unshift(timeline);
  }
  return chain;
}

/** Every event of the joined timelines, oldest first. */
export function joinedEvents(room: Room): MatrixEvent[] {
  return joinedTimelines(room).flatMap((timeline) => timeline.getEvents());
}

/** Whether older history may exist on the server, before the oldest joined timeline. */
export function canLoadOlder(room: Room): boolean {
  return joinedTimelines(room)[0].getPaginationToken(Direction.Backward) !== null;
}

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
    await client.paginateEventTimeline(joinedTimelines(room)[0], { backwards: true, limit: PAGE_SIZE });
  } finally {
    for (const listener of listeners) listener(roomId);
  }
}
