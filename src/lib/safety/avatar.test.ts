import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, AVATAR_GRID, avatarFor } from './avatar.ts';

const ids = (count: number, prefix = 'user'): string[] =>
  Array.from({ length: count }, (_, i) => `@${prefix}${i}:example.org`);

function parseHsl(colour: string): [number, number, number] {
  const m = /^hsl\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?)%, (\d+(?:\.\d+)?)%\)$/.exec(colour);
  if (!m) throw new Error(`not an hsl colour: ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** HSL to sRGB in [0, 1] (CSS Color 4 algorithm). */
function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const sat = s / 100;
  const light = l / 100;
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    const a = sat * Math.min(light, 1 - light);
    return light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

function luminance(colour: string): number {
  const [r, g, b] = hslToRgb(...parseHsl(colour)).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const filled = (cells: boolean[]): number => cells.filter(Boolean).length;

describe('avatarFor', () => {
  it('is deterministic', () => {
    for (const id of ['@alice:example.org', '@bob:example.org', '', '@ü🙂:ex.org']) {
      expect(avatarFor(id)).toEqual(avatarFor(id));
    }
    expect(avatarFor('@alice:example.org')).not.toEqual(avatarFor('@alicf:example.org'));
  });

  it('has 25 cells, mirrored left to right', () => {
    for (const id of ids(200)) {
      const { cells } = avatarFor(id);
      expect(cells).toHaveLength(25);
      for (let row = 0; row < AVATAR_GRID; row++) {
        for (let col = 0; col < AVATAR_GRID; col++) {
          expect(cells[row * AVATAR_GRID + col]).toBe(cells[row * AVATAR_GRID + (AVATAR_GRID - 1 - col)]);
        }
      }
    }
  });

  it('is almost always neither empty nor full', () => {
    const sample = ids(200, 'sample');
    const moderate = sample.filter((id) => {
      const n = filled(avatarFor(id).cells);
      return n >= 3 && n <= 22;
    });
    expect(moderate.length).toBeGreaterThanOrEqual(190);
  });

  it('tells 1000 people apart', () => {
    const seen = new Set(
      ids(1000).map((id) => {
        const { cells, foreground } = avatarFor(id);
        return `${cells.map((c) => (c ? 1 : 0)).join('')}|${parseHsl(foreground)[0]}`;
      })
    );
    expect(seen.size).toBeGreaterThanOrEqual(990);
  });

  it('uses dark-on-light colours of the same hue, with WCAG AA contrast', () => {
    expect(AVATAR_COLOURS.foreground.lightness).toBeLessThanOrEqual(35);
    expect(AVATAR_COLOURS.background.lightness).toBeGreaterThanOrEqual(88);
    // Every possible hue, then 1000 real ones.
    for (let hue = 0; hue < 360; hue++) {
      const fg = `hsl(${hue}, ${AVATAR_COLOURS.foreground.saturation}%, ${AVATAR_COLOURS.foreground.lightness}%)`;
      const bg = `hsl(${hue}, ${AVATAR_COLOURS.background.saturation}%, ${AVATAR_COLOURS.background.lightness}%)`;
      expect(contrast(fg, bg), `hue ${hue}`).toBeGreaterThanOrEqual(4.5);
    }
    for (const id of ids(1000, 'contrast')) {
      const { foreground, background } = avatarFor(id);
      expect(parseHsl(foreground)[2]).toBeLessThanOrEqual(35);
      expect(parseHsl(background)[2]).toBeGreaterThanOrEqual(88);
      expect(contrast(foreground, background), id).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (id) => {
        const a = avatarFor(id);
        expect(a.cells).toHaveLength(25);
        parseHsl(a.foreground);
        parseHsl(a.background);
      })
    );
  });
});
