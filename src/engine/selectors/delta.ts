import { formatCount } from './format';

/** A meter's change as the screens write it: "+15", "−20" (a true minus sign), "0". */
export function formatDelta(delta: number, locale: string): string {
  const n = formatCount(Math.abs(delta), locale);
  return delta > 0 ? `+${n}` : delta < 0 ? `\u2212${n}` : n;
}

/** The meters that moved, in the order the meters are listed (a move that changes nothing shows nothing). */
export function movedMeters(deltas: Readonly<Record<string, number>>): string[] {
  return Object.entries(deltas)
    .filter(([, d]) => d !== 0)
    .map(([name]) => name);
}
