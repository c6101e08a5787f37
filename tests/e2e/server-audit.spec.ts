// Runs after every other browser test: the homeserver's database must hold the suite's
// messages only as m.room.encrypted, and no plaintext any test sent may occur anywhere in it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { test, expect, suiteHomeserver } from './fixtures.ts';
import { PLAINTEXT_DIR } from './paths.ts';

/** The ways a string can be spelled inside a file: UTF-8, and JSON with \u escapes. */
function spellings(text: string): Buffer[] {
  const jsonEscaped = JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [...new Set([text, JSON.stringify(text).slice(1, -1), jsonEscaped])].map((s) => Buffer.from(s, 'utf8'));
}

test('the homeserver stores messages only encrypted, and no plaintext of the suite', async () => {
  const hs = suiteHomeserver();
  test.skip(!hs.databasePath, 'an external homeserver (PARLEY_HOMESERVER_URL): its database is not readable here');
  const plaintexts = readdirSync(PLAINTEXT_DIR).flatMap((file) =>
    readFileSync(join(PLAINTEXT_DIR, file), 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as string)
  );
  // Guards against an audit that passes because nothing was recorded.
  expect(plaintexts.length).toBeGreaterThanOrEqual(10);

  const db = new DatabaseSync(hs.databasePath!, { readOnly: true });
  const types = db.prepare(`SELECT json_extract(json, '$.type') AS type, count(*) AS n FROM event_json GROUP BY 1`).all() as { type: string; n: number }[];
  const count = (type: string) => types.find((row) => row.type === type)?.n ?? 0;
  expect(count('m.room.message'), 'no m.room.message event may exist: every room is encrypted').toBe(0);
  expect(count('m.room.encrypted')).toBeGreaterThanOrEqual(plaintexts.length);

  // The search must be able to find things: the IDs of senders are stored in clear.
  const sender = db.prepare(`SELECT json_extract(json, '$.sender') AS sender FROM event_json WHERE json_extract(json, '$.type') = 'm.room.encrypted' LIMIT 1`).get() as { sender: string };
  db.close();

  const files = [hs.databasePath!, `${hs.databasePath}-wal`].filter(existsSync).map((path) => readFileSync(path));
  expect(files.some((bytes) => bytes.includes(Buffer.from(sender.sender))), 'positive control: a sender ID is found').toBe(true);
  const leaked = plaintexts.filter((text) => files.some((bytes) => spellings(text).some((spelling) => bytes.includes(spelling))));
  expect(leaked, 'plaintexts found in the homeserver database').toEqual([]);
});
