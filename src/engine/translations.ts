import type { Diagnostic } from './diagnostics';
import type { Move, Scenario } from './model';
import type { Path, SourceDoc } from './source';

/**
 * What the drift check needs of a validated file. validate.ts's ValidationResult has this shape;
 * it is declared here so that this module does not import validate.ts (which imports this one).
 */
export interface CheckedFile {
  file: string;
  source: SourceDoc;
  /** Present when the file has no errors. */
  scenario?: Scenario;
}
type ValidFile = CheckedFile & { scenario: Scenario };

/** JSON with object keys sorted, so `{ mood, trust }` and `{ trust, mood }` compare equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const show = (v: unknown) => (v === undefined ? 'none' : JSON.stringify(v));

function moveShape(m: Move | undefined) {
  return m && { effects: m.effects, set: m.set, next: m.next };
}

/** Compares two translations of one scenario; reports in `b` every place its graph differs from `a`. */
export function translationDrift(a: ValidFile, b: ValidFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sa = a.scenario;
  const sb = b.scenario;
  const drift = (
    path: Path,
    what: string,
    here: unknown,
    there: unknown,
    which: 'key' | 'value' = 'value',
  ) =>
    out.push(
      b.source.diagnostic(
        b.source.locate(path, which),
        'error',
        'translation-drift',
        `${what} differs from its translation ${a.file} (here ${show(here)}, there ${show(there)}); translations share one graph and differ only in texts`,
      ),
    );

  if (!same(sa.meters, sb.meters)) drift(['meters'], 'meters', sb.meters, sa.meters, 'key');
  if (sa.start !== sb.start) drift(['start'], 'start', sb.start, sa.start);
  for (const id of Object.keys(sa.nodes))
    if (!(id in sb.nodes)) drift(['nodes'], `node "${id}"`, undefined, 'present', 'key');
  for (const id of Object.keys(sa.endings))
    if (!(id in sb.endings)) drift(['endings'], `ending "${id}"`, undefined, 'present', 'key');
  for (const id of Object.keys(sb.endings))
    if (!(id in sa.endings)) drift(['endings', id], `ending "${id}"`, 'present', undefined, 'key');
  for (const [id, nb] of Object.entries(sb.nodes)) {
    const na = sa.nodes[id];
    const at: Path = ['nodes', id];
    if (!na) {
      drift(at, `node "${id}"`, 'present', undefined, 'key');
      continue;
    }
    if (na.step !== nb.step) drift([...at, 'step'], `the step of node "${id}"`, nb.step, na.step);
    if (na.order !== nb.order)
      drift([...at, 'order'], `the order of node "${id}"`, nb.order, na.order);
    if (na.timeLimit !== nb.timeLimit)
      drift(
        [...at, 'timeLimit'],
        `the timeLimit of node "${id}"`,
        nb.timeLimit,
        na.timeLimit,
        'key',
      );
    if (!same(moveShape(na.onTimeout), moveShape(nb.onTimeout)))
      drift(
        [...at, 'onTimeout'],
        `the onTimeout of node "${id}"`,
        moveShape(nb.onTimeout),
        moveShape(na.onTimeout),
        'key',
      );
    if (na.choices.length !== nb.choices.length) {
      drift(
        [...at, 'choices'],
        `the number of choices of node "${id}"`,
        nb.choices.length,
        na.choices.length,
        'key',
      );
      continue;
    }
    nb.choices.forEach((cb, i) => {
      const ca = na.choices[i]!;
      const cp: Path = [...at, 'choices', i];
      const pairs: Array<[string, unknown, unknown]> = [
        ['id', cb.id, ca.id],
        ['score', cb.score, ca.score],
        ['effects', cb.effects, ca.effects],
        ['set', cb.set, ca.set],
        ['if', cb.when, ca.when],
        ['next', cb.next, ca.next],
      ];
      for (const [key, here, there] of pairs)
        if (!same(here, there))
          drift(
            [...cp, key],
            `the "${key}" of choice ${i + 1} (${cb.id}) in node "${id}"`,
            here,
            there,
          );
    });
  }
  return out;
}

/** Groups valid results by scenario id and checks each translation against the first file of its group. */
export function checkTranslations(results: readonly CheckedFile[]): Diagnostic[] {
  const groups = new Map<string, ValidFile[]>();
  for (const r of results) {
    if (!r.scenario) continue;
    const list = groups.get(r.scenario.id) ?? [];
    list.push(r as ValidFile);
    groups.set(r.scenario.id, list);
  }
  const out: Diagnostic[] = [];
  for (const list of groups.values()) {
    const [first, ...rest] = list.sort((x, y) => x.file.localeCompare(y.file));
    const locales = new Map<string, string>();
    for (const r of list) {
      const prev = locales.get(r.scenario.locale);
      if (prev)
        out.push(
          r.source.diagnostic(
            r.source.locate(['locale']),
            'error',
            'duplicate-id',
            `${prev} already has id "${r.scenario.id}" in locale "${r.scenario.locale}"`,
          ),
        );
      locales.set(r.scenario.locale, r.file);
    }
    for (const r of rest) out.push(...translationDrift(first!, r));
  }
  return out;
}
