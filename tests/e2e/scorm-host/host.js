/* global window, document */
// A minimal LMS for the SCORM e2e tests: scorm-again's 1.2 or 2004 API on this window (what the package
// finds by walking up from its frame), seeded with the data an LMS would hand a launch (learner, language,
// mastery, or a whole saved attempt for a relaunch), and the package's index.html in an iframe.
// The test sets `window.__lmsSeed` (an init script) before this runs: { version: '1.2' | '2004', cmi }.
(function () {
  const seed = window.__lmsSeed || { version: '1.2', cmi: null };
  const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 };
  const api =
    seed.version === '2004' ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
  if (seed.cmi) api.loadFromJSON(seed.cmi, '');
  if (seed.version === '2004') window.API_1484_11 = api;
  else window.API = api;
  // What the package called, in order (listeners fire for every call, accepted or not).
  const calls = [];
  const names =
    seed.version === '2004'
      ? ['Initialize', 'Commit', 'Terminate']
      : ['LMSInitialize', 'LMSCommit', 'LMSFinish'];
  for (const name of names) api.on(name, () => calls.push(name));
  window.lmsCalls = () => calls.slice();
  window.lmsCmi = () => JSON.parse(JSON.stringify(api.renderCommitCMI(true)));
  const frame = document.createElement('iframe');
  frame.title = 'course';
  frame.src = '/pkg/index.html';
  document.body.append(frame);
  // The learner closes the course (the LMS unloads its frame): the package's pagehide runs.
  window.unloadCourse = () =>
    new Promise((resolve) => {
      frame.addEventListener('load', () => resolve(true), { once: true });
      frame.src = 'about:blank';
    });
})();
