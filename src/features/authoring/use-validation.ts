import { useEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';
import type { Scenario } from '../../engine/model';
import { useLocale } from '../../lib/i18n';
import { authoringWorker, type LatestWorker } from './latest-worker';
import { loadCatalogue, localize } from './localizer';

/** The validator's verdict on one exact text. */
export interface Checked {
  text: string;
  fileName: string;
  /** The findings, each `message` in the UI language (rule, key and params as the engine gave them). */
  diagnostics: Diagnostic[];
  /** The normalised scenario when the text has no error. */
  scenario: Scenario | null;
  /** Set when the validator itself could not run (not a finding about the file). */
  failure?: string;
}

type Verdict = Omit<Checked, 'text' | 'fileName'>;

// The validator brings the YAML parser and zod: imported on demand, so only this workspace loads
// them. It runs in a module worker, so a big or hostile file never freezes the tab; where there is
// no Worker (the component tests' jsdom) or the worker cannot start, it runs here instead.
const loadValidator = () => import('../../engine/validate');

async function validateHere(path: string, text: string): Promise<Verdict> {
  // Here the messages come from the catalogue (the worker's verdicts carry their own).
  const [{ validateFiles }] = await Promise.all([loadValidator(), loadCatalogue()]);
  const [r] = validateFiles([{ path, text }]);
  return { diagnostics: r?.diagnostics ?? [], scenario: r?.scenario ?? null };
}

async function inWorker(w: LatestWorker, path: string, text: string): Promise<Verdict | null> {
  const r = await w.request({ kind: 'validate', path, text });
  if (!r) return null;
  if ('failure' in r) return { diagnostics: [], scenario: null, failure: r.failure };
  return 'diagnostics' in r ? { diagnostics: r.diagnostics, scenario: r.scenario } : null;
}

async function validateText(path: string, text: string): Promise<Verdict | null> {
  const w = authoringWorker();
  if (!w || w.broken) return validateHere(path, text);
  const v = await inWorker(w, path, text);
  // The worker broke on this request: answer it here (a replaced request stays unanswered).
  return v === null && w.broken ? validateHere(path, text) : v;
}

/** Re-validates the text (debounced) with the engine; stale answers are dropped. Messages follow the UI language. */
export function useValidation(text: string, fileName: string, delay = 200): Checked | null {
  const [checked, setChecked] = useState<Checked | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      validateText(fileName, text)
        .then((v) => {
          if (mine !== seq.current || v === null) return;
          if (v.failure) console.error('authoring: the validator could not run', v.failure);
          setChecked({ text, fileName, ...v });
        })
        .catch((e: unknown) => {
          if (mine !== seq.current) return;
          console.error('authoring: the validator could not run', e);
          setChecked({ text, fileName, diagnostics: [], scenario: null, failure: String(e) });
        });
    }, delay);
    return () => clearTimeout(timer);
  }, [text, fileName, delay]);
  const locale = useLocale();
  return useMemo(
    () =>
      checked && {
        ...checked,
        diagnostics: checked.diagnostics.map((d) => ({ ...d, message: localize(d, locale) })),
      },
    [checked, locale],
  );
}
