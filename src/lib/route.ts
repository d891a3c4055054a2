import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'play'; id: string }
  | { name: 'author' }
  | { name: 'pack'; id: string }
  | { name: 'classroom'; view: 'setup' | 'projector' | 'presenter' }
  /** A phone in a class's room: the short code, and the key when it came from the QR code. */
  | { name: 'join'; code: string; key?: string }
  | { name: 'results' }
  | { name: 'settings' }
  | { name: 'notFound'; path: string };

/** Longer ids are no scenario's: the validator's ids are short kebab-case words. */
const MAX_ID = 200;

/**
 * One path segment decoded, or null when it is not a usable id: malformed percent-encoding (`%`,
 * `%E4%B8`), empty, too long, or holding a slash, whitespace or a control character once decoded.
 */
function segment(raw: string): string | null {
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!id || id.length > MAX_ID || /[\s/\\\p{Cc}\p{Cs}]/u.test(id)) return null;
  return id;
}

/**
 * Reads the hash route: `#/` the library, `#/play/<scenario-id>` a scenario, `#/author` the workspace,
 * `#/author/<id>/pack` a facilitator pack, `#/classroom` a class's setup with its `/projector` and
 * `/presenter` windows, `#/results` the trainers' results view, `#/settings` the device's settings (its LRS). Pure and total: any other hash, however malformed, is `notFound`.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const notFound: Route = { name: 'notFound', path };
  if (path === '/') return { name: 'library' };
  const play = /^\/play\/([^/?#]+)\/?$/.exec(path);
  if (play) {
    const id = segment(play[1]!);
    return id === null ? notFound : { name: 'play', id };
  }
  if (/^\/author\/?$/.test(path)) return { name: 'author' };
  if (/^\/results\/?$/.test(path)) return { name: 'results' };
  if (/^\/settings\/?$/.test(path)) return { name: 'settings' };
  // The setup takes a query (`?scenario=…&teams=…&voting=…&lang=…`: a trainer's bookmark).
  const classroom = /^\/classroom(?:\/(projector|presenter))?\/?(?:\?[^#]*)?$/.exec(path);
  if (classroom)
    return {
      name: 'classroom',
      view: (classroom[1] as 'projector' | 'presenter' | undefined) ?? 'setup',
    };
  const join = /^\/join\/([^/?#]+)\/?(?:\?([^#]*))?$/.exec(path);
  if (join) {
    const code = segment(join[1]!)
      ?.toUpperCase()
      .replace(/[\s-]+/g, '');
    if (!code || !/^[23456789A-HJKMNP-Z]{6}$/.test(code)) return notFound;
    const key = new URLSearchParams(join[2] ?? '').get('key');
    return key && /^[A-Za-z0-9_-]{22}$/.test(key)
      ? { name: 'join', code, key }
      : { name: 'join', code };
  }
  const pack = /^\/author\/([^/?#]+)\/pack\/?$/.exec(path);
  if (pack) {
    const id = segment(pack[1]!);
    return id === null ? notFound : { name: 'pack', id };
  }
  return notFound;
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The current hash, re-read on every `hashchange`. */
export function useHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
}

export function useRoute(): Route {
  return parseRoute(useHash());
}

export const href = {
  library: '#/',
  play: (id: string) => `#/play/${encodeURIComponent(id)}`,
  author: '#/author',
  pack: (id: string) => `#/author/${encodeURIComponent(id)}/pack`,
  classroom: '#/classroom',
  projector: '#/classroom/projector',
  presenter: '#/classroom/presenter',
  join: (code: string) => `#/join/${code}`,
  results: '#/results',
  settings: '#/settings',
};
