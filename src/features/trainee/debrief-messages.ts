import { m, plural } from '../../lib/i18n-messages';

/**
 * The words only the run's end uses (the debrief, its decisions, the certificate): they load with that
 * code, after the first moment, not with the interface's words (i18n-messages/ui-<locale>.ts).
 */
export const debriefMessages = {
  debrief: m('练习复盘', '練習複盤', 'Debrief'),
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
  // The verdict's words for the chance of buying again.
  'verdictRep_above-70': m('很可能再次光顾', '很可能再次光顧', 'likely to come back'),
  'verdictRep_30-70': m('可能再来也可能流失', '可能再來也可能流失', 'may or may not come back'),
  'verdictRep_below-30': m('多半不会再来', '多半不會再來', 'unlikely to come back'),
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
  // As `points`, for figures already formatted: `n` is the unformatted number on offer the plural follows.
  pointsOf: m(
    '{p} / {max} 分',
    '{p} / {max} 分',
    plural('n', { one: '{p} of {max} point', other: '{p} of {max} points' }),
  ),
  stepScores: m('各步骤得分', '各步驟得分', 'Score per step'),
  stepFigures: m('{earned}/{available}', '{earned}/{available}', '{earned}/{available}'),
  stepPercent: m('{score}%', '{score}%', '{score}%'),
  notReached: m('未到达', '未到達', 'not reached'),
  nothingOnOffer: m('无可得分', '無可得分', 'nothing on offer'),
  decisionNumber: m('第 {n} 个回合', '第 {n} 個回合', 'Decision {n}'),
  shownAs: m(
    '（屏幕上的第 {position} 个回答）',
    '（畫面上的第 {position} 個回答）',
    '(answer {position} on screen)',
  ),
  correctTick: m('最佳回答', '最佳回答', 'best answer'),
  youChoseBest: m('你选了最佳回答', '你選了最佳回答', 'You chose the best answer'),
  retry: m('再练一次', '再練一次', 'Try again'),
};

export type DebriefKey = keyof typeof debriefMessages;
