import { PRINCIPLE_NAMES } from '../engine/principle-names';
import type { Principle } from '../engine/vocabulary';
import type { UiLocale } from './i18n-messages';

type Card = { name: string; idea: string };
type Cards = Record<UiLocale, Card>;
type Idea = { idea: string };
/** A card in the three languages: its names from the engine's list, its ideas written here. */
const c = (id: Principle, zhCN: Idea, zhTW: Idea, en: Idea): Cards => {
  const [nameZhCN, nameZhTW, nameEn] = PRINCIPLE_NAMES[id];
  return {
    'zh-CN': { name: nameZhCN, ...zhCN },
    'zh-TW': { name: nameZhTW, ...zhTW },
    en: { name: nameEn, ...en },
  };
};

/** The course's concept cards that choices cite; the debrief and feedback link to them. */
export const PRINCIPLE_CARDS: Record<Principle, Cards> = {
  'primacy-effect': c(
    'primacy-effect',
    { idea: '最初几秒形成的印象最难改变：先照顾情绪与态度，再谈事情。' },
    { idea: '最初幾秒形成的印象最難改變：先照顧情緒與態度，再談事情。' },
    {
      idea: 'The impression of the first seconds is the hardest to change: attend to feelings and attitude before facts.',
    },
  ),
  'golden-rule': c(
    'golden-rule',
    { idea: '像你希望被对待那样对待客户——是起点，但还不够。' },
    { idea: '像你希望被對待那樣對待客戶——是起點，但還不夠。' },
    {
      idea: 'Treat customers as you would want to be treated: a start, but not enough.',
    },
  ),
  'platinum-rule': c(
    'platinum-rule',
    { idea: '按客户自己希望的方式对待他：先弄清对方想要什么。' },
    { idea: '按客戶自己希望的方式對待他：先弄清對方想要什麼。' },
    {
      idea: 'Treat customers the way they want to be treated: find out what that is first.',
    },
  ),
  iceberg: c(
    'iceberg',
    { idea: '客户说出的要求只是冰山一角，水面下是真正的需要与担忧。' },
    { idea: '客戶說出的要求只是冰山一角，水面下是真正的需要與擔憂。' },
    {
      idea: 'The stated demand is the tip; the real need and worry lie under water.',
    },
  ),
  'need-levels': c(
    'need-levels',
    { idea: '客户同时有安全、被尊重等不同层次的需要，满足得越深，忠诚越稳。' },
    { idea: '客戶同時有安全、被尊重等不同層次的需要，滿足得越深，忠誠越穩。' },
    {
      idea: 'Customers need safety, respect and more at once; the deeper you meet them, the steadier the loyalty.',
    },
  ),
  'listening-levels': c(
    'listening-levels',
    {
      idea: '从忽视、假装、选择性听，到专注与同理心倾听：只有后两者让客户觉得被听见。',
    },
    {
      idea: '從忽視、假裝、選擇性聽，到專注與同理心傾聽：只有後兩者讓客戶覺得被聽見。',
    },
    {
      idea: 'Ignoring, pretending, selective, attentive, empathetic: only the last two make customers feel heard.',
    },
  ),
  'open-questions': c(
    'open-questions',
    {
      idea: '用开放式问题打开话题，用确认式问题核对理解，少用只能答“是/否”的问题。',
    },
    {
      idea: '用開放式問題打開話題，用確認式問題核對理解，少用只能答「是/否」的問題。',
    },
    {
      idea: 'Open questions to explore, confirming questions to check; few yes/no questions.',
    },
  ),
  empathy: c(
    'empathy',
    { idea: '先回应感受，再处理事实：让客户知道你理解他的处境。' },
    { idea: '先回應感受，再處理事實：讓客戶知道你理解他的處境。' },
    {
      idea: 'Answer the feeling before the facts, so the customer knows you understand.',
    },
  ),
  'green-needs': c(
    'green-needs',
    { idea: '能满足的需求：快速、完整地满足，不打折扣。' },
    { idea: '能滿足的需求：快速、完整地滿足，不打折扣。' },
    { idea: 'Needs you can meet: meet them fast and fully.' },
  ),
  'red-needs': c(
    'red-needs',
    {
      idea: '无法照办的需求：认同感受、说明原因、提供替代方案，绝不只说“不行”。',
    },
    {
      idea: '無法照辦的需求：認同感受、說明原因、提供替代方案，絕不只說「不行」。',
    },
    {
      idea: 'Needs you cannot meet as asked: acknowledge, explain why, offer an alternative; never a bare “no”.',
    },
  ),
  ownership: c(
    'ownership',
    { idea: '把问题当成自己的问题：不推给别的部门，由你负责到底。' },
    { idea: '把問題當成自己的問題：不推給別的部門，由你負責到底。' },
    {
      idea: 'Make the problem yours: no passing it to another department; see it through.',
    },
  ),
  summarize: c(
    'summarize',
    { idea: '复述达成的共识、确认客户满意并致谢：内容和顺序都重要。' },
    { idea: '複述達成的共識、確認客戶滿意並致謝：內容和順序都重要。' },
    {
      idea: 'Restate what was agreed, confirm satisfaction, thank them: content and order matter.',
    },
  ),
  'keep-promises': c(
    'keep-promises',
    { idea: '只承诺做得到的事，并按时兑现；失信比拒绝更伤信任。' },
    { idea: '只承諾做得到的事，並按時兌現；失信比拒絕更傷信任。' },
    {
      idea: 'Promise only what you can deliver, on time; a broken promise hurts more than a refusal.',
    },
  ),
  'follow-up': c(
    'follow-up',
    { idea: '事后主动回访，确认问题真正解决，把一次服务变成长期关系。' },
    { idea: '事後主動回訪，確認問題真正解決，把一次服務變成長期關係。' },
    {
      idea: 'Call back unasked to make sure it is really solved: turn one service into a relationship.',
    },
  ),
  'tiered-management': c(
    'tiered-management',
    { idea: '按客户价值与需要分级经营，重点客户配专人、定期沟通。' },
    { idea: '按客戶價值與需要分級經營，重點客戶配專人、定期溝通。' },
    {
      idea: 'Manage customers by value and need: key accounts get a named contact and regular check-ins.',
    },
  ),
};

export function principleCard(p: Principle, locale: UiLocale): Card {
  return PRINCIPLE_CARDS[p][locale];
}
