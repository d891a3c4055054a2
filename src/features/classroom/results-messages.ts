import { m, plural } from '../../lib/i18n-messages';

/** The words of the scoreboard, the podium, the class debrief and the exports. */
export const resultsMessages = {
  scoreboard: m('目前积分', '目前積分', 'Points so far'),
  roomScore: m('全场积分', '全場積分', 'The room’s points'),
  rank: m('名次', '名次', 'Rank'),
  rankShort: m('第{n}名', '第{n}名', '#{n}'),
  rankN: m('第 {n} 名', '第 {n} 名', 'Place {n}'),
  tiedRank: m('第 {n} 名（并列）', '第 {n} 名（並列）', 'Place {n} (tied)'),
  /** A label before its value. */
  label: m('{label}：', '{label}：', '{label}:'),
  // e of A: `n` is the unformatted number on offer the plural follows; p and max come formatted.
  ptsOf: m(
    '{p} / {max} 分',
    '{p} / {max} 分',
    plural('n', { one: '{p} of {max} point', other: '{p} of {max} points' }),
  ),
  ptsShort: m(
    '{p}/{max} 分',
    '{p}/{max} 分',
    plural('n', { one: '{p}/{max} pt', other: '{p}/{max} pts' }),
  ),
  // R, stated only when R > A: what the team could still have reached from its first slip.
  reachable: m(
    '首次失分后最多可得 {r} 分',
    '首次失分後最多可得 {r} 分',
    'from its first slip, at most {r}',
  ),
  reachableShort: m('最多 {r}', '最多 {r}', 'at most {r}'),
  percent: m('{n}%', '{n}%', '{n}%'),
  notScored: m('未计分', '未計分', 'not scored'),
  nothingOnOffer: m('无可得分', '無可得分', 'nothing on offer'),
  noneYet: m('还没有作出任何决定。', '還沒有做出任何決定。', 'No decisions yet.'),
  results: m('课堂成绩', '課堂成績', 'Class results'),
  podium: m('颁奖台', '頒獎台', 'Podium'),
  roomResult: m('全场成绩', '全場成績', 'The room’s result'),
  overallOf: m('总分 {n}%', '總分 {n}%', 'Overall {n}%'),
  table: m('各组各步骤得分', '各組各步驟得分', 'Each team’s score per step'),
  team: m('小组', '小組', 'Team'),
  notReached: m('未到达', '未到達', 'not reached'),
  classPath: m('全班走过的路', '全班走過的路', 'The path the class took'),
  endingReached: m('到达的结局', '到達的結局', 'Ending reached'),
  moment: m('第 {n} 个关键时刻', '第 {n} 個關鍵時刻', 'Moment {n}'),
  roomChose: m('全场的选择', '全場的選擇', 'The room chose'),
  nobodyAnswered: m('没有人在时限内作答', '沒有人在時限內作答', 'Nobody answered in time'),
  tieBroken: m('平票，由讲师决定', '平票，由講師決定', 'A tie, broken by the facilitator'),
  votes: m('票数', '票數', 'Votes'),
  voteCount: m('{letter}：{n} 票', '{letter}：{n} 票', '{letter}: {n}'),
  roomGotBest: m('全场选了最佳回答', '全場選了最佳回答', 'The room chose the best answer'),
  exports: m('导出结果', '匯出結果', 'Export the results'),
  exportCsv: m('下载结果 (CSV)', '下載結果 (CSV)', 'Download results (CSV)'),
  exportJson: m('下载结果 (JSON)', '下載結果 (JSON)', 'Download results (JSON)'),
};
