import { m } from '../../lib/i18n-messages';

// Every visible string of the conversation view (trainee play screen and authoring preview alike).
export const conversationMessages = {
  // Before the customer's line, for screen readers: the colon belongs to the sentence.
  customerSays: m('{name}说：', '{name}說：', '{name} says: '),
  portraitLabel: m('{name}（{emotion}）', '{name}（{emotion}）', '{name} ({emotion})'),
  emotion_calm: m('平静', '平靜', 'calm'),
  emotion_pleased: m('满意', '滿意', 'pleased'),
  emotion_delighted: m('非常高兴', '非常高興', 'delighted'),
  emotion_worried: m('担心', '擔心', 'worried'),
  emotion_upset: m('不快', '不快', 'upset'),
  emotion_angry: m('生气', '生氣', 'angry'),
  answerHint: m(
    '选择你的回答（可按数字键 1–{n}）',
    '選擇你的回答（可按數字鍵 1–{n}）',
    'Choose your answer (or press 1–{n})',
  ),
  answerHintNoKeys: m('选择回答', '選擇回答', 'Choose an answer'),
  customerReply: m('客户的反应', '客戶的反應', 'The customer reacts'),
  youSaid: m('你说', '你說', 'You said'),
  silence: m('（你没有及时回应）', '（你沒有及時回應）', '(You did not answer in time)'),
  continue: m('继续', '繼續', 'Continue'),
  toEnding: m('看结局', '看結局', 'See the ending'),
  ending: m('结局', '結局', 'Ending'),
  seeDebrief: m('查看复盘', '查看複盤', 'See the debrief'),
  // The score figures of the contract's second edition (the watch panel states them).
  earned: m('得分 e', '得分 e', 'Earned e'),
  available: m('可得 A', '可得 A', 'On offer A'),
  reference: m('参照 R', '參照 R', 'Reference R'),
  overall: m('总分', '總分', 'Overall'),
  overallValue: m('{n}%', '{n}%', '{n}%'),
  notScored: m('不计分', '不計分', 'not scored'),
  pointsValue: m('{n} 分', '{n} 分', '{n} pts'),
} as const;

export type ConversationMessageKey = keyof typeof conversationMessages;
