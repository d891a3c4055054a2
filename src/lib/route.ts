import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'play'; id: string }
  | { name: 'author' }
  | { name: 'pack'; id: string }
  | { name: 'classroom'; view: 'setup' | 'projector' | 'presenter' }
  | { name: 'unknown'; path: string };

/**
 * Reads the hash route: `#/` the library, `#/play/<scenario-id>` a scenario, `#/author` the workspace,
 * `#/author/<id>/pack` a facilitator pack, `#/classroom` a class's setup with its `/projector` and
 * `/presenter` windows.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'library' };
  const play = /^\/play\/([^/?#]+)\/?$/.exec(path);
  if (play) return { name: 'play', id: decodeURIComponent(play[1]!) };
  if (/^\/author\/?$/.test(path)) return { name: 'author' };
  const classroom = /^\/classroom(?:\/(projector|presenter))?\/?$/.exec(path);
  if (classroom)
    return {
      name: 'classroom',
      view: (classroom[1] as 'projector' | 'presenter' | undefined) ?? 'setup',
    };
  const pack = /^\/author\/([^/?#]+)\/pack\/?$/.exec(path);
  if (pack) return { name: 'pack', id: decodeURIComponent(pack[1]!) };
  return { name: 'unknown', path };
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return parseRoute(hash);
}

export const href = {
  library: '#/',
  play: (id: string) => `#/play/${encodeURIComponent(id)}`,
  author: '#/author',
  pack: (id: string) => `#/author/${encodeURIComponent(id)}/pack`,
  classroom: '#/classroom',
  projector: '#/classroom/projector',
  presenter: '#/classroom/presenter',
};
