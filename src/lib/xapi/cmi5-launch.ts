import Cmi5 from '@xapi/cmi5';
import { masteryOf } from '../../engine/lms';
import { lmsLocale } from '../../engine/lms-format';
import {
  answeredStatement,
  attemptScore,
  interactionId,
  passes,
  statementId,
  type XStatement,
} from '../../engine/xapi';
import { catalog } from '../catalog';
import { UI_LOCALES, type UiLocale } from '../i18n';
import { setLmsLearner } from '../learner';
import { setLaunchLocale } from '../prefs-store';
import type { Reporter } from '../report/reporter';
import { createSender, memoryQueue } from './queue';
import { runStatements } from './run-statements';
import { isoTimestamp } from '../dates';

// A cmi5 launch (the LMS opened the package with endpoint, fetch, actor, registration and activityId in
// the query): @xapi/cmi5 fetches the session's token, reads LMS.LaunchData and the learner's preferences,
// and sends the cmi5 defined statements; the app adds one "answered" per decision. Loaded only then.

const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const VERSION = '1.0.3';

interface SavedSession {
  authToken: string;
  initializedDate: string;
  /** True once the attempt's completed and passed/failed were sent: a session has one of each. */
  finished: boolean;
  /** True once terminated was sent (the page went away): a reload of it reports nothing more. */
  terminated?: boolean;
}

const sessionKey = (registration: string) => `mot:cmi5:${registration}`;

function readSession(registration: string): SavedSession | null {
  try {
    const raw = sessionStorage.getItem(sessionKey(registration));
    return raw ? (JSON.parse(raw) as SavedSession) : null;
  } catch {
    return null;
  }
}

function writeSession(registration: string, s: SavedSession): void {
  try {
    sessionStorage.setItem(sessionKey(registration), JSON.stringify(s));
  } catch {
    // A reload will then fetch a new token (which the LMS may refuse): the session still runs now.
  }
}

/**
 * The UI language the learner's cmi5 preference (a comma-separated list, best first) asks for, among the
 * package drill's languages (any UI language without a package); null when none matches (the browser's).
 */
export function preferredLocale(pref: string | undefined): UiLocale | null {
  const id = import.meta.env.VITE_PACKAGE_SCENARIO;
  const drill = id ? catalog.filter((e) => e.id === id).map((e) => e.locale) : [];
  const available = UI_LOCALES.filter((l) => !drill.length || drill.includes(l));
  for (const tag of (pref ?? '').split(',')) {
    const hit = lmsLocale(tag, available);
    if (hit) return hit as UiLocale;
  }
  return null;
}

/**
 * Starts the cmi5 session and returns the reporter that turns the package's attempt into statements:
 * initialized (by the library), one "answered" per decision, completed and passed/failed against the
 * mastery score (Normal launches only), terminated when the page goes away.
 */
