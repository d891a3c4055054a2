import type { StoredSpec } from '../../lib/stored';
import { textKey } from './text-key';

/**
 * One draft of the workspace: a file as typed, kept on this device. Drafts form a collection, one
 * record per file opened or started (IndexedDB, see draft-db.ts), so replacing the open one never
 * drops it (issue 11 opens several at once).
 */
export interface Draft {
  id: string;
  fileName: string;
  text: string;
  /** `textKey` of the text the draft began with (a template, a file): unchanged means nothing to lose; '' unknown. */
  base: string;
  createdAt: string;
  savedAt: string;
}

/** Where the release before kept its one draft (localStorage, `{ version: 1, fileName, text, savedAt }`). */
export const LEGACY_DRAFT_KEY = 'mot:draft';

/** The id the release before's draft gets in the collection (one such draft ever existed per device). */
export const LEGACY_DRAFT_ID = 'draft-from-release-1';

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/**
 * Version 1: the release before's flat draft (no envelope, no id). Version 2: a record of the
 * collection. Repairs what it can: a draft keeps its text whatever else is missing.
 */
export const draftSpec: StoredSpec<Draft> = {
  version: 2,
  migrate: {
    1: (state) => {
      const d = state as { fileName: string; text: string; savedAt?: unknown };
      const at = str(d.savedAt, '');
      return {
        id: LEGACY_DRAFT_ID,
        fileName: d.fileName,
        text: d.text,
        base: '',
        createdAt: at,
        savedAt: at,
      };
    },
  },
  validate: (state) => {
    if (!isObject(state) || typeof state.text !== 'string') return null;
    if (typeof state.id !== 'string' || state.id === '') return null;
    return {
      value: {
        id: state.id,
        fileName: str(state.fileName, 'scenario.yaml'),
        text: state.text,
        base: str(state.base, ''),
        createdAt: str(state.createdAt, ''),
        savedAt: str(state.savedAt, ''),
      },
    };
  },
  legacy: (doc) =>
    isObject(doc) && doc.version === 1 && typeof doc.text === 'string'
      ? {
          version: 1,
          state: {
            fileName: str(doc.fileName, 'scenario.yaml'),
            text: doc.text,
            savedAt: doc.savedAt,
          },
        }
      : null,
};

/** A new draft of a text that begins now (its `base` is the text itself: not edited yet). */
export function newDraft(fileName: string, text: string, now: string, id = newDraftId()): Draft {
  return { id, fileName, text, base: textKey(text), createdAt: now, savedAt: now };
}

export function newDraftId(): string {
  const rand =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `draft-${rand}`;
}

/** True when the draft holds work of its own: typed into, or of unknown origin (the release before's). */
export function isEdited(d: Draft): boolean {
  return d.base === '' || textKey(d.text) !== d.base;
}
