import { useEffect, useId, useState } from 'react';
import { statementId } from '../../engine/xapi';
import { useMessages } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { deviceAgent } from '../../lib/xapi/actor';
import { connectSources, connectVerdict, pagePolicy } from '../../lib/xapi/csp-allows';
import { lrsSender, syncLrs } from '../../lib/xapi/lrs';
import { postStatements } from '../../lib/xapi/lrs-client';
import {
  clearLrsSettings,
  isEndpoint,
  loadLrsSettings,
  normalEndpoint,
  saveLrsSettings,
  type LrsSettings,
} from '../../lib/xapi/lrs-settings';
import type { QueueState } from '../../lib/xapi/queue';
import { settingsMessages } from './messages';
import './settings.css';
import { isoTimestamp } from '../../lib/dates';

type Test =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'ok' } | { kind: 'error'; text: string };

/** The statement the test button sends: the device's learner "experienced" the app's settings. */
function testStatement() {
  return {
    id: statementId(`test/${Date.now()}/${Math.random()}`),
    actor: deviceAgent(),
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: {
      objectType: 'Activity' as const,
      id: 'urn:mot-trainer:lrs-test',
      definition: {
        type: 'http://adlnet.gov/expapi/activities/simulation',
        name: { en: 'MOT trainer: LRS connection test' },
      },
    },
    timestamp: isoTimestamp(),
  };
}

/** Where this build's policy stops the endpoint, or null when it may connect (or there is no policy). */
function cspProblem(endpoint: string): { origin: string; allowed: string[] } | null {
  if (!isEndpoint(endpoint)) return null;
  const policy = pagePolicy();
  if (connectVerdict(policy, endpoint, window.location.href) !== 'blocked') return null;
  return { origin: new URL(endpoint).origin, allowed: connectSources(policy ?? '') ?? [] };
}

function useQueueState(): QueueState | null {
  const [state, setState] = useState<QueueState | null>(null);
  useEffect(() => {
    let live = true;
    let off = () => {};
    void lrsSender().then((s) => {
      if (!live) return;
      setState(s.state());
      off = s.subscribe(setState);
      void s.refresh();
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(navigator.onLine);
    window.addEventListener('online', on);
    window.addEventListener('offline', on);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', on);
    };
  }, []);
  return online;
}

/** `#/settings`: the device's LRS (endpoint, key, secret), a test statement, and the queue's state. */
export default function SettingsRoute() {
  const t = useMessages(settingsMessages);
  useDocumentTitle(t('title'));
  const id = useId();
  const [form, setForm] = useState<LrsSettings>(
    () => loadLrsSettings() ?? { endpoint: '', username: '', secret: '' },
  );
  const [configured, setConfigured] = useState(() => loadLrsSettings() !== null);
  const [saved, setSaved] = useState<'saved' | 'removed' | null>(null);
  const [test, setTest] = useState<Test>({ kind: 'idle' });
  const queue = useQueueState();
  const online = useOnline();
  const valid = isEndpoint(form.endpoint);
  const blocked = cspProblem(form.endpoint);
  const field =
    (k: keyof LrsSettings) =>
    (e: { target: { value: string } }): void => {
      setForm({ ...form, [k]: e.target.value });
      setSaved(null);
    };
  const allowed = (sources: string[]) =>
    sources.map((s) => (s === "'self'" ? t('ownOrigin') : s)).join(', ');

  return (
    <section className="panel narrow settings" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('title')}</h1>
      <h2>{t('lrsTitle')}</h2>
      <p>{t('lrsIntro')}</p>
      <p className="muted">{t('lrsPrivate')}</p>
      <form
        className="settings-form"
        data-form="lrs"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          const next = { ...form, endpoint: normalEndpoint(form.endpoint) };
          saveLrsSettings(next);
          setForm(next);
          setConfigured(true);
          setSaved('saved');
          void syncLrs();
        }}
      >
        <label htmlFor={`${id}-endpoint`}>{t('endpoint')}</label>
        <input
          id={`${id}-endpoint`}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          data-field="endpoint"
          value={form.endpoint}
          aria-describedby={`${id}-endpoint-hint`}
          aria-invalid={form.endpoint !== '' && !valid}
          onChange={field('endpoint')}
        />
        <p className="muted small" id={`${id}-endpoint-hint`}>
          {form.endpoint !== '' && !valid ? t('endpointInvalid') : t('endpointHint')}
        </p>
        {blocked && (
          <p className="settings-warning" role="alert" data-csp="blocked">
            {t('cspBlocked', { origin: blocked.origin, allowed: allowed(blocked.allowed) })}
          </p>
        )}
        <label htmlFor={`${id}-username`}>{t('username')}</label>
        <input
          id={`${id}-username`}
          autoComplete="username"
          spellCheck={false}
          data-field="username"
          value={form.username}
          onChange={field('username')}
        />
        <label htmlFor={`${id}-secret`}>{t('secret')}</label>
        <input
          id={`${id}-secret`}
          type="password"
          autoComplete="current-password"
          data-field="secret"
          value={form.secret}
          onChange={field('secret')}
        />
        <div className="actions">
          <button type="submit" className="button primary" data-action="save-lrs" disabled={!valid}>
            {t('save')}
          </button>
          <button
            type="button"
            className="button"
            data-action="test-lrs"
            disabled={!valid || test.kind === 'sending'}
            onClick={() => {
              setTest({ kind: 'sending' });
              const target = { ...form, endpoint: normalEndpoint(form.endpoint) };
              postStatements(target, [testStatement()]).then(
                () => setTest({ kind: 'ok' }),
                (e: unknown) =>
                  setTest({ kind: 'error', text: e instanceof Error ? e.message : String(e) }),
              );
            }}
          >
            {test.kind === 'sending' ? t('testing') : t('test')}
          </button>
          {configured && (
            <button
              type="button"
              className="button"
              data-action="remove-lrs"
              onClick={() => {
                clearLrsSettings();
                setForm({ endpoint: '', username: '', secret: '' });
                setConfigured(false);
                setSaved('removed');
                void syncLrs();
              }}
            >
              {t('remove')}
            </button>
          )}
        </div>
        <p role="status" className="settings-status" data-saved={saved ?? ''}>
          {saved === 'saved' ? t('saved') : saved === 'removed' ? t('removed') : ''}
        </p>
        <p
          role="status"
          className={`settings-status${test.kind === 'error' ? ' settings-warning' : ''}`}
          data-test-result={test.kind}
        >
          {test.kind === 'ok'
            ? t('testOk')
            : test.kind === 'error'
              ? t('testFailed', { error: test.text })
              : ''}
        </p>
      </form>
      <h2>{t('queueTitle')}</h2>
      {!configured && <p className="muted">{t('notSet')}</p>}
      {queue && (
        <div className="settings-queue" data-queue-waiting={queue.waiting}>
          <p role="status">{t('waiting', { count: queue.waiting, n: queue.waiting })}</p>
          {!online && <p className="muted">{t('offline')}</p>}
          {queue.lastError && (
            <p className="settings-warning" data-queue-error="">
              {t('lastError', { error: queue.lastError })}
            </p>
          )}
          {configured && queue.waiting > 0 && (
            <button
              type="button"
              className="button small"
              data-action="send-now"
              onClick={() => void lrsSender().then((s) => s.retryNow())}
            >
              {t('sendNow')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
