// Whether the page's Content-Security-Policy lets it reach a URL: the build's `connect-src` (see
// src/build/csp.ts, VITE_CONNECT_SRC) decides which LRS a build can talk to, whatever the settings say.

/** The `connect-src` sources of a policy (falling back to `default-src`), or null when neither is set. */
export function connectSources(policy: string): string[] | null {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!.toLowerCase(), d.slice(1)] as const),
  );
  return directives.get('connect-src') ?? directives.get('default-src') ?? null;
}

const DEFAULT_PORT: Record<string, string> = {
  'http:': '80',
  'https:': '443',
  'ws:': '80',
  'wss:': '443',
};
const portOf = (u: URL) => u.port || DEFAULT_PORT[u.protocol] || '';

/** Whether one CSP source (CSP 3 host- and scheme-source matching, plus 'self') matches `url`. */
function matches(source: string, url: URL, self: URL): boolean {
  const s = source.toLowerCase();
  if (s === "'self'")
    return (
      url.origin === self.origin || (url.host === self.host && /^(wss?|https):$/.test(url.protocol))
    );
  if (s === '*') return /^(https?|wss?):$/.test(url.protocol) || url.protocol === self.protocol;
  if (/^[a-z][a-z0-9+.-]*:$/.test(s))
    return (
      url.protocol === s ||
      (s === 'http:' && url.protocol === 'https:') ||
      (s === 'ws:' && url.protocol === 'wss:')
    );
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^:/]+|\[[^\]]+\])(?::(\d+|\*))?(\/.*)?$/.exec(
    s,
  );
  if (!m) return false;
  const [, scheme, wild, host, port, path] = m;
  if (scheme) {
    const sc = `${scheme}:`;
    const ok =
      url.protocol === sc ||
      (sc === 'http:' && url.protocol === 'https:') ||
      (sc === 'ws:' && url.protocol === 'wss:');
    if (!ok) return false;
  } else if (!(
    url.protocol === self.protocol ||
    (self.protocol === 'http:' && url.protocol === 'https:')
  ))
    return false;
  const h = url.hostname.toLowerCase();
  if (wild ? !h.endsWith(`.${host}`) : host !== '*' && h !== host) return false;
  if (port !== '*') {
    const want = port ?? DEFAULT_PORT[scheme ? `${scheme}:` : url.protocol] ?? '';
    // A source on http's default port also allows https's (CSP 3's upgrade rule).
    const got = portOf(url);
    if (got !== want && !(want === '80' && got === '443' && url.protocol === 'https:'))
      return false;
  }
  if (path && path !== '/') {
    const p = decodeURIComponent(url.pathname);
    return path.endsWith('/') ? p.startsWith(path) : p === path;
  }
  return true;
}

export type CspVerdict = 'allowed' | 'blocked' | 'no-policy';

/** Whether a policy's connect-src lets a page at `self` fetch `target`. */
export function connectVerdict(policy: string | null, target: string, self: string): CspVerdict {
  if (policy === null) return 'no-policy';
  const sources = connectSources(policy);
  if (sources === null) return 'no-policy';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'blocked';
  }
  const here = new URL(self);
  return sources.some((s) => matches(s, url, here)) ? 'allowed' : 'blocked';
}

/** The policy of this page (its `<meta http-equiv>`), or null when it has none (the dev server). */
export function pagePolicy(): string | null {
  if (typeof document === 'undefined') return null;
  return (
    document
      .querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]')
      ?.getAttribute('content') ?? null
  );
}
