// The first screen's words in English (en): the app's frame (header, footer, notices, the error and
// loading pages) and the library. Only the page language's module loads, before the first render
// (index.html's boot hint preloads it beside the entry); another when the UI switches to it.
// The same keys in every language (shell-zh-CN.ts names them).
import type { Text } from '../i18n-shell-messages';
import type { ShellKey } from './shell-zh-CN';

export const words: Record<ShellKey, Text> = {
  appName: 'Moments of Truth trainer',
  language: 'Language',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeContrast: 'High contrast',
  skipToContent: 'Skip to content',
  library: 'Scenarios',
  libraryIntro: 'Pick a drill and walk a simulated customer through the five MOT steps.',
  difficulty1: 'Easy',
  difficulty2: 'Medium',
  difficulty3: 'Hard',
  minutes: 'about {n} min',
  stepsCovered: 'Steps covered',
  bestSoFar: 'Best so far {score}',
  notPlayed: 'Not played yet',
  // `count` is the figure as written, `n` the number the plural follows (a plural(…) literal: this
  // module imports nothing, so its chunk needs no other).
  attempts: { count: 'n', forms: { one: '{count} attempt', other: '{count} attempts' } },
  earlierRule: 'earlier scoring rule',
  earlierRuleHint:
    'Scored under the earlier rule; the drill has changed since, so it cannot be rescored.',
  inProgress: 'In progress',
  otherLanguage: '({lang} version)',
  play: 'Practise',
  drillName: ': {title}',
  exportHistory: 'Export history (JSON)',
  noScenarios: 'No scenarios yet. Put a YAML file in the scenarios/ folder.',
  drillUpdating: 'This drill is being updated',
  drillUpdatingHint: 'It will be back here soon; the other drills work as usual.',
  loading: 'Loading…',
  resume: 'Resume',
  noticeChanged: 'This scenario changed since your last visit; your old progress was set aside.',
  noticeCorrupt:
    'Saved data could not be read ({what}); it was set aside and a fresh copy started.',
  noticeNewer:
    'Saved data ({what}) is from a newer version of this app and cannot be read here; it was set aside untouched and will not be overwritten.',
  noticeClassroomChanged:
    'The class session’s scenario changed or could not be continued; the session was set aside.',
  dismiss: 'Dismiss',
  forTrainers: 'For trainers',
  toClassroom: 'Run a drill with a class on a projector',
  toAuthor: 'Write or edit a scenario',
  loadFailed: 'This page could not be loaded',
  loadFailedText:
    'The network may have dropped. Your progress is saved on this device; reload to carry on.',
  reload: 'Reload',
  rootError: 'Something went wrong',
  rootErrorText:
    'This screen hit an error. What you saved on this device is still there: reload, or first export your data to a file.',
  exportMyData: 'Export my data',
  step_atmosphere: 'Build the atmosphere',
  step_analyze: 'Analyse the problem',
  step_resolve: 'Resolve it',
  step_summarize: 'Summarise',
  'step_follow-up': 'Follow up',
  aboutPortraits: 'Portraits: DiceBear “Open Peeps” by Pablo Stanley (CC0)',
  settingsLink: 'Settings (send results to an LRS)',
  nameQuestion: 'Your name',
  nameLabel: 'Your name (optional, shown on your certificate and in exports)',
  nameHint: 'Kept on this device only. You can practise without it.',
  saveName: 'Save name',
  skipName: 'Skip',
  cancel: 'Cancel',
  you: 'You',
  yourName: 'Name: {name}',
  noName: 'No name given',
  editName: 'Edit name',
  addName: 'Add your name',
  lmsName: 'Your name comes from your learning platform (LMS).',
  toResults: 'Trainees’ results',
};
