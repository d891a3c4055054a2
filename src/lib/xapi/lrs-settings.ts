import { loadStored, saveStored, type StoredKey, type StoredSpec } from '../stored';
import { writeRaw } from '../safe-storage';
import { LRS_KEY } from './reporting-wanted';

/**
 * Where this device sends its statements: an LRS endpoint and its Basic-auth key and secret. Kept on
 * this device only (localStorage `mot:lrs`), typed in the settings screen: never in the build, which
 * anyone who opens the app can read.
 */
export interface LrsSettings {
  endpoint: string;
  username: string;
  secret: string;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 2000;

/** `mot:lrs`. 1: endpoint, username, secret. */
export const lrsSpec: StoredSpec<LrsSettings> = {
  version: 1,
  migrate: {},
  validate: (state) => {
    const s = state as Partial<LrsSettings> | null;
    if (
      !s ||
      typeof s !== 'object' ||
      !isText(s.endpoint) ||
      !isText(s.username) ||
      !isText(s.secret)
    )
      return null;
    return { value: { endpoint: s.endpoint, username: s.username, secret: s.secret } };
  },
};

const KEY: StoredKey<LrsSettings> = { key: LRS_KEY, label: 'LRS settings', spec: lrsSpec };

/** The endpoint as the xAPI client wants it: trimmed, ending in "/". */
export function normalEndpoint(raw: string): string {
  const t = raw.trim();
  return t && !t.endsWith('/') ? `${t}/` : t;
}

/** Whether an endpoint is an http(s) URL without credentials in it. */
export function isEndpoint(raw: string): boolean {
  try {
    const u = new URL(raw.trim());
    return /^https?:$/.test(u.protocol) && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** The device's LRS settings, or null when none are set (then nothing is sent anywhere). */
export function loadLrsSettings(): LrsSettings | null {
  const s = loadStored(KEY);
  return s && isEndpoint(s.endpoint) ? s : null;
}

export function saveLrsSettings(s: LrsSettings): boolean {
  return saveStored(KEY, { ...s, endpoint: normalEndpoint(s.endpoint) });
}

export function clearLrsSettings(): void {
  writeRaw(KEY.key, null);
}
