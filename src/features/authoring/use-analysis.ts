import { useEffect, useRef, useState } from 'react';
import type { AllowResult } from '../../engine/analyze-allow';
import type { Scenario } from '../../engine/model';
import { authoringWorker } from './latest-worker';
import type { Checked } from './use-validation';

/** The design warnings of one exact text, placed in it, with its allow comments applied. */
export interface Analysed {
  text: string;
  result: AllowResult;
}

// The allow comments need the YAML parser: the analysis runs in the workspace's worker, beside the
// validator, and the page's thread loads no parser.
// Where there is no Worker (the component tests' jsdom) or it broke, it runs here, loaded on demand.
// The full `npm run analyze` (endings, per-step walks) stays in the CLI.
const loadAnalyser = () =>
  Promise.all([import('../../engine/analyze-warnings'), import('../../engine/analyze-allow')]);

async function analyseHere(text: string, scenario: Scenario): Promise<AllowResult> {
  const [{ designWarnings }, { applyAllows }] = await loadAnalyser();
  return applyAllows(text, designWarnings(scenario));
}

/** The analysis of one text, or null when a newer request replaced it. */
async function analyse(text: string, scenario: Scenario): Promise<AllowResult | null> {
  const w = authoringWorker();
  if (!w || w.broken) return analyseHere(text, scenario);
  const r = await w.request({ kind: 'analyse', text, scenario });
  if (r === null) return w.broken ? analyseHere(text, scenario) : null;
  if ('failure' in r) throw new Error(r.failure);
  return 'result' in r ? r.result : null;
}

/**
 * Runs the analyser's design warnings (weak answers, unread flags, best-is-longest) on the last
 * text that validated. While a newer text is being analysed the last result stays, marked pending.
 */
export function useAnalysis(
  checked: Checked | null,
  delay = 300,
): { analysed: Analysed | null; pending: boolean } {
  const [analysed, setAnalysed] = useState<Analysed | null>(null);
  const seq = useRef(0);
  const scenario = checked?.scenario ?? null;
  const text = checked?.text ?? '';
  useEffect(() => {
    const mine = ++seq.current;
    if (!scenario) return;
    const timer = setTimeout(() => {
      analyse(text, scenario)
        .then((result) => {
          if (mine !== seq.current || !result) return;
          setAnalysed({ text, result });
        })
        .catch((e: unknown) => console.error('authoring: the analyser could not run', e));
    }, delay);
    return () => clearTimeout(timer);
  }, [scenario, text, delay]);
  if (!scenario) return { analysed: null, pending: false };
  return { analysed, pending: analysed?.text !== text };
}
