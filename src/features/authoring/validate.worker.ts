// The authoring workspace's validator and design analysis, off the main thread: typing never waits
// for a big file, and the YAML parser and zod load here only (the page's thread never needs them).
// One request at a time: { id, kind: 'validate', path, text } in, { id, diagnostics, scenario } out;
// { id, kind: 'analyse', text, scenario } in, { id, result } out; { id, failure } when it threw.
// Each finding comes with its message in the three UI languages (`texts`): the page needs no catalogue.
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
import { localize, MESSAGE_LANGS, type Localizable } from '../../engine/messages';
import type { FindingTexts } from './localizer';

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

/** A finding with its message in the three UI languages (`as`: how the workspace names it). */
const withTexts = <T extends object>(finding: T, as: Localizable): T & { texts: FindingTexts } => ({
  ...finding,
  texts: Object.fromEntries(MESSAGE_LANGS.map((l) => [l, localize(as, l)])) as Record<
    (typeof MESSAGE_LANGS)[number],
    string
  >,
});

function analysed(text: string, scenario: Scenario): AllowResult {
  const r = applyAllows(text, designWarnings(scenario));
  return {
    warnings: r.warnings.map((w) => withTexts(w, w)),
    problems: r.problems.map((p) => withTexts(p, { ...p, rule: 'analyze-allow', key: p.kind })),
  };
}

scope.onmessage = (e) => {
  const req = e.data;
  const { id } = req;
  try {
    if (req.kind === 'analyse') {
      scope.postMessage({ id, result: analysed(req.text, req.scenario) });
      return;
    }
    const [r] = validateFiles([{ path: req.path, text: req.text }]);
    const diagnostics = (r?.diagnostics ?? []).map((d) => withTexts(d, d));
    scope.postMessage({ id, diagnostics, scenario: r?.scenario ?? null });
  } catch (err) {
    scope.postMessage({ id, failure: String(err) });
  }
};
