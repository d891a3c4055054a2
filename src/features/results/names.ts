import type { ResultsCsvNames, ResultsCsvWords } from '../../engine/selectors/results-csv';
import type { DrillVersion, Trainee } from '../../engine/selectors/results';
import { TIMEOUT_ID } from '../../engine/model';
import type { Step } from '../../engine/vocabulary';
import type { CompiledScenario } from '../../lib/catalog-types';
import { formatDate } from '../../lib/dates';
import type { Translate, UiLocale } from '../../lib/i18n';
import type { resultsMessages } from './messages';

type R = (key: keyof typeof resultsMessages, vars?: Record<string, string | number>) => string;

/** A trainee as the screen and the CSV name them: the name, or "Unnamed trainee n" (never the device id). */
export const traineeName = (r: R, t: Trainee) =>
  t.name === null
    ? r('unnamed', { n: t.unnamed ?? 0 })
    : t.namesake === null
      ? t.name
      : r('namesake', { name: t.name, n: t.namesake });

/** A date as the UI language writes it; the text itself when it is not a date. */
export function dateText(iso: string, ui: UiLocale): string {
  return Number.isNaN(Date.parse(iso)) ? iso : formatDate(iso, ui);
}

/** "Version 2 of 2 · 1 Nov 2026 to 30 Nov 2026 · the version in this app". */
export function versionLabel(r: R, v: DrillVersion, ui: UiLocale, current: boolean): string {
  const from = dateText(v.from, ui);
  const to = dateText(v.to, ui);
  return [
    r('version', { n: v.index, of: v.of }),
    from === to ? from : r('dates', { from, to }),
    ...(v.edition === 1 ? [r('earlierRule')] : []),
    ...(current ? [r('currentVersion')] : []),
  ].join(' · ');
}

/** The moments in file order (1-based), for "Moment n" labels. */
export function momentNumbers(c: CompiledScenario | null): Map<string, number> {
  return new Map(Object.keys(c?.scenario.nodes ?? {}).map((id, i) => [id, i + 1]));
}

/** Texts of a drill for the screen and the CSV: the scenario's in the UI language, or the ids. */
export function drillNames(
  r: R,
  t: Translate,
  ui: UiLocale,
  c: CompiledScenario | null,
): Pick<ResultsCsvNames, 'trainee' | 'step' | 'moment' | 'answer' | 'date'> {
  const numbers = momentNumbers(c);
  return {
    trainee: (x) => traineeName(r, x),
    step: (s: Step) => t(`step_${s}`),
    moment: (node) => {
      const n = c?.scenario.nodes[node];
      const k = numbers.get(node);
      return n && k ? { label: r('momentN', { n: k }), says: n.say } : { label: node, says: '' };
    },
    answer: (node, choice) => {
      if (choice === TIMEOUT_ID) return r('timeout');
      return c?.scenario.nodes[node]?.choices.find((x) => x.id === choice)?.text ?? choice;
    },
    date: (iso) => dateText(iso, ui),
  };
}

/** The CSV's headers in the UI language. */
export function csvWords(r: R): ResultsCsvWords {
  return {
    drill: r('drill'),
    version: r('versionHeader'),
    trainee: r('trainee'),
    device: r('device'),
    attempts: r('attempts'),
    best: r('best'),
    last: r('last'),
    lastPlayed: r('lastPlayed'),
    weakestStep: r('weakestStep'),
    classAverage: r('classAverage'),
    moment: r('moment'),
    step: r('step'),
    customerSays: r('customerSays'),
    answer: r('answer'),
    points: r('points'),
    trainees: r('trainees'),
    timesChosen: r('timesChosen'),
  };
}
