// The timeline as the room view shows it: entries in order, with a separator wherever the
// local calendar day changes and the sender shown only where it changes.
import type { MessageView } from './events.ts';

export type SendState = 'sending' | 'sent' | 'failed';

export interface TimelineEntry {
  id: string;
  sender: string;
  senderName: string;
  ts: number;
  content: MessageView;
  /** Set only for this device's own messages that are not yet confirmed by the server. */
  sendState: SendState | null;
  reply: { id: string; senderName: string | null; preview: string | null } | null;
}

export type TimelineRow =
  | { type: 'day'; key: string; day: string }
  | { type: 'event'; key: string; entry: TimelineEntry; showSender: boolean };

/** The calendar day of a timestamp in a time zone, as YYYY-MM-DD. */
export function dayOf(ts: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ts);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const GROUP_WINDOW_MS = 5 * 60_000;
/** Two days short of the last time a Date holds, so that a timestamp's local day and its midnight are Dates too. */
const LATEST_SHOWN_TS = 8.64e15 - 2 * 86_400_000;

/** The sender's server sets the timestamp: one that is not a time a Date can hold is shown as 0. */
function shownTs(ts: unknown): number {
  return typeof ts === 'number' && Math.abs(ts) <= LATEST_SHOWN_TS ? ts : 0;
}

export function timelineRows(entries: readonly TimelineEntry[], timeZone?: string): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let lastDay: string | null = null;
  let previous: TimelineEntry | null = null;
  // Timestamps need not grow (clock skew, hostile servers): a day can come back, under another key.
  const daysSeen = new Map<string, number>();
  for (const given of entries) {
    const ts = shownTs(given.ts);
    const entry = ts === given.ts ? given : { ...given, ts };
    const day = dayOf(entry.ts, timeZone);
    if (day !== lastDay) {
      const seen = (daysSeen.get(day) ?? 0) + 1;
      daysSeen.set(day, seen);
      rows.push({ type: 'day', key: seen === 1 ? `day-${day}` : `day-${day}-${seen}`, day });
      lastDay = day;
      previous = null;
    }
    const showSender = !previous || previous.sender !== entry.sender || entry.ts - previous.ts > GROUP_WINDOW_MS;
    rows.push({ type: 'event', key: entry.id, entry, showSender });
    previous = entry;
  }
  return rows;
}
