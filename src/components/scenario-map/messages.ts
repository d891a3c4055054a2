import { m } from '../../lib/i18n-messages';

/** The scenario map's own strings. */
export const mapMessages = {
  map: m('情景流程图', '情境流程圖', 'Scenario map'),
  mapHint: m(
    '拖动或用方向键平移，滚轮或 +/− 缩放；Tab 或方向键在节点间移动，按 Enter 选择节点。',
    '拖曳或用方向鍵平移，滾輪或 +/− 縮放；Tab 或方向鍵在節點間移動，按 Enter 選擇節點。',
    'Drag or use the arrow keys to pan, the wheel or +/− to zoom; Tab or the arrow keys move between moments, Enter selects one.',
  ),
  zoomIn: m('放大', '放大', 'Zoom in'),
  zoomOut: m('缩小', '縮小', 'Zoom out'),
  fit: m('适应窗口', '符合視窗', 'Fit'),
  ending: m('结局', '結局', 'Ending'),
  start: m('起点', '起點', 'Start'),
  timeout: m('超时', '逾時', 'timeout'),
  nodeLabel: m('{id}，{step}：{line}', '{id}，{step}：{line}', '{id}, {step}: {line}'),
  endingLabel: m('结局：{title}（{id}）', '結局：{title}（{id}）', 'Ending: {title} ({id})'),
  edgeTitle: m('{from} → {to}：{moves}', '{from} → {to}：{moves}', '{from} → {to}: {moves}'),
  moveScore: m('{choice}（{score} 分）', '{choice}（{score} 分）', '{choice} (score {score})'),
  moveTimeout: m('超时未回应', '逾時未回應', 'no answer in time'),
  moveIf: m('当 {cond}', '當 {cond}', 'if {cond}'),
  taken: m('{n} 次', '{n} 次', '{n}×'),
  legend: m('图例', '圖例', 'Legend'),
  legendScore: m(
    '连线上的数字：该回答的得分',
    '連線上的數字：該回答的得分',
    'Numbers on arrows: the answer’s score',
  ),
  legendTimeout: m('超时未回应', '逾時未回應', 'no answer in time'),
  legendDashed: m('虚线：有条件的分支', '虛線：有條件的分支', 'Dashed: a conditional branch'),
};
