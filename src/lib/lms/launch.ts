import { decodeSuspend } from '../../engine/suspend-data';
import { LAUNCH_ELEMENTS, learnerDisplayName, lmsLocale, masteryOf } from '../../engine/lms';
import { catalog } from '../catalog';
import type { UiLocale } from '../i18n';
import { setLmsLearner } from '../learner';
import { setLaunchLocale, setLaunchMode } from '../prefs-store';
import { addReporter } from '../report/reporter';
import { href } from '../route';
import { isCmi5Launch } from '../xapi/start';
import { setLmsLaunch } from './launch-state';
import { findScormApi } from './scorm-api';
import { scormReporter } from './scorm-reporter';

// A SCORM package's start-up (a build with VITE_PACKAGE_SCENARIO; its own chunk, loaded before the first
// render). With an LMS API in a parent frame or the opener: initialise, take the learner's language and
// name, open the drill in exam mode, resume where the LMS says, and report. Without one: the normal app,
// opened on the package's drill.

/** Sets up the launch for the package's drill `scenarioId`, before the app renders. */
export function launchScorm(scenarioId: string): void {
  // A cmi5 launch (the LMS's query parameters) reports through cmi5 instead: src/lib/xapi/start.ts.
  if (isCmi5Launch(window.location.search)) return;
  const onDrill = () => {
    window.location.hash = href.play(scenarioId);
  };
  const api = findScormApi();
  if (!api || !api.initialize()) {
    if (!window.location.hash || window.location.hash === '#/') onDrill();
    return;
  }
  const startedAt = performance.now();
  const el = LAUNCH_ELEMENTS[api.version];
  const available = catalog.filter((e) => e.id === scenarioId).map((e) => e.locale);
  const locale = lmsLocale(api.get(el.language), available);
  if (locale) setLaunchLocale(locale as UiLocale);
  setLmsLearner(learnerDisplayName(api.get(el.name)));
  const resume = api.get(el.entry) === 'resume' ? decodeSuspend(api.get(el.suspendData)) : null;
  setLmsLaunch({ scenarioId, resume });
  setLaunchMode('exam');
  const reporter = scormReporter({
    api,
    scenarioId,
    mastery: masteryOf(api.version, api.get(el.mastery), import.meta.env.VITE_MASTERY),
    startedAt,
  });
  addReporter(reporter);
  // Registered before the play screen's pagehide handlers: the reporter keeps the last moment it was told
  // of and ends the session; the play screen's suspend that follows finds it ended and is ignored.
  window.addEventListener('pagehide', () => reporter.leave());
  onDrill();
}
