import { join } from 'node:path';

export const STATE_DIR = join(process.cwd(), '.parley', 'e2e');
export const HOMESERVER_FILE = join(STATE_DIR, 'homeserver.json');
/** Every test writes the plaintexts it sent here; the server audit looks for them in the database. */
export const PLAINTEXT_DIR = join(STATE_DIR, 'plaintexts');
