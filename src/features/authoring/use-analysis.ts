import { useEffect, useRef, useState } from 'react';
import type { AllowResult } from '../../engine/analyze-allow';
import type { Checked } from './use-validation';

/** The design warnings of one exact text, placed in it, with its allow comments applied. */
export interface Analysed {
  text: string;
  result: AllowResult;
}

// The allow comments need the YAML parser: loaded on demand, like the validator, so only this
// workspace brings them in. The full `npm run analyze` (endings, per-step walks) stays in the CLI.
const loadAnalyser = () =>
  Promise.all([import('../../engine/analyze-warnings'), import('../../engine/analyze-allow')]);

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
      loadAnalyser()
        .then(([{ designWarnings }, { applyAllows }]) => {
          if (mine !== seq.current) return;
          setAnalysed({ text, result: applyAllows(text, designWarnings(scenario)) });
        })
        .catch((e: unknown) => console.error('authoring: the analyser could not run', e));
    }, delay);
    return () => clearTimeout(timer);
  }, [scenario, text, delay]);
  if (!scenario) return { analysed: null, pending: false };
  return { analysed, pending: analysed?.text !== text };
}
