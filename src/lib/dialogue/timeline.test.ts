import { describe, expect, it } from 'vitest';
import type { MessageView } from './events.ts';
import { dayOf, timelineRows, type TimelineEntry, type TimelineRow } from './timeline.ts';

const MINUTE = 60_000;
const text: MessageView = { kind: 'text', msgtype: 'm.text', body: 'hi', html: null, replyTo: null };

function entry(id: string, sender: string, iso: string | number): TimelineEntry {
  const ts = typeof iso === 'number' ? iso : Date.parse(iso);
  return { id, sender, senderName: sender.slice(1), ts, content: text, sendState: null, reply: null };
}

/** A compact picture of the rows: "day:YYYY-MM-DD", "id*" when the sender is shown, "id" when grouped. */
function shape(rows: TimelineRow[]): string[] {
  return rows.map((row) => (row.type === 'day' ? `day:${row.day}` : `${row.entry.id}${row.showSender ? '*' : ''}`));
}

describe('dayOf', () => {
  it('formats the calendar day as YYYY-MM-DD in the given time zone', () => {
    const ts = Date.parse('2024-01-15T22:30:00Z');
    expect(dayOf(ts, 'UTC')).toBe('2024-01-15');
    // Chisinau is UTC+2 in winter: already the next day.
    expect(dayOf(ts, 'Europe/Chisinau')).toBe('2024-01-16');
    // New York is UTC-5 in winter.
    expect(dayOf(Date.parse('2024-01-16T03:00:00Z'), 'America/New_York')).toBe('2024-01-15');
  });

  it('follows daylight saving time', () => {
    // Chisinau is UTC+3 in summer: 21:30Z is 00:30 the next day.
    expect(dayOf(Date.parse('2024-07-01T21:30:00Z'), 'Europe/Chisinau')).toBe('2024-07-02');
    expect(dayOf(Date.parse('2024-07-01T20:30:00Z'), 'Europe/Chisinau')).toBe('2024-07-01');
  });

  it('zero-pads month and day', () => {
    expect(dayOf(Date.parse('2023-03-04T12:00:00Z'), 'UTC')).toBe('2023-03-04');
  });
});

describe('timelineRows', () => {
  it('returns no rows for an empty timeline', () => {
    expect(timelineRows([], 'UTC')).toEqual([]);
  });

  it('starts with a day separator and keys rows by day and event ID', () => {
    const rows = timelineRows([entry('$1', '@a:x', '2024-01-15T10:00:00Z')], 'UTC');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ type: 'day', key: 'day-2024-01-15', day: '2024-01-15' });
    expect(rows[1]).toMatchObject({ type: 'event', key: '$1', showSender: true });
    expect(rows[1].type === 'event' && rows[1].entry.id).toBe('$1');
  });

  it('inserts a separator only when the calendar day changes', () => {
    const entries = [
      entry('$1', '@a:x', '2024-01-15T08:00:00Z'),
      entry('$2', '@b:x', '2024-01-15T23:59:00Z'),
      entry('$3', '@b:x', '2024-01-16T00:01:00Z'),
      entry('$4', '@a:x', '2024-01-18T09:00:00Z')
    ];
    expect(shape(timelineRows(entries, 'UTC'))).toEqual([
      'day:2024-01-15', '$1*', '$2*', 'day:2024-01-16', '$3*', 'day:2024-01-18', '$4*'
    ]);
  });

  it('puts the day boundary where the given time zone has it', () => {
    const entries = [
      entry('$1', '@a:x', '2024-01-15T21:58:00Z'), // 23:58 in Chisinau
      entry('$2', '@a:x', '2024-01-15T22:01:00Z') // 00:01 next day in Chisinau, same day in UTC
    ];
    expect(shape(timelineRows(entries, 'UTC'))).toEqual(['day:2024-01-15', '$1*', '$2']);
    expect(shape(timelineRows(entries, 'Europe/Chisinau'))).toEqual(['day:2024-01-15', '$1*', 'day:2024-01-16', '$2*']);
  });

  it('groups consecutive messages of one sender within five minutes', () => {
    const start = Date.parse('2024-01-15T10:00:00Z');
    const entries = [
      entry('$1', '@a:x', start),
      entry('$2', '@a:x', start + 1 * MINUTE),
      entry('$3', '@a:x', start + 6 * MINUTE), // 5 minutes after $2: still grouped
      entry('$4', '@a:x', start + 11 * MINUTE + 1) // just over 5 minutes after $3
    ];
    expect(shape(timelineRows(entries, 'UTC'))).toEqual(['day:2024-01-15', '$1*', '$2', '$3', '$4*']);
  });

  it('shows the sender whenever the sender changes', () => {
    const start = Date.parse('2024-01-15T10:00:00Z');
    const entries = [
      entry('$1', '@a:x', start),
      entry('$2', '@b:x', start + 1000),
      entry('$3', '@a:x', start + 2000),
      entry('$4', '@a:x', start + 3000)
    ];
    expect(shape(timelineRows(entries, 'UTC'))).toEqual(['day:2024-01-15', '$1*', '$2*', '$3*', '$4']);
  });

  it('shows the sender again after a day separator, even within five minutes', () => {
    const entries = [
      entry('$1', '@a:x', '2024-01-15T23:59:00Z'),
      entry('$2', '@a:x', '2024-01-16T00:00:30Z')
    ];
    expect(shape(timelineRows(entries, 'UTC'))).toEqual(['day:2024-01-15', '$1*', 'day:2024-01-16', '$2*']);
  });

  it('keeps the entries in the given order and passes them through unchanged', () => {
    const entries = [
      entry('$1', '@a:x', '2024-01-15T10:00:00Z'),
      entry('$2', '@b:x', '2024-01-15T10:01:00Z'),
      entry('$3', '@a:x', '2024-01-16T10:00:00Z')
    ];
    const rows = timelineRows(entries, 'UTC');
    const events = rows.flatMap((row) => (row.type === 'event' ? [row.entry] : []));
    expect(events).toEqual(entries);
    expect(events[0]).toBe(entries[0]);
    const keys = rows.map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // Found by events.property.test.ts. Timeline.svelte keys rows by `key`, and Svelte throws on a
  // duplicate key: a timestamp earlier than the one before it (clock skew across midnight, or a
  // hostile server) brought a day back under the same key, and the whole timeline failed.
  it('gives a day that comes back a key of its own', () => {
    const entries = [
      entry('$1', '@a:x', '2024-01-16T00:01:00Z'),
      entry('$2', '@b:x', '2024-01-15T23:59:00Z'),
      entry('$3', '@a:x', '2024-01-16T00:02:00Z')
    ];
    const rows = timelineRows(entries, 'UTC');
    expect(shape(rows)).toEqual(['day:2024-01-16', '$1*', 'day:2024-01-15', '$2*', 'day:2024-01-16', '$3*']);
    expect(rows.map((row) => row.key)).toEqual(['day-2024-01-16', '$1', 'day-2024-01-15', '$2', 'day-2024-01-16-2', '$3']);
  });

  // Found by events.property.test.ts: NaN, or a timestamp past what a Date holds (a server sets it),
  // made dayOf throw "Invalid time value", and with it the timeline.
  it.each([NaN, Infinity, 9e15, -9e15, '1700000000000'])('shows an entry whose timestamp %s is not a time as of time 0', (ts) => {
    const rows = timelineRows([{ ...entry('$1', '@a:x', 0), ts: ts as number }], 'UTC');
    expect(rows).toMatchObject([{ type: 'day', day: '1970-01-01' }, { type: 'event', key: '$1', entry: { id: '$1', ts: 0 } }]);
  });
});
