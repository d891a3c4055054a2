// The texts of `npm run validate` and `npm run analyze` around the findings, in the three
// languages. The findings' own messages come from the engine's catalogue (src/engine/messages/).
// Machine-read words stay English in every language: "error", "warning", "note", the rule ids.
import { t3 } from '../engine/messages';

export const CLI_MESSAGES = {
  notFound: t3('没有这个文件或文件夹', '沒有這個檔案或資料夾', 'no such file or folder'),
  validateSummary: t3(
    'validate：{files} 个文件，{errors} 个错误，{warnings} 个警告',
    'validate：{files} 個檔案，{errors} 個錯誤，{warnings} 個警告',
    'validate: files {files}, errors {errors}, warnings {warnings}',
  ),
  analyzeUsage: t3(
    '用法：npm run analyze -- <文件.yaml> [更多文件] [--json] [--lang zh-CN|zh-TW|en]',
    '用法：npm run analyze -- <檔案.yaml> [更多檔案] [--json] [--lang zh-CN|zh-TW|en]',
    'usage: npm run analyze -- <file.yaml> [more files] [--json]',
  ),
  cannotRead: t3('无法读取这个文件', '無法讀取這個檔案', 'cannot read this file'),
  notAnalysed: t3(
    '{file}：未分析：请先修正上面的错误（npm run validate -- {file}）',
    '{file}：未分析：請先修正上面的錯誤（npm run validate -- {file}）',
    '{file}: not analysed: fix the errors above first (npm run validate -- {file})',
  ),
  header: t3(
    '{file}（{id}，{locale}，{nodes} 个节点{bounds}{ranges}）',
    '{file}（{id}，{locale}，{nodes} 個節點{bounds}{ranges}）',
    '{file}  ({id}, {locale}, {nodes} nodes{bounds}{ranges})',
  ),
  upperBounds: t3(
    '，已忽略条件：数字为上限',
    '，已忽略條件：數字為上限',
    ', conditions ignored: upper bounds',
  ),
  inexactRanges: t3(
    '；图太大，无法精确计算分数范围：每个范围的两端各是一条真实路线，落在真实范围之内',
    '；圖太大，無法精確計算分數範圍：每個範圍的兩端各是一條真實路線，落在真實範圍之內',
    '; graph too large for exact score ranges: each range is one real play-through at each end, inside the true range',
  ),
  playThroughs: t3('  路线总数  {n}', '  路線總數  {n}', '  play-throughs  {n}'),
  bestTotal: t3('  最高总分  {n} 分', '  最高總分  {n} 分', '  best total     {n} points'),
  bestPath: t3('  最高分路线  {path}', '  最高分路線  {path}', '  best path      {path}'),
  endings: t3('  结局', '  結局', '  endings'),
  reachable: t3(
    '    {id} 可到达   总分 {min}–{max}   {plays}',
    '    {id} 可到達   總分 {min}–{max}   {plays}',
    '    {id} reachable   overall {min}–{max}   {plays}',
  ),
  playsOne: t3('{n} 条路线', '{n} 條路線', '{n} play-through'),
  playsMany: t3('{n} 条路线', '{n} 條路線', '{n} play-throughs'),
  lowest: t3('最低', '最低', 'lowest '),
  highest: t3('最高', '最高', 'highest'),
  extreme: t3(
    '      {label} {overall}  {path}（得 {earned} 分，可得 {available} 分，参考分 {reference}）',
    '      {label} {overall}  {path}（得 {earned} 分，可得 {available} 分，參考分 {reference}）',
    '      {label} {overall}  {path}  (earned {earned} of {available} on offer, reference {reference})',
  ),
  notScored: t3('不计分', '不計分', 'not scored'),
  unreachable: t3('    {id} 无法到达', '    {id} 無法到達', '    {id} UNREACHABLE'),
  stepMax: t3('  每个步骤的最高得分', '  每個步驟的最高得分', '  most points per step'),
  warnings: t3('  警告：{n}{allowed}', '  警告：{n}{allowed}', '  warnings: {n}{allowed}'),
  none: t3('无', '無', 'none'),
  allowedCount: t3('，已允许：{n}', '，已允許：{n}', ', allowed: {n}'),
  allowed: t3('已允许：{reason}', '已允許：{reason}', 'allowed: {reason}'),
  info: t3(
    '  提示（never-best）：有 {n} 个选项在出现的任何地方都不是最佳选择（错误答案本该如此；请检查其中有没有你本想作为好答案的）',
    '  提示（never-best）：有 {n} 個選項在出現的任何地方都不是最佳選擇（錯誤答案本該如此；請檢查其中有沒有你本想作為好答案的）',
    '  information (never-best): choices never the best move anywhere they appear: {n} (expected of wrong answers; check any you meant as a good answer)',
  ),
} as const;
