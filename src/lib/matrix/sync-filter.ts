// What each sync asks the server for. On a slow, expensive connection every byte counts: no
// presence (Parley shows none), no typing notices (it shows none), members only as needed, and
// a short timeline, with older history paged on demand.
import type { IFilterDefinition } from 'matrix-js-sdk';

export const TIMELINE_LIMIT = 20;

export function syncFilterDefinition(): IFilterDefinition {
  return {
    presence: { not_types: ['*'] },
    room: {
      state: { lazy_load_members: true },
      timeline: { limit: TIMELINE_LIMIT },
      // Read receipts stay: the client checks its own before sending another.
      ephemeral: { not_types: ['m.typing'] }
    }
  };
}