export async function launchCmi5(): Promise<Reporter> {
  const cmi5 = new Cmi5();
  const params = cmi5.getLaunchParameters();
  const registration = params.registration;
  const saved = readSession(registration);
  const queue = memoryQueue();
  const sender = createSender({
    backend: queue,
    send: async (batch) => {
      const xapi = cmi5.xapi;
      if (!xapi) throw new Error('cmi5: not initialised');
      await xapi.sendStatements({ statements: batch as never });
    },
  });
  window.addEventListener('online', () => void sender.retryNow());
  // After terminated (the page was left, then reloaded), the session is over: nothing more is sent.
  let leaving = saved?.terminated === true;

  // Every statement the library makes goes through the queue, in order, under an id named after the
  // session and the verb (each cmi5 defined verb is sent once per session): a resend repeats it.
  const scope = () => {
    const template = cmi5.getLaunchData()?.contextTemplate;
    const session = String(template?.extensions?.[SESSION_EXT] ?? '');
    return `cmi5/${registration}/${session}`;
  };
  cmi5.sendXapiStatement = ((s: XStatement) => {
    const statement = { ...s, id: statementId(`${scope()}/${s.verb.id}`) };
    if (leaving) return Promise.resolve({ data: [statement.id] });
    return sender.enqueue([statement]).then(() => ({ data: [statement.id] }));
  }) as never;

  await cmi5.initialize(
    saved
      ? { authToken: saved.authToken, initializedDate: new Date(saved.initializedDate) }
      : undefined,
  );
  const session: SavedSession = saved ?? {
    authToken: cmi5.getAuthToken(),
    initializedDate: isoTimestamp(cmi5.getInitializedDate()),
    finished: false,
  };
  writeSession(registration, session);

  const launchData = cmi5.getLaunchData();
  const locale = preferredLocale(cmi5.getLearnerPreferences()?.languagePreference);
  // For this launch only: the trainee's saved language is left as it was.
  if (locale) setLaunchLocale(locale);
  if (params.actor.name) setLmsLearner(params.actor.name);
  const mastery = masteryOf(
    '2004',
    launchData.masteryScore === undefined ? '' : String(launchData.masteryScore),
    import.meta.env.VITE_MASTERY,
  );

  // On leaving, what still waits and "terminated" go in one request that outlives the page.
  window.addEventListener('pagehide', () => {
    if (leaving) return;
    const waiting = queue.now();
    leaving = true;
    writeSession(registration, { ...session, terminated: true });
    let terminated: XStatement | null = null;
    const capture = cmi5.sendXapiStatement;
    cmi5.sendXapiStatement = ((s: XStatement) => {
      terminated = { ...s, id: statementId(`${scope()}/${s.verb.id}`) };
      return Promise.resolve({ data: [terminated.id] });
    }) as never;
    void cmi5.terminate();
    cmi5.sendXapiStatement = capture;
    const batch = terminated ? [...waiting, terminated] : waiting;
    if (!batch.length) return;
    void fetch(`${params.endpoint.replace(/\/?$/, '/')}statements`, {
      method: 'POST',
      keepalive: true,
      headers: {
        Authorization: `Basic ${session.authToken}`,
        'X-Experience-API-Version': VERSION,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(batch),
    }).catch(() => undefined);
  });

  const context = (): NonNullable<XStatement['context']> => {
    const t = launchData.contextTemplate as NonNullable<XStatement['context']>;
    return {
      ...t,
      registration,
      contextActivities: {
        ...t.contextActivities,
        parent: [{ id: params.activityId, objectType: 'Activity' }],
      },
    };
  };
  const statements = runStatements(
    (made) => sender.enqueue(made),
    (run) => `${scope()}/${run.runId}`,
  );

  return {
    name: 'cmi5',
    start: (run) => {
      if (!session.finished) statements.start(run);
    },
    decision(run, d) {
      if (session.finished || leaving) return;
      void statements.add(run, (files) => {
        const s = answeredStatement(files, d.decision, d.latencyMs);
        return [
          [
            `answered/${d.index}`,
            {
              ...s,
              object: { ...s.object, id: interactionId(files[0].id, d.decision.node) },
              actor: params.actor,
              timestamp: isoTimestamp(new Date(d.decision.at)),
              context: context(),
            },
          ],
        ];
      });
    },
    finish(run, _attempt, score) {
      if (session.finished || leaving) return;
      session.finished = true;
      writeSession(registration, session);
      if (launchData.launchMode !== 'Normal') return;
      // After this run's answers: completed, then passed or failed with the debrief's score scaled.
      void statements.add(run, () => {
        void cmi5.complete();
        const result = attemptScore(score.overall);
        if (passes(score.overall, mastery)) {
          try {
            void cmi5.pass(result);
            return [];
          } catch {
            // The library's own mastery check disagrees (a rounding edge): it is reported as failed.
          }
        }
        void cmi5.fail(result);
        return [];
      });
    },
    suspend: () => void sender.flush(),
  };
}
