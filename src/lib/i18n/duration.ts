// Durations in the reader's language, from the platform's own unit names (nothing to translate).
const UNITS = [
  { unit: 'day', ms: 86_400_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'second', ms: 1_000 }
] as const;
export type DurationUnit = (typeof UNITS)[number]['unit'];
export const DURATION_UNITS: readonly DurationUnit[] = UNITS.map((u) => u.unit);

export function unitMs(unit: DurationUnit): number {
  return UNITS.find((u) => u.unit === unit)!.ms;
}

/** The largest unit that expresses `ms` exactly (down to seconds), e.g. "5 seconds", "2 days". */
export function formatDuration(ms: number, locale: string): string {
  const { unit, ms: size } = UNITS.find((u) => ms >= u.ms && ms % u.ms === 0) ?? UNITS[UNITS.length - 1];
  const amount = unit === 'second' ? Math.round(ms / size) : ms / size;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}
