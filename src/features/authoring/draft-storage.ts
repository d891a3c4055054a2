import { isoTimestamp } from '../../lib/dates';
import { readRaw, setAside, writeRaw } from '../../lib/safe-storage';

/** The one draft the workspace keeps on this device: the text as typed and its file name. */
export interface Draft {
  fileName: string;
  text: string;
}

export const DRAFT_KEY = 'mot:draft';

function isDraft(v: unknown): v is Draft & { version: number } {
  if (!v || typeof v !== 'object') return false;
  const d = v as Record<string, unknown>;
  return d.version === 1 && typeof d.fileName === 'string' && typeof d.text === 'string';
}

/** The saved draft, or the raw value when it cannot be read (to set aside, outside render). */
export function readDraft(): { draft: Draft | null; corrupt: string | null } {
  const raw = readRaw(DRAFT_KEY);
  if (raw === null) return { draft: null, corrupt: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isDraft(parsed))
      return { draft: { fileName: parsed.fileName, text: parsed.text }, corrupt: null };
  } catch {
    // fall through
  }
  return { draft: null, corrupt: raw };
}

/** Moves an unreadable draft out of the way (kept under mot:set-aside:, with a notice), never throws. */
export function setAsideDraft(raw: string, label: string): void {
  if (readRaw(DRAFT_KEY) === raw) setAside(DRAFT_KEY, raw, label);
}

export function saveDraft(draft: Draft): void {
  writeRaw(DRAFT_KEY, JSON.stringify({ version: 1, ...draft, savedAt: isoTimestamp() }));
}
