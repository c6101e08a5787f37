// Link previews, only for people who turned them on: the homeserver fetches the page (so the
// site sees the homeserver, not the person) and returns its OpenGraph fields. Text only: the
// preview's image is never loaded.
import type { MatrixClient } from 'matrix-js-sdk';

const LINK = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/i;

/** The first web link in a message's text, or null. */
export function firstLink(body: string): string | null {
  const match = LINK.exec(body);
  return match && URL.canParse(match[0]) ? match[0] : null;
}

export interface LinkPreview {
  title: string;
  description: string | null;
  site: string;
}

const text = (value: unknown, max: number): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null);

/** The preview's fields from whatever the server returned; null when there is no title to show. */
export function parsePreview(url: string, og: unknown): LinkPreview | null {
  const fields = (og && typeof og === 'object' ? og : {}) as Record<string, unknown>;
  const title = text(fields['og:title'], 200);
  if (!title) return null;
  return { title, description: text(fields['og:description'], 300), site: text(fields['og:site_name'], 100) ?? new URL(url).host };
}

export async function fetchPreview(client: MatrixClient, url: string, ts: number): Promise<LinkPreview | null> {
  return parsePreview(url, await client.getUrlPreview(url, ts));
}
