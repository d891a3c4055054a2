import { readStored, writeStored, type SetAsideReason } from '../../lib/stored';
import type { DraftBackend } from './draft-db';
import { draftSpec, type Draft } from './draft-storage';

/** How the collection moves what it cannot read out of the way; false when the copy failed. */
export type SetAsideFn = (key: string, raw: string, reason: SetAsideReason) => boolean;

export interface LoadedDrafts {
  /** Every readable draft, the most recently saved first. */
  drafts: Draft[];
  /** The release before's draft was read (moved in, or set aside): its localStorage key may go. */
  legacyDone: boolean;
}

const time = (d: Draft) => Date.parse(d.savedAt) || 0;

/** Most recently saved first; the order a reload opens them in. */
export function byRecent(drafts: readonly Draft[]): Draft[] {
  return [...drafts].sort((a, b) => time(b) - time(a) || a.id.localeCompare(b.id));
}

/**
 * Reads the collection: records it cannot read (a newer release's, the wrong shape) are copied aside
 * and only then removed, never overwritten; the release before's single draft (`legacyRaw`, from
 * localStorage) is migrated in once, written to the collection before its old key may be removed.
 */
export async function loadDrafts(
  backend: DraftBackend,
  legacyRaw: string | null,
  setAside: SetAsideFn,
): Promise<LoadedDrafts> {
  const drafts: Draft[] = [];
  for (const [id, raw] of await backend.getAll()) {
    const read = readStored(raw, draftSpec);
    if (read.kind === 'ok') {
      drafts.push({ ...read.value, id });
      if (read.migratedFrom !== undefined || read.rejected)
        await backend.put(id, writeStored({ ...read.value, id }, draftSpec));
    } else if (read.kind === 'set-aside' && setAside(`drafts/${id}`, raw, read.reason)) {
      await backend.remove(id);
    }
  }
  let legacyDone = false;
  if (legacyRaw !== null) {
    const read = readStored(legacyRaw, draftSpec);
    if (read.kind === 'ok') {
      if (!drafts.some((d) => d.id === read.value.id)) {
        await backend.put(read.value.id, writeStored(read.value, draftSpec));
        drafts.push(read.value);
      }
      legacyDone = true;
    } else if (read.kind === 'set-aside') {
      legacyDone = setAside('legacy', legacyRaw, read.reason);
    }
  }
  return { drafts: byRecent(drafts), legacyDone };
}

export function saveDraft(backend: DraftBackend, draft: Draft): Promise<void> {
  return backend.put(draft.id, writeStored(draft, draftSpec));
}
