import type { CmiWrite, ScormVersion } from '../../engine/lms';

// The LMS's SCORM API, found the standard way (ADL's algorithm: up the frames' parents, then the opener
// and its parents) and wrapped thinly: every call's error code is checked, and a failed write is logged
// with the LMS's own diagnostic, never thrown into the run.

interface Api12 {
  LMSInitialize(p: ''): string;
  LMSFinish(p: ''): string;
  LMSGetValue(e: string): string;
  LMSSetValue(e: string, v: string): string;
  LMSCommit(p: ''): string;
  LMSGetLastError(): string;
  LMSGetDiagnostic(code: string): string;
}

interface Api2004 {
  Initialize(p: ''): string;
  Terminate(p: ''): string;
  GetValue(e: string): string;
  SetValue(e: string, v: string): string;
  Commit(p: ''): string;
  GetLastError(): string;
  GetDiagnostic(code: string): string;
}

/** The API a package talks to, the same for both editions. */
export interface ScormApi {
  readonly version: ScormVersion;
  initialize(): boolean;
  /** The element's value, or '' when it has none or the LMS refused the read. */
  get(element: string): string;
  set(element: string, value: string): boolean;
  /** Applies writes in order; true when every one was accepted. */
  setAll(writes: readonly CmiWrite[]): boolean;
  commit(): boolean;
  /** Finish (1.2) or Terminate (2004); once only. */
  terminate(): boolean;
  readonly terminated: boolean;
}

/** How far up a frame chain the search goes (ADL's reference code uses 7 for 1.2, 500 for 2004). */
const MAX_HOPS = 7;

/** The object named `name` on `win` or one of its parents, or null (a cross-origin frame ends the search). */
function findUp(win: Window | null, name: string): unknown {
  for (let hops = 0; win && hops <= MAX_HOPS; hops++) {
    try {
      const api = (win as unknown as Record<string, unknown>)[name];
      if (api) return api;
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    } catch {
      return null;
    }
  }
  return null;
}

function findFrom(win: Window, name: string): unknown {
  const here = findUp(win, name);
  if (here) return here;
  try {
    return win.opener ? findUp(win.opener as Window, name) : null;
  } catch {
    return null;
  }
}

/** The LMS's API for this window: 2004 (`API_1484_11`) when there is one, else 1.2 (`API`), else null. */
export function findScormApi(win: Window = window): ScormApi | null {
  const a2004 = findFrom(win, 'API_1484_11') as Api2004 | null;
  if (a2004 && typeof a2004.Initialize === 'function') return wrap2004(a2004);
  const a12 = findFrom(win, 'API') as Api12 | null;
  if (a12 && typeof a12.LMSInitialize === 'function') return wrap12(a12);
  return null;
}

interface Raw {
  init(): string;
  finish(): string;
  get(e: string): string;
  set(e: string, v: string): string;
  commit(): string;
  error(): string;
  diagnostic(code: string): string;
}

function wrap(version: ScormVersion, raw: Raw): ScormApi {
  let terminated = false;
  let initialized = false;
  const ok = (what: string, result: string, quiet: readonly string[] = []) => {
    const code = String(raw.error() ?? '0');
    if (String(result) === 'true' && code === '0') return true;
    if (!quiet.includes(code))
      console.warn(`SCORM ${version} ${what}: error ${code} ${raw.diagnostic(code) ?? ''}`.trim());
    return false;
  };
  const api: ScormApi = {
    version,
    get terminated() {
      return terminated;
    },
    initialize() {
      initialized = ok('Initialize', raw.init());
      return initialized;
    },
    get(element) {
      if (!initialized || terminated) return '';
      const value = String(raw.get(element) ?? '');
      const code = String(raw.error() ?? '0');
      // 403 (2004): an element the LMS has no value for yet. 401/404: not implemented, write-only.
      if (code !== '0' && !['403', '401', '404'].includes(code))
        console.warn(`SCORM ${version} GetValue(${element}): error ${code}`);
      return code === '0' ? value : '';
    },
    set(element, value) {
      if (!initialized || terminated) return false;
      return ok(`SetValue(${element}, ${JSON.stringify(value)})`, raw.set(element, value));
    },
    setAll(writes) {
      let all = true;
      for (const [e, v] of writes) all = api.set(e, v) && all;
      return all;
    },
    commit() {
      if (!initialized || terminated) return false;
      return ok('Commit', raw.commit());
    },
    terminate() {
      if (!initialized || terminated) return false;
      terminated = true;
      return ok(version === '1.2' ? 'LMSFinish' : 'Terminate', raw.finish());
    },
  };
  return api;
}

const wrap12 = (a: Api12) =>
  wrap('1.2', {
    init: () => a.LMSInitialize(''),
    finish: () => a.LMSFinish(''),
    get: (e) => a.LMSGetValue(e),
    set: (e, v) => a.LMSSetValue(e, v),
    commit: () => a.LMSCommit(''),
    error: () => a.LMSGetLastError(),
    diagnostic: (c) => a.LMSGetDiagnostic(c),
  });

const wrap2004 = (a: Api2004) =>
  wrap('2004', {
    init: () => a.Initialize(''),
    finish: () => a.Terminate(''),
    get: (e) => a.GetValue(e),
    set: (e, v) => a.SetValue(e, v),
    commit: () => a.Commit(''),
    error: () => a.GetLastError(),
    diagnostic: (c) => a.GetDiagnostic(c),
  });
