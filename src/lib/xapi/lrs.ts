import { addReporter } from '../report/reporter';
import { postStatements } from './lrs-client';
import { loadLrsSettings } from './lrs-settings';
import { lrsReporter } from './lrs-reporter';
import { createSender, deviceQueue, type Sender } from './queue';

// The plain-xAPI mode: the device's LRS (settings screen), its queue and its reporter. Loaded only when
// an LRS is configured, or when the settings screen opens.

let sender: Promise<Sender> | null = null;
let removeReporter: (() => void) | null = null;
let syncing: Promise<void> = Promise.resolve();

/** The device's sender (one per page): the IndexedDB queue, sent to whatever LRS the settings name now. */
export function lrsSender(): Promise<Sender> {
  sender ??= deviceQueue().then((backend) => {
    const s = createSender({
      backend,
      send: (batch) => {
        const settings = loadLrsSettings();
        if (!settings) return Promise.reject(new Error('No LRS is set up on this device'));
        return postStatements(settings, batch);
      },
    });
    window.addEventListener('online', () => void s.retryNow());
    return s;
  });
  return sender;
}

/**
 * Follows the settings: with an LRS set up, every non-practice run reports to it (and what waits from
 * earlier is sent); without one, nothing is reported and the queue keeps what it holds.
 */
export function syncLrs(): Promise<void> {
  // One at a time: two quick calls (start-up, a save) never register two reporters.
  syncing = syncing.then(follow, follow);
  return syncing;
}

async function follow(): Promise<void> {
  const settings = loadLrsSettings();
  if (!settings) {
    removeReporter?.();
    removeReporter = null;
    return;
  }
  const s = await lrsSender();
  if (!removeReporter) removeReporter = addReporter(lrsReporter(s));
  await s.refresh();
  void s.retryNow();
}
