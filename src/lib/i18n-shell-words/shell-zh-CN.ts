// The first screen's words in Simplified Chinese (zh-CN): the app's frame (header, footer, notices, the error and
// loading pages) and the library. Only the page language's module loads, before the first render
// (index.html's boot hint preloads it beside the entry); another when the UI switches to it.
// Every language has the same keys: this module names them (ShellKey).
import type { Text } from '../i18n-shell-messages';

export const words = {
  appName: 'MOT 关键时刻训练',
  language: '语言',
  theme: '主题',
  themeLight: '浅色',
  themeDark: '深色',
  themeContrast: '高对比度',
  skipToContent: '跳到主要内容',
  library: '情景练习',
  libraryIntro: '选择一个情景，和模拟客户走完关键时刻的五个步骤。',
  difficulty1: '入门',
  difficulty2: '进阶',
  difficulty3: '挑战',
  minutes: '约 {n} 分钟',
  stepsCovered: '涉及步骤',
  bestSoFar: '最佳成绩 {score}',
  notPlayed: '尚未练习',
  // `count` is the figure as written (en's plural follows the number `n`).
  attempts: '已练习 {count} 次',
  earlierRule: '旧评分规则',
  earlierRuleHint: '这次成绩按旧的评分规则计算，情景之后已修改，无法按新规则重新计分。',
  inProgress: '进行中',
  otherLanguage: '（{lang}版本）',
  play: '开始练习',
  // Hidden after the visible "Practise" or "Resume", so every card's link has its own name.
  drillName: '：{title}',
  exportHistory: '导出练习记录 (JSON)',
  noScenarios: '还没有可用的情景。把 YAML 文件放进 scenarios/ 文件夹即可。',
  drillUpdating: '这个练习正在更新',
  drillUpdatingHint: '它很快会回到列表里，其他练习照常可用。',
  loading: '加载中…',
  resume: '继续练习',
  noticeChanged: '这个情景在你上次练习后被修改了，之前的进度已另存，不再继续。',
  noticeCorrupt: '本机保存的数据无法读取（{what}），已另存备份并重新开始。',
  noticeNewer:
    '本机保存的数据（{what}）来自本应用的较新版本，这个版本无法读取：已原样另存，不会被覆盖。',
  noticeClassroomChanged: '课堂练习的情景文件已被修改或无法继续，这次练习已另存备份。',
  dismiss: '知道了',
  forTrainers: '培训师',
  toClassroom: '在课堂上用投影进行练习',
  toAuthor: '编写或修改情景',
  loadFailed: '这一页没能加载',
  loadFailedText: '可能是网络中断了。你的进度保存在本机，重新加载即可继续。',
  reload: '重新加载',
  rootError: '出了点问题',
  rootErrorText:
    '这一屏出错了。你保存在本机的练习记录和草稿都还在：可以重新加载，或先把本机数据导出为文件。',
  exportMyData: '导出我的数据',
  step_atmosphere: '营造氛围',
  step_analyze: '分析问题',
  step_resolve: '解决问题',
  step_summarize: '总结问题',
  'step_follow-up': '完善跟进',
  aboutPortraits: '头像：DiceBear「Open Peeps」（Pablo Stanley，CC0）',
  settingsLink: '设置（发送结果到 LRS）',
  // The library's name question, the "you" line under the cards, and the results link.
  nameQuestion: '你的名字',
  nameLabel: '你的名字（可选，会显示在证书和导出文件中）',
  nameHint: '只保存在这台设备上。不填也可以练习。',
  saveName: '保存名字',
  skipName: '跳过',
  cancel: '取消',
  you: '你',
  yourName: '名字：{name}',
  noName: '未填写名字',
  editName: '修改名字',
  addName: '填写名字',
  lmsName: '名字来自你的学习平台（LMS）。',
  toResults: '查看学员成绩',
} satisfies Record<string, Text>;

export type ShellKey = keyof typeof words;
