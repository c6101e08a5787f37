// What the always-visible status line says, derived from the SDK's sync state.

export type SyncStatus = 'connecting' | 'syncing' | 'offline' | 'error';

/** The SDK's SyncState values, as strings, so this module stays free of the SDK. */
export type SdkSyncState = 'PREPARED' | 'SYNCING' | 'ERROR' | 'RECONNECTING' | 'STOPPED' | 'CATCHUP';

export interface SyncView {
  status: SyncStatus;
  /** True until the first sync has been received (from the server or the local cache). */
  firstSync: boolean;
  /** The error's Matrix code when status is 'error', for a precise message. */
  errorCode?: string;
}

export const initialSyncView: SyncView = { status: 'connecting', firstSync: true };

export function nextSyncView(
  previous: SyncView,
  state: SdkSyncState,
  error?: { errcode?: string; name?: string },
  online = true
): SyncView {
  switch (state) {
    case 'PREPARED':
      return { status: previous.status === 'offline' ? 'offline' : 'connecting', firstSync: false };
    case 'SYNCING':
      return { status: 'syncing', firstSync: false };
    case 'CATCHUP':
      return { status: 'connecting', firstSync: previous.firstSync };
    case 'RECONNECTING':
      return { status: 'offline', firstSync: previous.firstSync };
    case 'ERROR':
      // A network failure is "offline": the SDK keeps retrying. Anything the server refused
      // (an expired token, a deleted device) will not heal by waiting.
      if (!online || !error?.errcode || error.name === 'ConnectionError') {
        return { status: 'offline', firstSync: previous.firstSync };
      }
      return { status: 'error', firstSync: previous.firstSync, errorCode: error.errcode };
    case 'STOPPED':
      return previous;
  }
}
