import { useEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';
import { localize } from '../../engine/messages';
import type { Scenario } from '../../engine/model';
import { useLocale } from '../../lib/i18n';

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

// The validator brings the YAML parser and zod: imported on demand, so only this workspace loads them.
const loadValidator = () => import('../../engine/validate');

/** Re-validates the text (debounced) with the engine; stale answers are dropped. Messages follow the UI language. */
export function useValidation(text: string, fileName: string, delay = 200): Checked | null {
  const [checked, setChecked] = useState<Checked | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      loadValidator()
        .then(({ validateFiles }) => {
          if (mine !== seq.current) return;
          const [r] = validateFiles([{ path: fileName, text }]);
          setChecked({
            text,
            fileName,
            diagnostics: r?.diagnostics ?? [],
            scenario: r?.scenario ?? null,
          });
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
