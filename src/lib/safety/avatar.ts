// Generated avatars: a small symmetric pattern derived only from a hash of the Matrix user ID.
// Why: nobody has to upload a photo, and no picture is ever fetched from a server or a third
// party, so an avatar cannot reveal a face, a place, or anything else about the person. The
// image is pseudonymous by construction and carries no user-controlled text, so it is safe to inline.

export interface Avatar {
  /** Background colour, `hsl(...)`, light (lightness >= 88%). */
  background: string;
  /** Foreground colour, `hsl(...)`, dark (lightness <= 35%); contrast with the background >= 4.5:1. */
  foreground: string;
  /** 25 cells, row-major (index = row * 5 + column), mirrored left to right. */
  cells: boolean[];
}

export const AVATAR_GRID = 5;

/** Colour parameters, exported so tests can check the contrast of what is actually generated. */
export const AVATAR_COLOURS = {
  foreground: { saturation: 55, lightness: 27 },
  background: { saturation: 45, lightness: 93 }
} as const;

/** FNV-1a, 32-bit, over UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3 finaliser: spreads every input bit over the whole word. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function avatarFor(userId: string): Avatar {
  const first = mix(fnv1a(String(userId)));
  const second = mix(first ^ 0x9e3779b9);
  const hue = second % 360;
  const half = Math.ceil(AVATAR_GRID / 2); // 3 independent columns, mirrored
  const cells: boolean[] = new Array<boolean>(AVATAR_GRID * AVATAR_GRID).fill(false);
  for (let row = 0; row < AVATAR_GRID; row++) {
    for (let col = 0; col < half; col++) {
      const on = ((first >>> (row * half + col)) & 1) === 1;
      cells[row * AVATAR_GRID + col] = on;
      cells[row * AVATAR_GRID + (AVATAR_GRID - 1 - col)] = on;
    }
  }
  const { foreground: fg, background: bg } = AVATAR_COLOURS;
  return {
    background: `hsl(${hue}, ${bg.saturation}%, ${bg.lightness}%)`,
    foreground: `hsl(${hue}, ${fg.saturation}%, ${fg.lightness}%)`,
    cells
  };
}
