// Runs after every other browser test: the homeserver's database must hold the suite's
// messages only as m.room.encrypted, and no plaintext any test sent may occur anywhere in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, suiteHomeserver } from './fixtures.ts';
import { PLAINTEXT_DIR } from './paths.ts';
import { auditDatabase } from './audit.ts';

test('the homeserver stores messages only encrypted, and no plaintext of the suite', async () => {
  const hs = suiteHomeserver();
  test.skip(!hs.databasePath, 'an external homeserver (PARLEY_HOMESERVER_URL): its database is not readable here');
  const plaintexts = readdirSync(PLAINTEXT_DIR).flatMap((file) =>
    readFileSync(join(PLAINTEXT_DIR, file), 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as string)
  );
  // Guards against an audit that passes because nothing was recorded.
  expect(plaintexts.length).toBeGreaterThanOrEqual(50);

  // The uploads (briefs, files, photos) are searched too: they must be ciphertext only.
  const audit = auditDatabase(hs.databasePath!, plaintexts, hs.root && hs.dataDir ? join(hs.root, hs.dataDir, 'media_store') : undefined);
  // Nothing a person wrote is stored as m.room.message. The only ones allowed are in-room
  // verification requests, which matrix-js-sdk's Rust crypto sends unencrypted by design.
  expect(audit.clearMessageTypes.filter((msgtype) => msgtype !== 'm.key.verification.request'), 'm.room.message in clear').toEqual([]);
  expect(audit.eventCounts['m.room.encrypted'] ?? 0).toBeGreaterThanOrEqual(50);
  // Parley's own events in clear may only be state that carries structure (ids, a policy flag).
  const clearParleyTypes = Object.keys(audit.eventCounts).filter((type) => type.startsWith('org.parley.'));
  expect(clearParleyTypes.filter((type) => !['org.parley.dialogue.room', 'org.parley.room.trust_policy'].includes(type))).toEqual([]);
  expect(audit.senderFoundInFiles, 'positive control: a sender ID stored in clear is found by the search').toBe(true);
  expect(audit.leakedPlaintexts, 'plaintexts found in the homeserver database').toEqual([]);
});
