// This account's sessions (devices): who they are, whether they are verified, renaming them
// and signing them out (the server asks for the password again for that).
import type { MatrixClient } from 'matrix-js-sdk';
import type { AuthDict } from 'matrix-js-sdk/lib/interactive-auth.js';

export interface OwnDevice {
  deviceId: string;
  displayName: string;
  lastSeenTs: number | null;
  verified: boolean;
  current: boolean;
}

export async function listOwnDevices(client: MatrixClient): Promise<OwnDevice[]> {
  const { devices } = await client.getDevices();
  const crypto = client.getCrypto();
  const me = client.getSafeUserId();
  const current = client.getDeviceId();
  const rows = await Promise.all(
    devices.map(async (device) => ({
      deviceId: device.device_id,
      displayName: device.display_name ?? '',
      lastSeenTs: device.last_seen_ts ?? null,
      verified: !!(await crypto?.getDeviceVerificationStatus(me, device.device_id))?.crossSigningVerified,
      current: device.device_id === current
    }))
  );
  return rows.sort((a, b) => Number(b.current) - Number(a.current) || (b.lastSeenTs ?? 0) - (a.lastSeenTs ?? 0));
}

export async function renameDevice(client: MatrixClient, deviceId: string, name: string): Promise<void> {
  await client.setDeviceDetails(deviceId, { display_name: name.trim().slice(0, 100) });
}

export class WrongPasswordError extends Error {}

/** Signs out other sessions; the server deletes them and their access tokens. */
export async function signOutDevices(client: MatrixClient, deviceIds: string[], password: string): Promise<void> {
  try {
    await client.deleteMultipleDevices(deviceIds);
  } catch (error) {
    const challenge = error as { httpStatus?: number; data?: { session?: string; flows?: unknown } };
    if (challenge.httpStatus !== 401 || !challenge.data?.flows) throw error;
    try {
      await client.deleteMultipleDevices(deviceIds, {
        type: 'm.login.password',
        identifier: { type: 'm.id.user', user: client.getSafeUserId() },
        password,
        session: challenge.data.session
      } as AuthDict);
    } catch (second) {
      if ((second as { httpStatus?: number }).httpStatus === 401) throw new WrongPasswordError();
      throw second;
    }
  }
}
