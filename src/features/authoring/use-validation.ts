import { useEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';
import { localize } from '../../engine/messages';
import type { Scenario } from '../../engine/model';
import { useLocale } from '../../lib/i18n';
import type { ValidateRequest, ValidateResponse } from './validate.worker';

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
  const { validateFiles } = await loadValidator();
  const [r] = validateFiles([{ path, text }]);
  return { diagnostics: r?.diagnostics ?? [], scenario: r?.scenario ?? null };
}

/** One worker for the workspace; a new request while one runs replaces the worker (latest wins). */
class WorkerValidator {
  private worker: Worker | null = null;
  private pending: { id: number; settle: (v: Verdict | null) => void } | null = null;
  private next = 0;
  broken = false;

  private start(): Worker {
    const w = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ValidateResponse>) => {
      const p = this.pending;
      if (!p || e.data.id !== p.id) return;
      this.pending = null;
      p.settle(
        'failure' in e.data
          ? { diagnostics: [], scenario: null, failure: e.data.failure }
          : { diagnostics: e.data.diagnostics, scenario: e.data.scenario },
      );
    };
    w.onerror = (e) => {
      // The worker could not load or crashed: validate on this thread from now on.
      e.preventDefault();
      this.broken = true;
      this.stop();
    };
    return w;
  }

  private stop() {
    this.worker?.terminate();
    this.worker = null;
    const p = this.pending;
    this.pending = null;
    p?.settle(null);
  }

  /** The verdict, or null when a newer request replaced this one or the worker broke. */
  validate(path: string, text: string): Promise<Verdict | null> {
    // A request still running is stale now: stop it rather than queue behind it.
    if (this.pending) this.stop();
    this.worker ??= this.start();
    const id = ++this.next;
    return new Promise((settle) => {
      this.pending = { id, settle };
      this.worker!.postMessage({ id, path, text } satisfies ValidateRequest);
    });
  }
}

let shared: WorkerValidator | null = null;
const workerValidator = () =>
  typeof Worker === 'undefined' ? null : (shared ??= new WorkerValidator());

async function validateText(path: string, text: string): Promise<Verdict | null> {
  const w = workerValidator();
  if (!w || w.broken) return validateHere(path, text);
  const v = await w.validate(path, text);
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
