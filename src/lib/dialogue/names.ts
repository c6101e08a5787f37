// Display names are chosen by their owners, so two people can pick the same one, or pick
// someone else's Matrix ID as a name. Those are shown with the real ID beside them.

export interface NamedMember {
  userId: string;
  displayName?: string | null;
}

// Bidi and zero-width controls can make a name read as another; they never belong in one.
const INVISIBLE_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function cleanDisplayName(name: string | null | undefined): string {
  return (name ?? '').replace(INVISIBLE_CONTROLS, '').replace(/\s+/g, ' ').trim().slice(0, 256);
}

function looksLikeMatrixId(name: string): boolean {
  return /^@[^:\s]+:\S+$/.test(name);
}

/** Label for each user: the display name, disambiguated with the Matrix ID when needed. */
export function disambiguatedNames(members: readonly NamedMember[]): Map<string, string> {
  const counts = new Map<string, number>();
  const cleaned = members.map((m) => ({ userId: m.userId, name: cleanDisplayName(m.displayName) }));
  for (const { name } of cleaned) {
    const key = name.toLocaleLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const labels = new Map<string, string>();
  for (const { userId, name } of cleaned) {
    if (!name) labels.set(userId, userId);
    else if ((counts.get(name.toLocaleLowerCase()) ?? 0) > 1 || looksLikeMatrixId(name)) labels.set(userId, `${name} (${userId})`);
    else labels.set(userId, name);
  }
  return labels;
}
