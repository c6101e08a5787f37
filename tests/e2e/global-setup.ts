import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createSynapse, externalHomeserver, startSynapse } from '../homeserver/synapse.ts';
import { STATE_DIR, HOMESERVER_FILE, PLAINTEXT_DIR } from './paths.ts';

export default async function globalSetup(): Promise<void> {
  rmSync(STATE_DIR, { recursive: true, force: true });
  mkdirSync(PLAINTEXT_DIR, { recursive: true });
  const hs = externalHomeserver() ?? (await startSynapse(await createSynapse('e2e')));
  writeFileSync(HOMESERVER_FILE, JSON.stringify(hs));
  console.log(`homeserver for the browser suite: ${hs.url}`);
}
