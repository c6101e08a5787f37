import { existsSync, readFileSync } from 'node:fs';
import { removeSynapseData, stopSynapse, type HomeserverInfo } from '../homeserver/synapse.ts';
import { HOMESERVER_FILE } from './paths.ts';

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(HOMESERVER_FILE)) return;
  const hs = JSON.parse(readFileSync(HOMESERVER_FILE, 'utf8')) as HomeserverInfo;
  await stopSynapse(hs);
  if (!process.env.PARLEY_KEEP_HOMESERVER) removeSynapseData(hs);
}
