// Display names are chosen by their owners, so two people can pick the same one, or pick
// someone else's Matrix ID as a name. Those are shown with the real ID beside them.

import { cleanName, skeleton } from '../moderation/normalise.ts';

export interface NamedMember {
  userId: string;
  displayName?: string | null;
}

/** Bidi, zero-width and control characters can make a name read as another (see cleanName). */
export function cleanDisplayName(name: string | null | undefined): string {
  return cleanName(name ?? '').replace(/\s+/g, ' ').slice(0, 256);
}

/** A room's title as shown: its name cleaned like a person's, or its ID when nothing is left. */
export function roomTitle(room: { name: string; roomId: string }): string {
  return cleanDisplayName(room.name) || room.roomId;
}

/**
 * The member event that gives a person a name in one room only: their current membership content
 * with a cleaned display name (an empty name falls back to their global one, by leaving it out).
 */
export function roomNameContent(current: Record<string, unknown>, name: string): Record<string, unknown> {
  const { displayname: _old, ...rest } = current;
  const cleaned = cleanDisplayName(name);
  return { ...rest, membership: 'join', ...(cleaned ? { displayname: cleaned } : {}) };
}

function looksLikeMatrixId(name: string): boolean {
  return /^@[^:\s]+:\S+$/.test(name);
}

/** A name's comparison keys: its confusable skeleton as written, and lower-cased (a capital I passes for an l only as written). */
function nameKeys(name: string): string[] {
  return [`s:${skeleton(name)}`, `l:${skeleton(name.toLocaleLowerCase())}`];
}

/** The keys shared by more than one of the names. */
function collidingKeys(names: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const name of names) for (const key of nameKeys(name)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([key]) => key));
}

/** Label for each user: the display name, disambiguated with the Matrix ID when needed. */
export function disambiguatedNames(members: readonly NamedMember[]): Map<string, string> {
  const cleaned = members.map((m) => ({ userId: m.userId, name: cleanDisplayName(m.displayName) }));
  // Names that merely look alike (Cyrillic "А" for Latin "A", "0" for "O", case) count as the same name.
  const alike = collidingKeys(cleaned.map((m) => m.name).filter(Boolean));
  const labels = new Map<string, string>();
  for (const { userId, name } of cleaned) {
    if (!name) labels.set(userId, userId);
    else if (nameKeys(name).some((key) => alike.has(key)) || looksLikeMatrixId(name)) labels.set(userId, `${name} (${userId})`);
    else labels.set(userId, name);
  }
  return labels;
}

/**
 * Members whose display name looks like another member's (same confusable skeleton) while
 * being a different account: each is shown with a warning, the one impersonated and the
 * impersonator alike, since the reader cannot tell who was first.
 */
export function lookAlikeNames(members: readonly NamedMember[]): Set<string> {
  const named = members.map((m) => ({ userId: m.userId, name: cleanDisplayName(m.displayName) })).filter((m) => m.name);
  const alike = collidingKeys(named.map((m) => m.name));
  return new Set(named.filter((m) => nameKeys(m.name).some((key) => alike.has(key))).map((m) => m.userId));
}
