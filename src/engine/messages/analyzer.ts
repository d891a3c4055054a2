// Every message of the analyser (analyze-rules/*, analyze-allow.ts), by rule id and message key.
import { t3, type RuleMessages } from './types';

export const ANALYZER_MESSAGES = {
  'weak-answer-no-consequence': {
    default: t3(
      '节点“{node}”的弱回答“{choice}”（{score} 分，此处最高 {best} 分）仍能走到最高分路线的结局“{ending}”：{path}',
      '節點「{node}」的弱回答「{choice}」（{score} 分，此處最高 {best} 分）仍能走到最高分路線的結局「{ending}」：{path}',
      'poor answer "{choice}" of node "{node}" (score {score}, best here {best}) can still reach "{ending}", an ending of a top-scoring play-through: {path}',
    ),
  },
  'flag-never-read': {
    default: t3(
      '标记“{flag}”被设置（{places}），但没有任何条件读取它',
      '標記「{flag}」被設定（{places}），但沒有任何條件讀取它',
      'flag "{flag}" is set ({places}) but no condition reads it',
    ),
  },
  'best-is-longest': {
    default: t3(
      '{of} 个时刻中有 {count} 个的最佳回答也是最长的回答，学员会学到“挑最长的”：{nodes}',
      '{of} 個時刻中有 {count} 個的最佳回答也是最長的回答，學員會學到「挑最長的」：{nodes}',
      'in {count} of {of} moments the best answer is also the longest, so trainees can learn to "pick the longest": {nodes}',
    ),
  },
  'best-path-skips-step': {
    default: t3(
      '一条最高分路线（{points} 分）跳过了步骤“{step}”',
      '一條最高分路線（{points} 分）跳過了步驟「{step}」',
      'a top-scoring play-through ({points} points) skips the step "{step}"',
    ),
  },
  'never-best': {
    default: t3(
      '节点“{node}”的选项“{choice}”（{score} 分）在出现的任何地方都不是最佳选择',
      '節點「{node}」的選項「{choice}」（{score} 分）在出現的任何地方都不是最佳選擇',
      'choice "{choice}" (score {score}) of node "{node}" is never the best move anywhere it appears',
    ),
  },
  /** Problems with `# analyze-allow:` comments; the message key is the problem's kind. */
  'analyze-allow': {
    malformed: t3(
      '请写成“{form}”：规则 id、破折号和原因',
      '請寫成「{form}」：規則 id、破折號和原因',
      'write "{form}": a rule id, a dash and the reason',
    ),
    'unknown-rule': t3(
      '“{rule}”不是分析规则的 id',
      '「{rule}」不是分析規則的 id',
      '"{rule}" is not an analyser rule id',
    ),
    unused: t3(
      '这条注释允许“{rule}”，但下一行并没有这条警告',
      '這條註解允許「{rule}」，但下一行並沒有這條警告',
      'this comment allows "{rule}", but no such warning belongs to the line below it',
    ),
  },
} as const satisfies Record<string, RuleMessages>;
