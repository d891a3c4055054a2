// The authoring workspace's validator, off the main thread: typing never waits for a big file.
// One request at a time: { id, path, text } in, { id, diagnostics, scenario } (or { id, failure }) out.
import type { Diagnostic } from '../../engine/diagnostics';
import type { Scenario } from '../../engine/model';
// A worker entry, loaded only by `new Worker(…)` from the authoring workspace: never part of the
// trainee's bundle, so the validator is imported here statically (the worker is its own chunk).
// eslint-disable-next-line no-restricted-imports
import { validateFiles } from '../../engine/validate';

export interface ValidateRequest {
  id: number;
  path: string;
  text: string;
}
export type ValidateResponse =
  | { id: number; diagnostics: Diagnostic[]; scenario: Scenario | null }
  | { id: number; failure: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ValidateRequest>) => void) | null;
  postMessage(message: ValidateResponse): void;
};

scope.onmessage = (e) => {
  const { id, path, text } = e.data;
  try {
    const [r] = validateFiles([{ path, text }]);
    scope.postMessage({ id, diagnostics: r?.diagnostics ?? [], scenario: r?.scenario ?? null });
  } catch (err) {
    scope.postMessage({ id, failure: String(err) });
  }
};
