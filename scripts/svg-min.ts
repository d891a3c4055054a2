/**
 * Shrinks a generated portrait (scripts/portraits.ts) without changing how it looks at any size it
 * is shown: the viewBox is 704 units and portraits are shown at ≤ 240 px, so one unit is ≤ 0.34 px.
 * Path points are rounded to whole units on the absolute coordinates and written back as relative
 * moves between the rounded points, so rounding never accumulates along a path; arc radii keep one
 * decimal; the no-op mask (a rect exactly the viewBox) and default attributes go.
 * Checked against the unminified files by a pixel comparison at 128, 240 and 704 px (differences only
 * at antialiased edges). Issue 12: the two faces of a drill's first moment went from 8.2 to 5.8 KB gzip.
 */

type Segment = [string, ...number[]];

/** Arguments per path command. */
const ARGS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

const whole = (n: number): number => Math.round(n);
const tenth = (n: number): number => Math.round(n * 10) / 10;

/** A number without its leading zero: `.5`, `-.5`. */
function short(n: number): string {
  const s = String(n);
  if (s.startsWith('0.')) return s.slice(1);
  if (s.startsWith('-0.')) return '-' + s.slice(2);
  return s;
}

/** Parses path data; arc flags may be packed ("a1 1 0 012 3"), so they are read by position. */
function parse(d: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  let cmd: string | null = null;
  const read = (re: RegExp, what: string): number => {
    re.lastIndex = i;
    const m = re.exec(d);
    if (!m) throw new Error(`${what} expected at ${i}: ${d.slice(i, i + 20)}`);
    i = re.lastIndex;
    return Number(m[1]);
  };
  const num = () => read(/\s*,?\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/y, 'number');
  const flag = () => read(/\s*,?\s*([01])/y, 'flag');
  for (;;) {
    const ws = /\s*,?\s*/y;
    ws.lastIndex = i;
    ws.exec(d);
    i = ws.lastIndex;
    if (i >= d.length) break;
    const c = d[i]!;
    if (/[A-Za-z]/.test(c)) {
      cmd = c;
      i++;
      if (c === 'z' || c === 'Z') {
        segments.push([c]);
        continue;
      }
    } else if (cmd === null) throw new Error('path data must start with a command');
    const upper = cmd.toUpperCase();
    const args: number[] = [];
    for (let k = 0; k < (ARGS[upper] ?? 0); k++)
      args.push(upper === 'A' && (k === 3 || k === 4) ? flag() : num());
    segments.push([cmd, ...args]);
    if (cmd === 'm') cmd = 'l';
    else if (cmd === 'M') cmd = 'L';
  }
  return segments;
}

/** Joins tokens: a space between numbers unless the next one's sign or dot separates them. */
function joinTokens(parts: readonly string[]): string {
  let out = '';
  let prev = '';
  for (const p of parts) {
    if (/^[A-Za-z]$/.test(p)) {
      out += p;
      prev = p;
      continue;
    }
    if (
      out &&
      !/[A-Za-z]$/.test(out) &&
      !p.startsWith('-') &&
      !(p.startsWith('.') && /\.\d*$/.test(prev))
    )
      out += ' ';
    out += p;
    prev = p;
  }
  return out;
}

/** Path data rounded to whole units, as relative moves between rounded points. */
export function roundPath(d: string): string {
  let cx = 0,
    cy = 0,
    sx = 0,
    sy = 0; // the exact current point and subpath start
  let rx = 0,
    ry = 0,
    rsx = 0,
    rsy = 0; // the same, rounded
  const parts: string[] = [];
  let last: string | null = null;
  for (const [c, ...a] of parse(d)) {
    const upper = c.toUpperCase();
    const rel = c !== upper;
    if (upper === 'Z') {
      parts.push('z');
      cx = sx;
      cy = sy;
      rx = rsx;
      ry = rsy;
      last = 'z';
      continue;
    }
    if (upper === 'H' || upper === 'V') {
      const lower = upper.toLowerCase();
      const exact = upper === 'H' ? (rel ? cx + a[0]! : a[0]!) : rel ? cy + a[0]! : a[0]!;
      const rounded = whole(exact);
      parts.push(last === lower ? '' : lower, short(rounded - (upper === 'H' ? rx : ry)));
      last = lower;
      if (upper === 'H') [cx, rx] = [exact, rounded];
      else [cy, ry] = [exact, rounded];
      continue;
    }
    if (upper === 'A') {
      const x = rel ? cx + a[5]! : a[5]!;
      const y = rel ? cy + a[6]! : a[6]!;
      const [X, Y] = [whole(x), whole(y)];
      parts.push(
        last === 'a' ? '' : 'a',
        short(tenth(a[0]!)),
        short(tenth(a[1]!)),
        short(tenth(a[2]!)),
        String(a[3]),
        String(a[4]),
        short(X - rx),
        short(Y - ry),
      );
      last = 'a';
      [cx, cy, rx, ry] = [x, y, X, Y];
      continue;
    }
    const abs: number[] = [];
    for (let k = 0; k < a.length; k += 2)
      abs.push(rel ? cx + a[k]! : a[k]!, rel ? cy + a[k + 1]! : a[k + 1]!);
    const rounded = abs.map(whole);
    const moves: string[] = [];
    for (let k = 0; k < rounded.length; k += 2)
      moves.push(short(rounded[k]! - rx), short(rounded[k + 1]! - ry));
    const out = upper === 'M' ? 'm' : upper.toLowerCase();
    parts.push(last === out && upper !== 'M' ? '' : out, ...moves);
    // After an m, further pairs are implicit lines; a following l must be written again.
    last = upper === 'M' ? 'm-implicit' : out;
    [cx, cy] = [abs[abs.length - 2]!, abs[abs.length - 1]!];
    [rx, ry] = [rounded[rounded.length - 2]!, rounded[rounded.length - 1]!];
    if (upper === 'M') [sx, sy, rsx, rsy] = [cx, cy, rx, ry];
  }
  return joinTokens(parts.filter((p) => p !== ''));
}

/** A DiceBear open-peeps SVG, smaller and the same to the eye. */
export function minifyPortrait(svg: string): string {
  return svg
    .replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${roundPath(d)}"`)
    .replace(
      /<mask id="viewboxMask"><rect width="704" height="704" rx="0" ry="0" x="0" y="0" fill="#fff" \/><\/mask><g mask="url\(#viewboxMask\)">([\s\S]*)<\/g><\/svg>/,
      '$1</svg>',
    )
    .replace(' shape-rendering="auto"', '')
    .replace(/<g transform="translate\(\d+ \d+\)"><\/g>/g, '')
    .replace(/ x="0" y="0"/g, '')
    .replace(/ \/>/g, '/>');
}
