// The course's concept cards by name (issue 14: the validator knows them in every language).
import type { Principle } from './vocabulary';

/**
 * Each concept card's name in zh-CN, zh-TW and en: the one home of the names the app shows
 * (src/lib/principles.ts builds its cards from these) and the validator matches, in any language,
 * since a trainer may write the name they see.
 */
export const PRINCIPLE_NAMES: Record<Principle, readonly [string, string, string]> = {
  'primacy-effect': ['首因效应', '首因效應', 'Primacy effect'],
  'golden-rule': ['黄金定律', '黃金定律', 'Golden rule'],
  'platinum-rule': ['白金定律', '白金定律', 'Platinum rule'],
  iceberg: ['冰山理论', '冰山理論', 'The iceberg'],
  'need-levels': ['需求层次', '需求層次', 'Levels of need'],
  'listening-levels': ['聆听的层次', '聆聽的層次', 'Levels of listening'],
  'open-questions': ['有效提问', '有效提問', 'Effective questions'],
  empathy: ['同理心', '同理心', 'Empathy'],
  'green-needs': ['绿色需求', '綠色需求', 'Green needs'],
  'red-needs': ['红色需求', '紅色需求', 'Red needs'],
  ownership: ['主动担当', '主動擔當', 'Ownership'],
  summarize: ['总结确认', '總結確認', 'Summarise'],
  'keep-promises': ['遵守信诺', '遵守信諾', 'Keep promises'],
  'follow-up': ['完善跟进', '完善跟進', 'Follow up'],
  'tiered-management': ['客户分级管理', '客戶分級管理', 'Tiered customer management'],
};
