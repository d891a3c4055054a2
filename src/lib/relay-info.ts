// Whether this page's server is the classroom relay (`npm run classroom`), and where phones reach it.
// Apart from relay-client.ts so the classroom setup, which only asks this, loads none of the client.

export interface RelayInfo {
  /** Where phones open the app: `http://<LAN address>:<port>`. */
  joinBase: string;
}

let info: Promise<RelayInfo | null> | null = null;

/**
 * `GET /relay-info` of this page's server: the phones' base address, or null where there is no relay
 * (`npm start`, a static host): then the classroom offers keys only.
 */
export function relayInfo(): Promise<RelayInfo | null> {
  // With no network at all no relay can answer (and the failed request would only be noise): asked
  // again once the page is back online.
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return Promise.resolve(null);
  info ??= fetch('/relay-info', { cache: 'no-store' })
    .then(async (r) => {
      if (!r.ok || !(r.headers.get('content-type') ?? '').includes('json')) return null;
      const body = (await r.json()) as Partial<RelayInfo> | null;
      return body && typeof body.joinBase === 'string' && /^https?:\/\//.test(body.joinBase)
        ? { joinBase: body.joinBase }
        : null;
    })
    .catch(() => null)
    .then((x) => {
      if (!x) info = null;
      return x;
    });
  return info;
}
