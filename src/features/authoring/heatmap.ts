/** How often trainees took each move and reached each ending, from exported attempt files. */
export interface Heat {
  attempts: number;
  files: number;
  /** `${node}:${choiceId}` (or `${node}:timeout`) → times taken. */
  moves: Record<string, number>;
  endings: Record<string, number>;
  /** Files or entries that could not be read, by name. */
  skipped: string[];
}

interface AttemptLike {
  scenarioId?: unknown;
  ending?: unknown;
  decisions?: unknown;
}

/** Adds up the attempts of one scenario from the JSON the library exports (one file per device). */
export function heatFromFiles(
  files: ReadonlyArray<{ name: string; text: string }>,
  scenarioId: string,
): Heat {
  const heat: Heat = { attempts: 0, files: 0, moves: {}, endings: {}, skipped: [] };
  for (const file of files) {
    let attempts: unknown;
    try {
      const data = JSON.parse(file.text) as { attempts?: unknown } | unknown[];
      attempts = Array.isArray(data) ? data : (data as { attempts?: unknown }).attempts;
    } catch {
      heat.skipped.push(file.name);
      continue;
    }
    if (!Array.isArray(attempts)) {
      heat.skipped.push(file.name);
      continue;
    }
    heat.files++;
    for (const a of attempts as AttemptLike[]) {
      if (!a || a.scenarioId !== scenarioId || !Array.isArray(a.decisions)) continue;
      heat.attempts++;
      if (typeof a.ending === 'string') heat.endings[a.ending] = (heat.endings[a.ending] ?? 0) + 1;
      for (const d of a.decisions as Array<{ node?: unknown; choice?: unknown }>) {
        if (typeof d?.node !== 'string' || typeof d.choice !== 'string') continue;
        const key = `${d.node}:${d.choice}`;
        heat.moves[key] = (heat.moves[key] ?? 0) + 1;
      }
    }
  }
  return heat;
}
