// The few IndexedDB steps the app's stores share (drafts, the xAPI queue), as promises.

/** A request's result, or its error. */
export function idbRequest<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens database `name` at `version`; `upgrade` creates what is missing. Rejects when blocked or refused. */
export function openIdb(
  factory: IDBFactory,
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name, version);
    open.onupgradeneeded = () => upgrade(open.result);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not open'));
    open.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** A write transaction's end: resolves once it is committed. */
export function idbDone(t: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    t.oncomplete = () => resolve();
    t.onerror = () => reject(t.error ?? new Error('IndexedDB write failed'));
    t.onabort = () => reject(t.error ?? new Error('IndexedDB write aborted'));
  });
}
