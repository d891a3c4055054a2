// Every user-visible string of the interface, in the three UI languages. Scenario text comes from files.
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

export const messages = {
  appName: m('MOT 关键时刻训练', 'MOT 關鍵時刻訓練', 'Moments of Truth trainer'),
  appTagline: m(
    '在真实的服务瞬间练习：每一次回应都决定客户是否留下。',
    '在真實的服務瞬間練習：每一次回應都決定客戶是否留下。',
    'Practise the short moments that decide whether a customer stays.',
  ),
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
  difficulty: m('难度', '難度', 'Difficulty'),
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
  problemsTitle: m(
    '{n} 个情景文件有错误，暂未显示',
    '{n} 個情境檔案有錯誤，暫未顯示',
    plural('n', {
      one: '{n} scenario file has errors: it is not shown',
      other: '{n} scenario files have errors: those files are not shown',
    }),
  ),
  problemsHint: m(
    '修正文件后，运行中的 npm start 会自动刷新（已构建的版本需重新构建）；npm run validate 可列出全部诊断。',
    '修正檔案後，執行中的 npm start 會自動重新整理（已建置的版本需重新建置）；npm run validate 可列出全部診斷。',
    'Fix the file: with npm start the page updates by itself (a built copy needs a rebuild). npm run validate lists every diagnostic.',
  ),
  drillUpdating: m('这个练习正在更新', '這個練習正在更新', 'This drill is being updated'),
  drillUpdatingHint: m(
    '它很快会回到列表里，其他练习照常可用。',
    '它很快會回到列表裡，其他練習照常可用。',
    'It will be back here soon; the other drills work as usual.',
  ),
  notFound: m('找不到这个情景。', '找不到這個情境。', 'This scenario does not exist.'),
  backToLibrary: m('返回情景列表', '返回情境列表', 'Back to scenarios'),
  loading: m('加载中…', '載入中…', 'Loading…'),
  briefing: m('情景说明', '情境說明', 'Briefing'),
  yourCustomer: m('你的客户', '你的客戶', 'Your customer'),
  mode: m('练习模式', '練習模式', 'Mode'),
  modeCoach: m(
    '教练模式：每次回答后即时反馈',
    '教練模式：每次回答後即時回饋',
    'Coach: feedback after every answer',
  ),
  modeExam: m(
    '考核模式：结束后统一反馈',
    '考核模式：結束後統一回饋',
    'Exam: feedback only at the end',
  ),
  start: m('开始', '開始', 'Start'),
  resumeTitle: m('上次的练习还没完成', '上次的練習還沒完成', 'You have an unfinished attempt'),
  resumeText: m(
    '从离开的地方继续（第 {n} 个回合），或者重新开始。',
    '從離開的地方繼續（第 {n} 個回合），或者重新開始。',
    'Pick up where you left off (decision {n}), or start again.',
  ),
  resume: m('继续练习', '繼續練習', 'Resume'),
  // Switching the UI language mid-drill (the run carries over to a translation with the same graph).
  switchOffer: m(
    '这个练习也有{lang}版本。要从同一时刻改用{lang}继续吗？你的回答和答案顺序保持不变。',
    '這個練習也有{lang}版本。要從同一時刻改用{lang}繼續嗎？你的回答和答案順序保持不變。',
    'This drill is also in {lang}. Continue in {lang} from this same moment? Your answers so far and the order of choices stay as they are.',
  ),
  switchAccept: m('改用{lang}继续', '改用{lang}繼續', 'Continue in {lang}'),
  switchKeep: m('保留{lang}', '保留{lang}', 'Keep {lang}'),
  switchNone: m(
    '这个练习没有{ui}版本，将继续以{lang}进行。',
    '這個練習沒有{ui}版本，將繼續以{lang}進行。',
    'This drill has no {ui} version, so it stays in {lang}.',
  ),
  // The play screen's counter; the total is the longest play-through, so it never hints at a consequence.
  momentCounter: m(
    '第 {n} 个时刻 · 约 {total} 个',
    '第 {n} 個時刻 · 約 {total} 個',
    'moment {n} · about {total}',
  ),
  resumeClockPaused: m(
    '这是限时的时刻：计时已暂停，点“继续练习”后从离开时剩下的时间接着计时。',
    '這是限時的時刻：計時已暫停，按「繼續練習」後從離開時剩下的時間接著計時。',
    'This moment is timed: the clock is stopped, and goes on from the time you had left when you resume.',
  ),
  resumeClockRunning: m(
    '考试模式：计时没有暂停，离开的时间也算在内（重新加载不能暂停计时）；时间到了，这个时刻按未回应计。',
    '考試模式：計時沒有暫停，離開的時間也算在內（重新載入不能暫停計時）；時間到了，這個時刻按未回應計。',
    'Exam mode: the clock kept running while you were away (a reload does not pause it); if time ran out, this moment counts as unanswered.',
  ),
  startOver: m('重新开始', '重新開始', 'Start over'),
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
  steps: m('关键时刻五步骤', '關鍵時刻五步驟', 'The five MOT steps'),
  step_atmosphere: m('营造氛围', '營造氛圍', 'Build the atmosphere'),
  step_analyze: m('分析问题', '分析問題', 'Analyse the problem'),
  step_resolve: m('解决问题', '解決問題', 'Resolve it'),
  step_summarize: m('总结问题', '總結問題', 'Summarise'),
  'step_follow-up': m('完善跟进', '完善跟進', 'Follow up'),
  short_atmosphere: m('氛围', '氛圍', 'Atmosphere'),
  short_analyze: m('分析', '分析', 'Analyse'),
  short_resolve: m('解决', '解決', 'Resolve'),
  short_summarize: m('总结', '總結', 'Summarise'),
  'short_follow-up': m('跟进', '跟進', 'Follow up'),
  stepDone: m('已完成', '已完成', 'done'),
  stepCurrent: m('当前', '目前', 'current'),
  stepAhead: m('未开始', '未開始', 'ahead'),
  stepSkipped: m('本情景不涉及', '本情境不涉及', 'not in this drill'),
  meter_mood: m('情绪', '情緒', 'Mood'),
  meter_trust: m('信任', '信任', 'Trust'),
  meter_patience: m('耐心', '耐心', 'Patience'),
  customerSays: m('{name}说', '{name}說', '{name} says'),
  yourAnswer: m('你的回答', '你的回答', 'Your answer'),
  answerHint: m(
    '选择你的回答（可按数字键 1–{n}）',
    '選擇你的回答（可按數字鍵 1–{n}）',
    'Choose your answer (or press 1–{n})',
  ),
  youSaid: m('你说', '你說', 'You said'),
  /** A label before its value, with the language's colon (full width in Chinese, no space after). */
  labelled: m('{label}：', '{label}：', '{label}: '),
  silence: m('（你没有及时回应）', '（你沒有及時回應）', '(You did not answer in time)'),
  points: m(
    '{p} / {max} 分',
    '{p} / {max} 分',
    plural('max', { one: '{p} of {max} point', other: '{p} of {max} points' }),
  ),
  // As `points`, for figures already formatted: `n` is the unformatted number on offer the plural follows.
  pointsOf: m(
    '{p} / {max} 分',
    '{p} / {max} 分',
    plural('n', { one: '{p} of {max} point', other: '{p} of {max} points' }),
  ),
  feedback: m('教练点评', '教練點評', 'Coach’s note'),
  continue: m('继续', '繼續', 'Continue'),
  seeDebrief: m('查看复盘', '查看複盤', 'See the debrief'),
  secondsLeft: m('剩余 {n} 秒', '剩餘 {n} 秒', '{n} seconds left'),
  timed: m('限时回应', '限時回應', 'Answer in time'),
  ending: m('结局', '結局', 'Ending'),
  debrief: m('练习复盘', '練習複盤', 'Debrief'),
  overall: m('总分', '總分', 'Overall'),
  verdict: m(
    '总分 {score}：{name}{satisfaction}，{repurchase}。',
    '總分 {score}：{name}{satisfaction}，{repurchase}。',
    'Score {score}: {name} is {satisfaction} and {repurchase}.',
  ),
  verdictNotScored: m(
    '未计分：{name}{satisfaction}，{repurchase}。',
    '未計分：{name}{satisfaction}，{repurchase}。',
    'Not scored: {name} is {satisfaction} and {repurchase}.',
  ),
  // The contract's sentence. `n` is the number the plural follows (the points on offer), unformatted.
  explain: m(
    '你拿到了 {earned} 分，你经历的各个时刻共有 {available} 分可得。',
    '你拿到了 {earned} 分，你經歷的各個時刻共有 {available} 分可得。',
    plural('n', {
      one: 'You earned {earned} of the {available} point on offer in the moments you met.',
      other: 'You earned {earned} of the {available} points on offer in the moments you met.',
    }),
  ),
  explainReference: m(
    '你拿到了 {earned} 分，你经历的各个时刻共有 {available} 分可得；从你第一次失误起，最多还能拿到 {reference} 分。',
    '你拿到了 {earned} 分，你經歷的各個時刻共有 {available} 分可得；從你第一次失誤起，最多還能拿到 {reference} 分。',
    plural('n', {
      one: 'You earned {earned} of the {available} point on offer in the moments you met; from your first slip the best you could still reach was {reference}.',
      other:
        'You earned {earned} of the {available} points on offer in the moments you met; from your first slip the best you could still reach was {reference}.',
    }),
  ),
  notScored: m('未计分', '未計分', 'not scored'),
  nothingOnOffer: m('无可得分', '無可得分', 'nothing on offer'),
  stepPercent: m('{score}%', '{score}%', '{score}%'),
  stepFigures: m('{earned}/{available}', '{earned}/{available}', '{earned}/{available}'),
  stepScores: m('各步骤得分', '各步驟得分', 'Score per step'),
  notReached: m('未到达', '未到達', 'not reached'),
  curve: m('客户情绪与信任变化', '客戶情緒與信任變化', 'The customer’s mood and trust'),
  curveStart: m('开始', '開始', 'start'),
  curveDecision: m('第 {n} 个回合', '第 {n} 個回合', 'decision {n}'),
  curveAxisX: m('回合（0 = 开始）', '回合（0 = 開始）', 'decision (0 = start)'),
  curveAxisY: m('数值（0–100）', '數值（0–100）', 'level (0–100)'),
  outcome: m('客户忠诚度', '客戶忠誠度', 'Customer loyalty'),
  satisfaction: m('整体满意度', '整體滿意度', 'Overall satisfaction'),
  repurchase: m('再次购买的可能', '再次購買的可能', 'Chance of buying again'),
  recommend: m('推荐意愿', '推薦意願', 'Likelihood to recommend'),
  'sat_very-satisfied': m('很满意', '很滿意', 'very satisfied'),
  'sat_fairly-satisfied': m('比较满意', '比較滿意', 'fairly satisfied'),
  sat_satisfied: m('满意', '滿意', 'satisfied'),
  sat_dissatisfied: m('不满意', '不滿意', 'dissatisfied'),
  'sat_very-dissatisfied': m('很不满意', '很不滿意', 'very dissatisfied'),
  'rep_above-70': m('70% 以上', '70% 以上', 'above 70%'),
  'rep_30-70': m('30%–70%', '30%–70%', '30–70%'),
  'rep_below-30': m('30% 以下', '30% 以下', 'below 30%'),
  'verdictRep_above-70': m('很可能再次光顾', '很可能再次光顧', 'likely to come back'),
  'verdictRep_30-70': m('可能再来也可能流失', '可能再來也可能流失', 'may or may not come back'),
  'verdictRep_below-30': m('多半不会再来', '多半不會再來', 'unlikely to come back'),
  npsScore: m('{n}/10 · {cls}', '{n}/10 · {cls}', '{n}/10 · {cls}'),
  nps_promoter: m('推荐者', '推薦者', 'promoter'),
  nps_passive: m('被动者', '被動者', 'passive'),
  nps_detractor: m('贬损者', '貶損者', 'detractor'),
  'lik_very-likely': m('很大可能', '很大可能', 'very likely'),
  lik_possible: m('有可能', '有可能', 'possible'),
  lik_unlikely: m('不太可能', '不太可能', 'unlikely'),
  decisions: m('逐步回顾', '逐步回顧', 'Every decision'),
  decisionNumber: m('第 {n} 个回合', '第 {n} 個回合', 'Decision {n}'),
  customerLine: m('客户', '客戶', 'Customer'),
  shownAs: m(
    '（屏幕上的第 {position} 个回答）',
    '（畫面上的第 {position} 個回答）',
    '(answer {position} on screen)',
  ),
  correctTick: m('最佳回答', '最佳回答', 'best answer'),
  bestAnswer: m('最佳回答', '最佳回答', 'Best answer'),
  youChoseBest: m('你选了最佳回答', '你選了最佳回答', 'You chose the best answer'),
  why: m('为什么', '為什麼', 'Why'),
  principle: m('对应原则', '對應原則', 'Principle'),
  retry: m('再练一次', '再練一次', 'Try again'),
  customerReply: m('客户的反应', '客戶的反應', 'The customer reacts'),
  aboutPortraits: m(
    '头像：DiceBear「Open Peeps」（Pablo Stanley，CC0）',
    '頭像：DiceBear「Open Peeps」（Pablo Stanley，CC0）',
    'Portraits: DiceBear “Open Peeps” by Pablo Stanley (CC0)',
  ),
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof messages;
