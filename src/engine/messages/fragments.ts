// Translated pieces that several messages share: hints, the kind of value found, condition
// parser details, what a translation differs in.
import { t3, type Texts } from './types';

export const FRAGMENTS = {
  'did-you-mean': t3('；是不是“{name}”？', '；是不是「{name}」？', '; did you mean "{name}"?'),
  'card-name': t3(
    '；是不是“{id}”？“{name}”是这张概念卡的名称，文件里要写它的 id',
    '；是不是「{id}」？「{name}」是這張概念卡的名稱，檔案裡要寫它的 id',
    '; did you mean "{id}"? "{name}" is the name of its card; the file names the id',
  ),
  where: t3('“{key}”：', '「{key}」：', '"{key}": '),
  'found.nothing': t3('空值', '空值', 'nothing'),
  'found.list': t3('列表', '清單', 'a list'),
  'found.mapping': t3('映射', '對映', 'a mapping'),
  'found.string': t3('字符串 {json}', '字串 {json}', 'the string {json}'),
  'found.number': t3('数字 {json}', '數字 {json}', 'the number {json}'),
  'found.boolean': t3('布尔值 {json}', '布林值 {json}', 'the boolean {json}'),
  'found.other': t3('{type} 值 {json}', '{type} 值 {json}', 'the {type} {json}'),
  'type.string': t3('字符串', '字串', 'string'),
  'type.number': t3('数字', '數字', 'number'),
  'type.boolean': t3('布尔值', '布林值', 'boolean'),
  'type.int': t3('整数', '整數', 'int'),
  'type.array': t3('列表', '清單', 'array'),
  'type.object': t3('映射', '對映', 'object'),
  'cond.empty': t3('条件是空的', '條件是空的', 'the condition is empty'),
  'cond.char': t3(
    '无法识别的字符“{char}”',
    '無法識別的字元「{char}」',
    'unexpected character "{char}"',
  ),
  'cond.trailing': t3(
    '多出了{token}；多个条件请用“and”或“or”连接',
    '多出了{token}；多個條件請用「and」或「or」連接',
    'unexpected {token}; join conditions with "and" or "or"',
  ),
  'cond.paren': t3(
    '应为“)”，但遇到{token}',
    '應為「)」，但遇到{token}',
    'expected ")" but found {token}',
  ),
  'cond.number': t3(
    '“{op}”后面应是整数，但遇到{token}',
    '「{op}」後面應是整數，但遇到{token}',
    'expected a whole number after "{op}" but found {token}',
  ),
  'cond.operand': t3(
    '应为指标比较或标记名，但遇到{token}',
    '應為指標比較或標記名，但遇到{token}',
    'expected a meter comparison or a flag name but found {token}',
  ),
  'cond.deep': t3(
    '“not”和括号最多嵌套 {max} 层',
    '「not」和括號最多巢狀 {max} 層',
    '"not" and parentheses nest at most {max} deep',
  ),
  'cond.terms': t3(
    '一个条件最多包含 {max} 个名称和比较',
    '一個條件最多包含 {max} 個名稱和比較',
    'a condition holds at most {max} names and comparisons',
  ),
  'token.end': t3('条件结尾', '條件結尾', 'the end of the condition'),
  'token.text': t3('“{text}”', '「{text}」', '"{text}"'),
  'drift.meters': t3('指标（meters）', '指標（meters）', 'meters'),
  'drift.start': t3('起点（start）', '起點（start）', 'start'),
  'drift.node': t3('节点“{id}”', '節點「{id}」', 'node "{id}"'),
  'drift.ending': t3('结局“{id}”', '結局「{id}」', 'ending "{id}"'),
  'drift.step': t3('节点“{id}”的 step', '節點「{id}」的 step', 'the step of node "{id}"'),
  'drift.order': t3('节点“{id}”的 order', '節點「{id}」的 order', 'the order of node "{id}"'),
  'drift.timeLimit': t3(
    '节点“{id}”的 timeLimit',
    '節點「{id}」的 timeLimit',
    'the timeLimit of node "{id}"',
  ),
  'drift.onTimeout': t3(
    '节点“{id}”的 onTimeout',
    '節點「{id}」的 onTimeout',
    'the onTimeout of node "{id}"',
  ),
  'drift.choices': t3(
    '节点“{id}”的选项数',
    '節點「{id}」的選項數',
    'the number of choices of node "{id}"',
  ),
  'drift.choice-key': t3(
    '节点“{id}”第 {n} 个选项（{choice}）的“{key}”',
    '節點「{id}」第 {n} 個選項（{choice}）的「{key}」',
    'the "{key}" of choice {n} ({choice}) in node "{id}"',
  ),
  // The schema's own explanations (schema.ts), shown after `"key": `.
  'zod.kebab': t3(
    '请用 kebab-case：小写字母、数字和“-”',
    '請用 kebab-case：小寫字母、數字和「-」',
    'use kebab-case: lower-case letters, digits and "-"',
  ),
  'zod.locale': t3(
    '请用 BCP 47 语言标记，例如 zh-CN 或 en',
    '請用 BCP 47 語言標記，例如 zh-CN 或 en',
    'use a BCP 47 tag such as zh-CN or en',
  ),
  'value.none': t3('无', '無', 'none'),
  'value.present': t3('存在', '存在', '"present"'),
} as const satisfies Record<string, Texts>;

export type FragmentKey = keyof typeof FRAGMENTS;

/** How list items are joined in each language. */
export const JOINS = {
  or: t3('或', '或', ' or '),
  comma: t3('、', '、', ', '),
} as const;
