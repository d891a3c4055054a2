// Where a moment or an ending is written in the file, found in the text itself (the page has no
// YAML parser: it runs in the worker): the line of its key under the top-level `nodes:` or `endings:`.
// Block style only, as the format's guide writes it; a flow-style section finds nothing.

/** A top-level or nested key at the start of a line: its indent and its name (plain or quoted). */
const KEY =
  /^( *)(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\]][^:#]*?))[ \t]*:(?:[ \t]|$)/;

/** The 1-based line and column of `id`'s key in the file, or null when it is not found. */
export function sourcePlace(text: string, id: string): { line: number; column: number } | null {
  const lines = text.split(/\r\n|\r|\n/);
  for (const section of ['nodes', 'endings']) {
    let inside = false;
    let indent = -1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (/^\s*(#.*)?$/.test(line)) continue;
      const m = KEY.exec(line);
      const depth = line.length - line.trimStart().length;
      if (depth === 0) {
        inside = m !== null && (m[4] ?? m[2] ?? m[3]) === section;
        indent = -1;
        continue;
      }
      if (!inside || !m) continue;
      if (indent < 0) indent = depth;
      const key =
        m[4] ?? (m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!.replace(/''/g, "'"));
      if (depth === indent && key === id) return { line: i + 1, column: depth + 1 };
    }
  }
  return null;
}
