import { m } from '../../lib/i18n-shell-messages';

/** The phone's own words (the customer's line and the choices come from the presenter's state). */
export const joinMessages = {
  title: m('课堂投票', '課堂投票', 'Class vote'),
  room: m('房间 {code}', '房間 {code}', 'Room {code}'),
  connecting: m('正在连接…', '正在連線…', 'Connecting…'),
  offline: m(
    '连接中断，正在重新连接。你的投票会在恢复后自动送达。',
    '連線中斷，正在重新連線。你的投票會在恢復後自動送達。',
    'Connection lost, reconnecting. Your vote is sent as soon as it is back.',
  ),
  waitingAdmit: m(
    '请稍候：讲师确认后即可加入。',
    '請稍候：講師確認後即可加入。',
    'Please wait: the facilitator lets you in.',
  ),
  noRoom: m(
    '找不到这个房间。请检查房间码，或扫描投影上的二维码。',
    '找不到這個房間。請檢查房間碼，或掃描投影上的 QR 碼。',
    'This room was not found. Check the code, or scan the QR code on the projector.',
  ),
  waitingState: m(
    '已加入，等待讲师开始…',
    '已加入，等待講師開始…',
    'Joined. Waiting for the facilitator…',
  ),
  pickTeam: m('你在哪个小组？', '你在哪個小組？', 'Which team are you in?'),
  yourName: m('你的名字', '你的名字', 'Your name'),
  nameHint: m(
    '只有你的手机会显示你的得分，不会公开排名。',
    '只有你的手機會顯示你的得分，不會公開排名。',
    'Only your phone shows your score: there is no public ranking.',
  ),
  joinAs: m('加入', '加入', 'Join'),
  yourTeam: m('小组：{team}', '小組：{team}', 'Team: {team}'),
  changeTeam: m('换小组', '換小組', 'Change team'),
  briefing: m(
    '准备好：第一个时刻马上开始。',
    '準備好：第一個時刻馬上開始。',
    'Get ready: the first moment is coming.',
  ),
  choose: m('选择你的回答', '選擇你的回答', 'Choose your answer'),
  sending: m('正在发送…', '正在傳送…', 'Sending…'),
  voted: m(
    '已投票：{letter}。揭晓前可以更改。',
    '已投票：{letter}。揭曉前可以更改。',
    'Voted {letter}. You can change it until the reveal.',
  ),
  tie: m(
    '你们小组意见不一：请商量后统一选一个。',
    '你們小組意見不一：請商量後統一選一個。',
    'Your team is split: agree on one.',
  ),
  roomTie: m('平票：由讲师决定。', '平票：由講師決定。', 'A tie: the facilitator decides.'),
  refused: m(
    '投票已结束：这一票没有计入。',
    '投票已結束：這一票沒有計入。',
    'Voting is closed: this vote was not counted.',
  ),
  revealed: m(
    '全场选择了 {letter}：{text}',
    '全場選擇了 {letter}：{text}',
    'The room chose {letter}: {text}',
  ),
  timedOut: m('时间到，没有选择。', '時間到，沒有選擇。', 'Time ran out: no choice was made.'),
  watch: m('请看投影。', '請看投影。', 'Watch the projector.'),
  ended: m('练习结束，谢谢参与！', '練習結束，謝謝參與！', 'The drill is over. Thank you!'),
  yourScore: m('你的得分：{score}%', '你的得分：{score}%', 'Your score: {score}%'),
  noScore: m('这次没有可计的分数。', '這次沒有可計的分數。', 'No score this time.'),
};
