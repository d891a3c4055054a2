import { useEffect } from 'react';
import { ActionNotice } from '../components/ActionNotice';
import { useT } from '../lib/i18n';
import { downloadHistory, MAX_ATTEMPTS, trimHistory, useHistory } from '../lib/history-store';
import { countSetAside, downloadSetAside, useStorageHealth } from '../lib/safe-storage';

/**
 * What the trainee must know about this device's storage, each with the button that keeps their data:
 * progress that cannot be saved (storage full or blocked: "Export now"), set-aside copies beyond the cap,
 * a history past the attempts kept. None is dismissed: each goes when its cause does.
 */
export function StorageNotice() {
  const t = useT();
  const unsaved = useStorageHealth((s) => s.unavailable || Object.keys(s.pending).length > 0);
  const overCap = useStorageHealth((s) => s.overCap);
  const attempts = useHistory((s) => s.attempts.length);
  useEffect(countSetAside, []);
  if (!unsaved && !overCap && attempts <= MAX_ATTEMPTS) return null;
  return (
    <div className="notices">
      {unsaved && (
        <ActionNotice
          notice="storageUnsaved"
          role="alert"
          action="export-now"
          label={t('exportNow')}
          onAction={downloadHistory}
        >
          {t('storageUnsaved')}
        </ActionNotice>
      )}
      {overCap > 0 && (
        <ActionNotice
          notice="setAsideFull"
          role="status"
          action="download-set-aside"
          label={t('downloadSetAside')}
          onAction={downloadSetAside}
        >
          {t('setAsideFull', { count: overCap })}
        </ActionNotice>
      )}
      {attempts > MAX_ATTEMPTS && (
        <ActionNotice
          notice="historyFull"
          role="status"
          action="export-and-trim"
          label={t('exportAndTrim')}
          onAction={trimHistory}
        >
          {t('historyFull', { count: attempts, max: MAX_ATTEMPTS })}
        </ActionNotice>
      )}
    </div>
  );
}
