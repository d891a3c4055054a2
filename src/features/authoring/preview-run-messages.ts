import { m } from '../../lib/i18n-messages';

// The preview run's start state and clock, in the three UI languages: they load with the run.
export const previewRunMessages = {
  startState: m('起始状态', '起始狀態', 'Start state'),
  startStateHint: m(
    '试玩从所选节点开始时的指标与标记。',
    '試玩從所選節點開始時的指標與標記。',
    'The meters and flags the preview starts with at the chosen node.',
  ),
  noFlagsKnown: m('本情景没有标记。', '本情境沒有標記。', 'This scenario sets no flags.'),
  resetStart: m('恢复开场值', '恢復開場值', 'Opening values'),
  takeState: m(
    '用这一步之后的指标与标记作为起始状态',
    '用這一步之後的指標與標記作為起始狀態',
    'Start with the meters and flags after this move',
  ),
  takeNow: m(
    '用当前指标与标记作为起始状态',
    '用目前指標與標記作為起始狀態',
    'Start with the meters and flags now',
  ),
  clockRuns: m('计时器运行', '計時器運行', 'Run the clock'),
  clockPaused: m(
    '限时 {n} 秒，计时已暂停',
    '限時 {n} 秒，計時已暫停',
    'Timed, {n} s: the clock is paused',
  ),
  timeUp: m('让时间用完', '讓時間用完', 'Let the time run out'),
};
