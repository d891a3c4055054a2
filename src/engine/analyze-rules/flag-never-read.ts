// Warning `flag-never-read`: a flag that a choice or timeout sets but no condition reads.
import { conditionInputs } from '../explore';
import { list } from '../messages';
import type { Scenario } from '../model';
import { warning, type AnalysisWarning, type DesignRule, type WarningPath } from './warning';

export const flagNeverReadRule = {
  id: 'flag-never-read',
  severity: 'warning',
  check: flagsNeverRead,
} as const satisfies DesignRule;

/** Flags that a choice or timeout sets but no condition reads, placed at their `set:` keys. */
export function flagsNeverRead(s: Scenario): AnalysisWarning[] {
  const read = conditionInputs(s).flags;
  const sets = new Map<string, WarningPath[]>();
  for (const node of Object.values(s.nodes)) {
    const moves: Array<[WarningPath, { set: string[] }]> = node.choices.map((c, i) => [
      ['nodes', node.id, 'choices', i, 'set'],
      c,
    ]);
    if (node.onTimeout) moves.push([['nodes', node.id, 'onTimeout', 'set'], node.onTimeout]);
    for (const [path, move] of moves)
      for (const flag of move.set) {
        if (read.has(flag)) continue;
        const at = sets.get(flag) ?? [];
        if (!at.some((p) => p.join('\u0000') === path.join('\u0000'))) at.push(path);
        sets.set(flag, at);
      }
  }
  return [...sets].map(([flag, [first, ...others]]) =>
    warning(
      flagNeverReadRule,
      first!,
      { flag, places: list([first!, ...others].map(placeOf), 'comma') },
      { flag, node: String(first![1]), ...(others.length ? { alsoAt: others } : {}) },
    ),
  );
}

const placeOf = (p: WarningPath) =>
  p[2] === 'onTimeout' ? `${p[1]}/timeout` : `${p[1]}#${Number(p[3]) + 1}`;
