import { messageDiagnostic, type Diagnostic } from './diagnostics';
import { ref, type MessageParam, type MessageRef } from './messages';
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
const PRESENT = Symbol('present');
/** A value as the drift message shows it: JSON, or "none", or "present" (a node or ending that exists). */
const show = (v: unknown): MessageParam =>
  v === undefined
    ? ref('value.none')
    : v === PRESENT
      ? ref('value.present')
      : String(JSON.stringify(v));

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
    what: MessageRef,
    here: unknown,
    there: unknown,
    which: 'key' | 'value' = 'value',
  ) =>
    out.push(
      messageDiagnostic(
        b.source,
        b.source.locate(path, which),
        'error',
        'translation-drift',
        'default',
        {
          what,
          file: a.file,
          here: show(here),
          there: show(there),
        },
      ),
    );

  if (!same(sa.meters, sb.meters))
    drift(['meters'], ref('drift.meters'), sb.meters, sa.meters, 'key');
  if (sa.start !== sb.start) drift(['start'], ref('drift.start'), sb.start, sa.start);
  for (const id of Object.keys(sa.nodes))
    if (!(id in sb.nodes)) drift(['nodes'], ref('drift.node', { id }), undefined, PRESENT, 'key');
  for (const id of Object.keys(sa.endings))
    if (!(id in sb.endings))
      drift(['endings'], ref('drift.ending', { id }), undefined, PRESENT, 'key');
  for (const id of Object.keys(sb.endings))
    if (!(id in sa.endings))
      drift(['endings', id], ref('drift.ending', { id }), PRESENT, undefined, 'key');
  for (const [id, nb] of Object.entries(sb.nodes)) {
    const na = sa.nodes[id];
    const at: Path = ['nodes', id];
    if (!na) {
      drift(at, ref('drift.node', { id }), PRESENT, undefined, 'key');
      continue;
    }
    if (na.step !== nb.step) drift([...at, 'step'], ref('drift.step', { id }), nb.step, na.step);
    if (na.order !== nb.order)
      drift([...at, 'order'], ref('drift.order', { id }), nb.order, na.order);
    if (na.timeLimit !== nb.timeLimit)
      drift(
        [...at, 'timeLimit'],
        ref('drift.timeLimit', { id }),
        nb.timeLimit,
        na.timeLimit,
        'key',
      );
    if (!same(moveShape(na.onTimeout), moveShape(nb.onTimeout)))
      drift(
        [...at, 'onTimeout'],
        ref('drift.onTimeout', { id }),
        moveShape(nb.onTimeout),
        moveShape(na.onTimeout),
        'key',
      );
    if (na.choices.length !== nb.choices.length) {
      drift(
        [...at, 'choices'],
        ref('drift.choices', { id }),
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
            ref('drift.choice-key', { key, n: i + 1, choice: cb.id, id }),
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
          messageDiagnostic(
            r.source,
            r.source.locate(['locale']),
            'error',
            'duplicate-id',
            'locale',
            {
              prev,
              id: r.scenario.id,
              locale: r.scenario.locale,
            },
          ),
        );
      locales.set(r.scenario.locale, r.file);
    }
    for (const r of rest) out.push(...translationDrift(first!, r));
  }
  return out;
}
