import { m } from '../../lib/i18n-shell-messages';

/** The classroom setup screen's own words (scenario titles and summaries come from the catalog). */
export const setupMessages = {
  title: m('课堂练习', '課堂練習', 'Class drill'),
  intro: m(
    '在投影上和全班一起练习一个情景：各小组讨论并投票，全场一起走完客户的关键时刻。',
    '在投影上和全班一起練習一個情境：各小組討論並投票，全場一起走完客戶的關鍵時刻。',
    'Play one scenario with the whole class on a projector: teams discuss and vote, and the room walks the customer through the moments of truth together.',
  ),
  // The session that is already running
  runningTitle: m('有一个课堂练习正在进行', '有一個課堂練習正在進行', 'A class session is running'),
  runningWhat: m('{title}，阶段：{phase}', '{title}，階段：{phase}', '{title}, phase: {phase}'),
  resume: m('回到投影画面', '回到投影畫面', 'Back to the projector'),
  end: m('结束练习', '結束練習', 'End it'),
  confirmEnd: m(
    '结束正在进行的课堂练习？结束后无法继续。',
    '結束正在進行的課堂練習？結束後無法繼續。',
    'End the running class session? It cannot be continued afterwards.',
  ),
  confirmReplace: m(
    '已有一个课堂练习正在进行。开始新的练习会结束它，确定吗？',
    '已有一個課堂練習正在進行。開始新的練習會結束它，確定嗎？',
    'A class session is already running. Starting a new one ends it. Continue?',
  ),
  phase_briefing: m('简介', '簡介', 'briefing'),
  phase_vote: m('投票中', '投票中', 'voting'),
  phase_tie: m('平票待决', '平票待決', 'tie to break'),
  phase_reveal: m('揭晓', '揭曉', 'reveal'),
  phase_discuss: m('讨论与积分', '討論與積分', 'discussion and scores'),
  phase_ending: m('结局', '結局', 'ending'),
  phase_podium: m('颁奖台与复盘', '頒獎台與複盤', 'podium and debrief'),
  // Scenario and language
  scenario: m('情景', '情境', 'Scenario'),
  minutes: m('约 {n} 分钟', '約 {n} 分鐘', 'about {n} min'),
  fileLanguage: m(
    '暂无{lang}版本，将使用{file}版本',
    '暫無{lang}版本，將使用{file}版本',
    'No {lang} version yet: the {file} file is used',
  ),
  noScenarios: m('还没有可用的情景。', '還沒有可用的情境。', 'No scenarios are available yet.'),
  language: m('练习语言', '練習語言', 'Language of the session'),
  languageHint: m(
    '投影画面、讲师视图和情景都使用这种语言。',
    '投影畫面、講師視圖和情境都使用這種語言。',
    'The projector, the presenter view and the scenario use this language.',
  ),
  // Voting
  voting: m('谁来投票', '誰來投票', 'Who votes'),
  votingHint: m(
    '学员用手机扫描投影上的二维码加入；键盘模式由讲师按键登记各组投票。',
    '學員用手機掃描投影上的 QR 碼加入；鍵盤模式由講師按鍵登記各組投票。',
    'Trainees join by scanning the QR code on the projector; in keyboard mode the facilitator keys in each vote.',
  ),
  // Next to each phone option when this page's server has no relay.
  votingNoRelay: m(
    '需要课堂服务器：用 npm run classroom 启动',
    '需要課堂伺服器：用 npm run classroom 啟動',
    'Needs the classroom server: start with npm run classroom',
  ),
  'voting_phones-team': m(
    '手机按小组投票：小组按多数决定，平票时请小组统一',
    '手機按小組投票：小組按多數決定，平票時請小組統一',
    "Phones, per team: a team's pick is its phones' majority; a split team is asked to agree",
  ),
  'voting_phones-each': m(
    '手机每人一票：全场按多数决定，只显示分布，不公开排名',
    '手機每人一票：全場按多數決定，只顯示分布，不公開排名',
    'Phones, one vote each: the room follows the majority; only the spread is shown, no ranking',
  ),
  voting_keys: m(
    '键盘：讲师登记投票（无需服务器）',
    '鍵盤：講師登記投票（無需伺服器）',
    'Keyboard: the facilitator keys in votes (no server needed)',
  ),
  rule: m('按键投票怎么算', '按鍵投票怎麼算', 'How keyed votes count'),
  rule_majority: m(
    '每个小组一票；全班按多数决定；平票由讲师决定',
    '每個小組一票；全班按多數決定；平票由講師決定',
    'One vote per team; the class follows the majority; the facilitator breaks ties',
  ),
  rule_room: m(
    '全场只投一票（不分小组）',
    '全場只投一票（不分小組）',
    'One vote for the whole room (no teams)',
  ),
  // Teams
  teams: m('小组', '小組', 'Teams'),
  teamsHint: m(
    '2 到 8 个小组。小组编号就是讲师登记该组投票时按的数字键。',
    '2 到 8 個小組。小組編號就是講師登記該組投票時按的數字鍵。',
    '2 to 8 teams. A team’s number is the key the facilitator presses to record its vote.',
  ),
  teamsUnused: m(
    '全场只投一票或手机每人一票时不分小组。',
    '全場只投一票或手機每人一票時不分小組。',
    'With one vote for the whole room, or one phone vote each, teams are not used.',
  ),
  teamDefault: m('第 {n} 组', '第 {n} 組', 'Team {n}'),
  nameOf: m('第 {n} 组的名称', '第 {n} 組的名稱', 'Name of team {n}'),
  lookOf: m('第 {n} 组的颜色和图案', '第 {n} 組的顏色和圖案', 'Colour and pattern of team {n}'),
  addTeam: m('添加小组', '新增小組', 'Add team'),
  remove: m('删除', '刪除', 'Remove'),
  removeTeam: m('删除第 {n} 组', '刪除第 {n} 組', 'Remove team {n}'),
  look: m('{colour}，{pattern}', '{colour}，{pattern}', '{colour}, {pattern}'),
  colour0: m('橙色', '橙色', 'Orange'),
  colour1: m('天蓝色', '天藍色', 'Sky blue'),
  colour2: m('蓝绿色', '藍綠色', 'Bluish green'),
  colour3: m('蓝色', '藍色', 'Blue'),
  colour4: m('紫红色', '紫紅色', 'Reddish purple'),
  colour5: m('朱红色', '朱紅色', 'Vermilion'),
  colour6: m('黄色', '黃色', 'Yellow'),
  colour7: m('灰色', '灰色', 'Grey'),
  pattern_solid: m('纯色', '純色', 'plain'),
  pattern_stripes: m('条纹', '條紋', 'stripes'),
  pattern_dots: m('圆点', '圓點', 'dots'),
  pattern_grid: m('方格', '方格', 'grid'),
  pattern_diagonal: m('斜线', '斜線', 'diagonal lines'),
  pattern_checks: m('棋盘格', '棋盤格', 'checks'),
  pattern_waves: m('波浪', '波浪', 'waves'),
  pattern_cross: m('交叉线', '交叉線', 'crosses'),
  // Timer and theme
  timer: m('决策计时', '決策計時', 'Decision timer'),
  timerHint: m(
    '每个关键时刻留给小组讨论的时间。讲师视图中按 T 可以开始或暂停计时。',
    '每個關鍵時刻留給小組討論的時間。講師視圖中按 T 可以開始或暫停計時。',
    'The time teams have for each decision. In the presenter view, T starts or pauses the clock.',
  ),
  timerOff: m('不计时', '不計時', 'Off'),
  seconds: m('{n} 秒', '{n} 秒', '{n} s'),
  theme: m('投影主题', '投影主題', 'Projector theme'),
  theme_contrast: m(
    '高对比度（推荐用于投影）',
    '高對比（建議用於投影）',
    'High contrast (recommended for projectors)',
  ),
  theme_light: m('浅色', '淺色', 'Light'),
  theme_dark: m('深色', '深色', 'Dark'),
  // How it plays, and the start
  howTitle: m('课堂怎么进行', '課堂怎麼進行', 'How a class plays'),
  how: m(
    '每到一个关键时刻，各小组先讨论再决定回答。讲师在讲师视图里登记每组的投票：先按小组编号，再按选项字母。揭晓后全场看到大家的选择和客户的反应，接着简短讨论；练习结束时，颁奖台显示各组得分。',
    '每到一個關鍵時刻，各小組先討論再決定回答。講師在講師視圖裡登記每組的投票：先按小組編號，再按選項字母。揭曉後全場看到大家的選擇和客戶的反應，接著簡短討論；練習結束時，頒獎台顯示各組得分。',
    'At each moment the teams discuss and agree on an answer. In the presenter view the facilitator records each team’s vote: the team’s number, then the letter of its choice. The reveal shows the room’s choice and the customer’s reaction, then a short discussion follows; at the end, a podium shows every team’s score.',
  ),
  howPhones: m(
    '开始后，投影上会显示二维码和房间代码，学员用手机加入。每到一个关键时刻，大家在手机上投票，讲师在讲师视图里揭晓；揭晓后全场看到大家的选择和客户的反应，接着简短讨论；练习结束时显示得分。',
    '開始後，投影上會顯示 QR 碼和房間代碼，學員用手機加入。每到一個關鍵時刻，大家在手機上投票，講師在講師視圖裡揭曉；揭曉後全場看到大家的選擇和客戶的反應，接著簡短討論；練習結束時顯示得分。',
    'Once started, the projector shows a QR code and a room code for the trainees’ phones. At each moment everyone votes on their phone and the facilitator reveals from the presenter view; the room sees the choice and the customer’s reaction, a short discussion follows, and the scores come at the end.',
  ),
  startHint: m(
    '投影画面会在本窗口打开，讲师视图可以从投影画面再打开。',
    '投影畫面會在本視窗開啟，講師視圖可以從投影畫面再開啟。',
    'The projector opens in this window; open the presenter view from there.',
  ),
  start: m('在投影上开始', '在投影上開始', 'Start on the projector'),
};
