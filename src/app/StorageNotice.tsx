import { useEffect } from 'react';
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
        <p className="notice" role="alert" data-notice="storageUnsaved">
          <span>{t('storageUnsaved')}</span>
          <button
            type="button"
            className="button small"
            data-action="export-now"
            onClick={downloadHistory}
          >
            {t('exportNow')}
          </button>
        </p>
      )}
      {overCap > 0 && (
        <p className="notice" role="status" data-notice="setAsideFull">
          <span>{t('setAsideFull', { count: overCap })}</span>
          <button
            type="button"
            className="button small"
            data-action="download-set-aside"
            onClick={downloadSetAside}
          >
            {t('downloadSetAside')}
          </button>
        </p>
      )}
      {attempts > MAX_ATTEMPTS && (
        <p className="notice" role="status" data-notice="historyFull">
          <span>{t('historyFull', { count: attempts, max: MAX_ATTEMPTS })}</span>
          <button
            type="button"
            className="button small"
            data-action="export-and-trim"
            onClick={trimHistory}
          >
            {t('exportAndTrim')}
          </button>
        </p>
      )}
    </div>
  );
}
