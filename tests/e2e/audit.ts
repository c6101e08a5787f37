// Reads a Synapse SQLite database the way an attacker with the server's disk would: what
// event types it holds, and whether any given plaintext occurs anywhere in its files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The ways a string can be spelled inside a file: UTF-8, and JSON with or without \u escapes. */
function spellings(text: string): Buffer[] {
  const json = JSON.stringify(text).slice(1, -1);
  const asciiJson = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [...new Set([text, json, asciiJson])].map((s) => Buffer.from(s, 'utf8'));
}

export interface DatabaseAudit {
  eventCounts: Record<string, number>;
  /** msgtype of every m.room.message stored in clear. */
  clearMessageTypes: string[];
  /** A sender ID read from the database, searched for as a positive control. */
  senderFoundInFiles: boolean;
  leakedPlaintexts: string[];
  /** How many files were searched (database, its log, uploads). */
  filesSearched: number;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
  );
}

/** Audits the database, and also every file under `mediaDir` (uploads) when given. */
export function auditDatabase(databasePath: string, plaintexts: readonly string[], mediaDir?: string): DatabaseAudit {
  const db = new DatabaseSync(databasePath, { readOnly: true });
  const rows = db.prepare(`SELECT json_extract(json, '$.type') AS type, count(*) AS n FROM event_json GROUP BY 1`).all() as { type: string; n: number }[];
  const clear = db.prepare(`SELECT json_extract(json, '$.content.msgtype') AS msgtype FROM event_json WHERE json_extract(json, '$.type') = 'm.room.message'`).all() as { msgtype: string }[];
  const sender = db.prepare(`SELECT json_extract(json, '$.sender') AS sender FROM event_json WHERE json_extract(json, '$.type') = 'm.room.encrypted' LIMIT 1`).get() as { sender: string } | undefined;
  db.close();
  const paths = [databasePath, `${databasePath}-wal`].filter(existsSync).concat(mediaDir ? filesUnder(mediaDir) : []);
  const files = paths.map((path) => readFileSync(path));
  const occurs = (text: string) => files.some((bytes) => spellings(text).some((spelling) => bytes.includes(spelling)));
  return {
    eventCounts: Object.fromEntries(rows.map((row) => [row.type, row.n])),
    clearMessageTypes: clear.map((row) => row.msgtype),
    senderFoundInFiles: !!sender && occurs(sender.sender),
    leakedPlaintexts: plaintexts.filter(occurs),
    filesSearched: files.length
  };
}
