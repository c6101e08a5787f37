import { describe, expect, it } from 'vitest';
import { initialSyncView, nextSyncView, type SdkSyncState, type SyncView } from './sync-status.ts';

function run(states: SdkSyncState[], start: SyncView = initialSyncView): SyncView {
  return states.reduce((view, state) => nextSyncView(view, state), start);
}

describe('initialSyncView', () => {
  it('is connecting and waiting for the first sync', () => {
    expect(initialSyncView).toEqual({ status: 'connecting', firstSync: true });
  });
});

describe('nextSyncView', () => {
  it('PREPARED ends the first sync but stays connecting', () => {
    expect(nextSyncView(initialSyncView, 'PREPARED')).toEqual({ status: 'connecting', firstSync: false });
  });

  it('PREPARED then SYNCING is syncing, with the first sync done', () => {
    expect(run(['PREPARED', 'SYNCING'])).toEqual({ status: 'syncing', firstSync: false });
  });

  it('SYNCING alone also ends the first sync', () => {
    expect(nextSyncView(initialSyncView, 'SYNCING')).toEqual({ status: 'syncing', firstSync: false });
  });

  it('PREPARED from the cache while offline stays offline', () => {
    const offline: SyncView = { status: 'offline', firstSync: true };
    expect(nextSyncView(offline, 'PREPARED')).toEqual({ status: 'offline', firstSync: false });
  });

  it('RECONNECTING is offline and keeps firstSync', () => {
    expect(nextSyncView(initialSyncView, 'RECONNECTING')).toEqual({ status: 'offline', firstSync: true });
    expect(run(['PREPARED', 'SYNCING', 'RECONNECTING'])).toEqual({ status: 'offline', firstSync: false });
  });

  it('CATCHUP is connecting and keeps firstSync', () => {
    expect(run(['PREPARED', 'SYNCING', 'CATCHUP'])).toEqual({ status: 'connecting', firstSync: false });
    expect(nextSyncView(initialSyncView, 'CATCHUP')).toEqual({ status: 'connecting', firstSync: true });
  });

  it('ERROR without errcode is offline (a network failure)', () => {
    const synced = run(['PREPARED', 'SYNCING']);
    expect(nextSyncView(synced, 'ERROR')).toEqual({ status: 'offline', firstSync: false });
    expect(nextSyncView(synced, 'ERROR', {})).toEqual({ status: 'offline', firstSync: false });
    expect(nextSyncView(initialSyncView, 'ERROR', { name: 'TypeError' })).toEqual({ status: 'offline', firstSync: true });
  });

  it('ERROR from a ConnectionError is offline even with an errcode', () => {
    expect(nextSyncView(initialSyncView, 'ERROR', { errcode: 'M_UNKNOWN', name: 'ConnectionError' })).toEqual({ status: 'offline', firstSync: true });
  });

  it('ERROR with M_UNKNOWN_TOKEN is an error carrying the code', () => {
    const synced = run(['PREPARED', 'SYNCING']);
    expect(nextSyncView(synced, 'ERROR', { errcode: 'M_UNKNOWN_TOKEN', name: 'MatrixError' })).toEqual({
      status: 'error',
      firstSync: false,
      errorCode: 'M_UNKNOWN_TOKEN'
    });
  });

  it('ERROR while the browser is offline is offline, whatever the error', () => {
    expect(nextSyncView(initialSyncView, 'ERROR', { errcode: 'M_UNKNOWN_TOKEN' }, false)).toEqual({ status: 'offline', firstSync: true });
  });

  it('recovers from an error to syncing and drops the error code', () => {
    const failed = nextSyncView(run(['PREPARED', 'SYNCING']), 'ERROR', { errcode: 'M_FORBIDDEN' });
    expect(failed.errorCode).toBe('M_FORBIDDEN');
    const recovered = nextSyncView(failed, 'SYNCING');
    expect(recovered).toEqual({ status: 'syncing', firstSync: false });
    expect(recovered).not.toHaveProperty('errorCode');
  });

  it('STOPPED keeps the previous view as it is', () => {
    const failed: SyncView = { status: 'error', firstSync: false, errorCode: 'M_UNKNOWN_TOKEN' };
    expect(nextSyncView(failed, 'STOPPED')).toBe(failed);
    expect(nextSyncView(initialSyncView, 'STOPPED')).toBe(initialSyncView);
  });

  it('never changes the previous view object', () => {
    const previous: SyncView = { status: 'syncing', firstSync: false };
    const copy = { ...previous };
    for (const state of ['PREPARED', 'SYNCING', 'ERROR', 'RECONNECTING', 'STOPPED', 'CATCHUP'] as const) {
      nextSyncView(previous, state, { errcode: 'M_X' });
    }
    expect(previous).toEqual(copy);
  });
});
