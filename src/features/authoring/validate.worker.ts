// The authoring workspace's validator and design analysis, off the main thread: typing never waits
// for a big file, and the YAML parser and zod load here only (the page's thread never needs them).
// One request at a time: { id, kind: 'validate', path, text } in, { id, diagnostics, scenario } out;
// { id, kind: 'analyse', text, scenario } in, { id, result } out; { id, failure } when it threw.
import type { AllowResult } from '../../engine/analyze-allow';
import type { Diagnostic } from '../../engine/diagnostics';
import type { Scenario } from '../../engine/model';
// A worker entry, loaded only by `new Worker(…)` from the authoring workspace: never part of the
// trainee's bundle, so the validator and the analyser are imported here statically (the worker is
// its own chunk).
// eslint-disable-next-line no-restricted-imports
import { validateFiles } from '../../engine/validate';
import { designWarnings } from '../../engine/analyze-warnings';
import { applyAllows } from '../../engine/analyze-allow';

/** One job for the worker. */
export type AuthoringJob =
  | { kind: 'validate'; path: string; text: string }
  | { kind: 'analyse'; text: string; scenario: Scenario };
export type ValidateRequest = AuthoringJob & { id: number };
export type ValidateResponse =
  | { id: number; diagnostics: Diagnostic[]; scenario: Scenario | null }
  | { id: number; result: AllowResult }
  | { id: number; failure: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ValidateRequest>) => void) | null;
  postMessage(message: ValidateResponse): void;
};

scope.onmessage = (e) => {
  const req = e.data;
  const { id } = req;
  try {
    if (req.kind === 'analyse') {
      scope.postMessage({ id, result: applyAllows(req.text, designWarnings(req.scenario)) });
      return;
    }
    const [r] = validateFiles([{ path: req.path, text: req.text }]);
    scope.postMessage({ id, diagnostics: r?.diagnostics ?? [], scenario: r?.scenario ?? null });
  } catch (err) {
    scope.postMessage({ id, failure: String(err) });
  }
};
