import { useCallback, useEffect, useRef, useState } from 'react';
import { isoTimestamp } from '../../lib/dates';
import { readRaw, removeRaw, setAside } from '../../lib/safe-storage';
import { byRecent, loadDrafts, saveDraft } from './draft-collection';
import { openDraftBackend, type DraftBackend } from './draft-db';
import { LEGACY_DRAFT_KEY, isEdited, newDraft, type Draft } from './draft-storage';

const SAVE_DELAY = 300;

export interface Drafts {
  /** Every draft kept on this device, the most recently saved first. */
  drafts: Draft[];
  active: Draft;
  /** Changes the open draft (saved shortly after, and at once when the page goes away). */
  update: (patch: Partial<Pick<Draft, 'text' | 'fileName'>>) => void;
  /** Opens a new draft of a text; the one open before is kept, unless it was never edited. */
  open: (fileName: string, text: string) => { replaced: Draft; kept: boolean };
  switchTo: (id: string) => void;
  remove: (id: string) => void;
}

type State = { backend: DraftBackend; drafts: Draft[]; activeId: string };

let inflight: Promise<{ backend: DraftBackend; drafts: Draft[] }> | null = null;

/** Reads the collection (and moves the release before's draft in); one read at a time per page. */
function readCollection(label: string) {
  inflight ??= (async () => {
    const backend = await openDraftBackend();
    const loaded = await loadDrafts(backend, readRaw(LEGACY_DRAFT_KEY), (key, raw, reason) =>
      key === 'legacy'
        ? setAside(LEGACY_DRAFT_KEY, raw, label, reason)
        : setAside(`mot:${key}`, raw, label, reason, { keep: true }),
    );
    // The old key goes only once its draft is in the collection (or set aside, which removed it).
    if (loaded.legacyDone && backend.persistent && readRaw(LEGACY_DRAFT_KEY) !== null)
      removeRaw(LEGACY_DRAFT_KEY);
    return { backend, drafts: loaded.drafts };
  })().finally(() => {
    inflight = null;
  });
  return inflight;
}

/**
 * The workspace's drafts, kept in a collection on this device (IndexedDB); the release before's single
 * draft is moved in on first load. Null until the collection is read.
 */
export function useDrafts(template: () => { fileName: string; text: string }, label: string) {
  const [state, setState] = useState<State | null>(null);
  // Every change goes through `latest` first, so handlers called in a row see each other's changes.
  const latest = useRef<State | null>(null);
  const dirty = useRef<Set<string>>(new Set());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const init = useRef({ template, label });

  useEffect(() => {
    let live = true;
    void (async () => {
      const loaded = await readCollection(init.current.label);
      const { backend } = loaded;
      if (!live) return;
      const tpl = init.current.template();
      const first = loaded.drafts[0] ?? newDraft(tpl.fileName, tpl.text, isoTimestamp());
      const ready: State = {
        backend,
        drafts: loaded.drafts.length ? loaded.drafts : [first],
        activeId: first.id,
      };
      latest.current = ready;
      setState(ready);
    })();
    return () => {
      live = false;
    };
  }, []);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const s = latest.current;
    if (!s) return;
    for (const id of dirty.current) {
      const d = s.drafts.find((x) => x.id === id);
      if (d) void saveDraft(s.backend, d).catch(() => {});
    }
    dirty.current.clear();
  }, []);

  const markDirty = useCallback(
    (id: string, now = false) => {
      dirty.current.add(id);
      clearTimeout(timer.current);
      if (now) queueMicrotask(flush);
      else timer.current = setTimeout(flush, SAVE_DELAY);
    },
    [flush],
  );

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  if (!state) return null;
  const active = state.drafts.find((d) => d.id === state.activeId) ?? state.drafts[0]!;

  const change = (next: State) => {
    latest.current = next;
    setState(next);
  };

  const drafts: Drafts = {
    drafts: byRecent(state.drafts),
    active,
    update: (patch) => {
      const s = latest.current!;
      const id = s.activeId;
      change({
        ...s,
        drafts: s.drafts.map((d) =>
          d.id === id ? { ...d, ...patch, savedAt: isoTimestamp() } : d,
        ),
      });
      markDirty(id);
    },
    open: (fileName, text) => {
      flush();
      const s = latest.current!;
      const replaced = s.drafts.find((d) => d.id === s.activeId)!;
      const kept = isEdited(replaced);
      // A template or file never typed into is nothing to lose: it goes, the rest stays listed.
      if (!kept) void s.backend.remove(replaced.id).catch(() => {});
      const next = newDraft(fileName, text, isoTimestamp());
      change({
        ...s,
        drafts: [next, ...s.drafts.filter((d) => d !== replaced || kept)],
        activeId: next.id,
      });
      markDirty(next.id, true);
      return { replaced, kept };
    },
    switchTo: (id) => {
      flush();
      const s = latest.current!;
      // Opened again, it is the most recent: the one a reload brings back.
      change({
        ...s,
        drafts: s.drafts.map((d) => (d.id === id ? { ...d, savedAt: isoTimestamp() } : d)),
        activeId: id,
      });
      markDirty(id, true);
    },
    remove: (id) => {
      const s = latest.current!;
      if (id === s.activeId) return;
      void s.backend.remove(id).catch(() => {});
      dirty.current.delete(id);
      change({ ...s, drafts: s.drafts.filter((d) => d.id !== id) });
    },
  };
  return drafts;
}
