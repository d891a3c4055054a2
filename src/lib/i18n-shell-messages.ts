// The words of the first screen and the app's frame (header, footer, notices, the library, the error and
// loading pages) in the three UI languages: the entry chunk carries these, and only these. Every other
// screen's words are in i18n-messages.ts, which loads with those screens. Scenario text comes from files.
export const UI_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** A message's variants by CLDR plural category (`other` is always there), picked by the number in `count`. */
export interface PluralText {
  count: string;
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}
export type Text = string | PluralText;
export type Entry = Record<UiLocale, Text>;
/** One message in the three UI languages; features keep their own dictionaries built with it. */
export const m = (zhCN: Text, zhTW: Text, en: Text): Entry => ({
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  en,
});
/** Variants chosen by `Intl.PluralRules` on the variable `count` ("1 point", "2 points"; never "point(s)"). */
export const plural = (count: string, forms: PluralText['forms']): PluralText => ({ count, forms });

export const shellMessages = {
  appName: m('MOT 关键时刻训练', 'MOT 關鍵時刻訓練', 'Moments of Truth trainer'),
  language: m('语言', '語言', 'Language'),
  theme: m('主题', '主題', 'Theme'),
  themeLight: m('浅色', '淺色', 'Light'),
  themeDark: m('深色', '深色', 'Dark'),
  themeContrast: m('高对比度', '高對比', 'High contrast'),
  skipToContent: m('跳到主要内容', '跳到主要內容', 'Skip to content'),
  library: m('情景练习', '情境練習', 'Scenarios'),
  libraryIntro: m(
    '选择一个情景，和模拟客户走完关键时刻的五个步骤。',
    '選擇一個情境，和模擬客戶走完關鍵時刻的五個步驟。',
    'Pick a drill and walk a simulated customer through the five MOT steps.',
  ),
  difficulty1: m('入门', '入門', 'Easy'),
  difficulty2: m('进阶', '進階', 'Medium'),
  difficulty3: m('挑战', '挑戰', 'Hard'),
  minutes: m('约 {n} 分钟', '約 {n} 分鐘', 'about {n} min'),
  stepsCovered: m('涉及步骤', '涉及步驟', 'Steps covered'),
  bestSoFar: m('最佳成绩 {score}', '最佳成績 {score}', 'Best so far {score}'),
  notPlayed: m('尚未练习', '尚未練習', 'Not played yet'),
  // `count` is the figure as written, `n` the number the plural follows.
  attempts: m(
    '已练习 {count} 次',
    '已練習 {count} 次',
    plural('n', { one: '{count} attempt', other: '{count} attempts' }),
  ),
  earlierRule: m('旧评分规则', '舊評分規則', 'earlier scoring rule'),
  earlierRuleHint: m(
    '这次成绩按旧的评分规则计算，情景之后已修改，无法按新规则重新计分。',
    '這次成績按舊的評分規則計算，情境之後已修改，無法按新規則重新計分。',
    'Scored under the earlier rule; the drill has changed since, so it cannot be rescored.',
  ),
  inProgress: m('进行中', '進行中', 'In progress'),
  otherLanguage: m('（{lang}版本）', '（{lang}版本）', '({lang} version)'),
  play: m('开始练习', '開始練習', 'Practise'),
  // Hidden after the visible "Practise" or "Resume", so every card's link has its own name.
  drillName: m('：{title}', '：{title}', ': {title}'),
  exportHistory: m('导出练习记录 (JSON)', '匯出練習記錄 (JSON)', 'Export history (JSON)'),
  noScenarios: m(
    '还没有可用的情景。把 YAML 文件放进 scenarios/ 文件夹即可。',
    '還沒有可用的情境。把 YAML 檔案放進 scenarios/ 資料夾即可。',
    'No scenarios yet. Put a YAML file in the scenarios/ folder.',
  ),
  drillUpdating: m('这个练习正在更新', '這個練習正在更新', 'This drill is being updated'),
  drillUpdatingHint: m(
    '它很快会回到列表里，其他练习照常可用。',
    '它很快會回到列表裡，其他練習照常可用。',
    'It will be back here soon; the other drills work as usual.',
  ),
  loading: m('加载中…', '載入中…', 'Loading…'),
  resume: m('继续练习', '繼續練習', 'Resume'),
  noticeChanged: m(
    '这个情景在你上次练习后被修改了，之前的进度已另存，不再继续。',
    '這個情境在你上次練習後被修改了，之前的進度已另存，不再繼續。',
    'This scenario changed since your last visit; your old progress was set aside.',
  ),
  noticeCorrupt: m(
    '本机保存的数据无法读取（{what}），已另存备份并重新开始。',
    '本機儲存的資料無法讀取（{what}），已另存備份並重新開始。',
    'Saved data could not be read ({what}); it was set aside and a fresh copy started.',
  ),
  noticeNewer: m(
    '本机保存的数据（{what}）来自本应用的较新版本，这个版本无法读取：已原样另存，不会被覆盖。',
    '本機儲存的資料（{what}）來自本應用程式的較新版本，這個版本無法讀取：已原樣另存，不會被覆寫。',
    'Saved data ({what}) is from a newer version of this app and cannot be read here; it was set aside untouched and will not be overwritten.',
  ),
  noticeClassroomChanged: m(
    '课堂练习的情景文件已被修改或无法继续，这次练习已另存备份。',
    '課堂練習的情境檔案已被修改或無法繼續，這次練習已另存備份。',
    'The class session’s scenario changed or could not be continued; the session was set aside.',
  ),
  dismiss: m('知道了', '知道了', 'Dismiss'),
  forTrainers: m('培训师', '培訓師', 'For trainers'),
  toClassroom: m(
    '在课堂上用投影进行练习',
    '在課堂上用投影進行練習',
    'Run a drill with a class on a projector',
  ),
  toAuthor: m('编写或修改情景', '編寫或修改情境', 'Write or edit a scenario'),
  loadFailed: m('这一页没能加载', '這一頁沒能載入', 'This page could not be loaded'),
  loadFailedText: m(
    '可能是网络中断了。你的进度保存在本机，重新加载即可继续。',
    '可能是網路中斷了。你的進度儲存在本機，重新載入即可繼續。',
    'The network may have dropped. Your progress is saved on this device; reload to carry on.',
  ),
  reload: m('重新加载', '重新載入', 'Reload'),
  rootError: m('出了点问题', '出了點問題', 'Something went wrong'),
  rootErrorText: m(
    '这一屏出错了。你保存在本机的练习记录和草稿都还在：可以重新加载，或先把本机数据导出为文件。',
    '這一屏出錯了。你儲存在本機的練習記錄和草稿都還在：可以重新載入，或先把本機資料匯出為檔案。',
    'This screen hit an error. What you saved on this device is still there: reload, or first export your data to a file.',
  ),
  exportMyData: m('导出我的数据', '匯出我的資料', 'Export my data'),
  step_atmosphere: m('营造氛围', '營造氛圍', 'Build the atmosphere'),
  step_analyze: m('分析问题', '分析問題', 'Analyse the problem'),
  step_resolve: m('解决问题', '解決問題', 'Resolve it'),
  step_summarize: m('总结问题', '總結問題', 'Summarise'),
  'step_follow-up': m('完善跟进', '完善跟進', 'Follow up'),
  aboutPortraits: m(
    '头像：DiceBear「Open Peeps」（Pablo Stanley，CC0）',
    '頭像：DiceBear「Open Peeps」（Pablo Stanley，CC0）',
    'Portraits: DiceBear “Open Peeps” by Pablo Stanley (CC0)',
  ),
  settingsLink: m(
    '设置（发送结果到 LRS）',
    '設定（傳送結果到 LRS）',
    'Settings (send results to an LRS)',
  ),
} satisfies Record<string, Entry>;

export type ShellKey = keyof typeof shellMessages;
