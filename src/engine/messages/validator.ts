// Every message of the validator (validate.ts, schema-issues.ts, translations.ts), by rule id and
// message key. The English text is the one the validator has always printed; the fixtures pin it.
import { t3, type RuleMessages } from './types';

export const VALIDATOR_MESSAGES = {
  yaml: {
    parse: t3('YAML 语法错误：{detail}', 'YAML 語法錯誤：{detail}', '{detail}'),
    'unknown-alias': t3(
      '别名“*{name}”之前没有设置锚点“&{name}”；请直接写出这个值（情景文件用不到锚点和别名）',
      '別名「*{name}」之前沒有設定錨點「&{name}」；請直接寫出這個值（情境檔案用不到錨點和別名）',
      'alias "*{name}" has no anchor "&{name}" set before it; write the value itself (scenario files need no anchors or aliases)',
    ),
    aliases: t3(
      '别名超过 {max} 个，或者别名展开得太多；请直接写出这些值（情景文件用不到锚点和别名）',
      '別名超過 {max} 個，或者別名展開得太多；請直接寫出這些值（情境檔案用不到錨點和別名）',
      'more than {max} aliases, or aliases that expand too far; write the values themselves (scenario files need no anchors or aliases)',
    ),
  },
  'too-large': {
    bytes: t3(
      '文件有 {size} MB，超过上限 {max} MB；请把情景拆成几个较小的文件',
      '檔案有 {size} MB，超過上限 {max} MB；請把情境拆成幾個較小的檔案',
      'this file is {size} MB, over the limit of {max} MB; split the scenario into smaller ones',
    ),
    nodes: t3(
      '情景有 {n} 个节点，超过上限 {max} 个；请把情景拆成几个较小的文件',
      '情境有 {n} 個節點，超過上限 {max} 個；請把情境拆成幾個較小的檔案',
      'this scenario has {n} nodes, over the limit of {max}; split it into smaller ones',
    ),
  },
  truncated: {
    default: t3(
      '还有 {n} 个问题未列出（只列出前 {shown} 个）；请先修正上面的问题',
      '還有 {n} 個問題未列出（只列出前 {shown} 個）；請先修正上面的問題',
      'and {n} more problems not listed (only the first {shown} are); fix the ones above first',
    ),
  },
  'internal-error': {
    default: t3(
      '验证器在这个文件上出错了（{detail}）；这是验证器的问题，不是你的文件的问题：请连同文件一起报告',
      '驗證器在這個檔案上出錯了（{detail}）；這是驗證器的問題，不是你的檔案的問題：請連同檔案一起回報',
      'the validator failed on this file ({detail}); this is a fault of the validator, not of the file: please report it with the file',
    ),
  },
  'duplicate-id': {
    'node-twice': t3(
      '节点 id“{name}”在同一个映射中出现了两次；id 必须唯一',
      '節點 id「{name}」在同一個對映中出現了兩次；id 必須唯一',
      'node id "{name}" appears twice in the same mapping; each must be unique',
    ),
    'ending-twice': t3(
      '结局 id“{name}”在同一个映射中出现了两次；id 必须唯一',
      '結局 id「{name}」在同一個對映中出現了兩次；id 必須唯一',
      'ending id "{name}" appears twice in the same mapping; each must be unique',
    ),
    'key-twice': t3(
      '键“{name}”在同一个映射中出现了两次；每个键只能出现一次',
      '鍵「{name}」在同一個對映中出現了兩次；每個鍵只能出現一次',
      'key "{name}" appears twice in the same mapping; each must be unique',
    ),
    'indent-slip': t3(
      '“{name}”没有值，它后面的键（{keys}）与“{parent}”已有的键重复：请检查缩进；如果“{name}”应与“{parent}”并列，请让它与“{parent}”从同一列开始',
      '「{name}」沒有值，它後面的鍵（{keys}）與「{parent}」已有的鍵重複：請檢查縮排；如果「{name}」應與「{parent}」並列，請讓它與「{parent}」從同一欄開始',
      '"{name}" has no value, and the keys after it ({keys}) repeat keys of "{parent}": check the indentation; if "{name}" should stand beside "{parent}", start it at the same column',
    ),
    'ending-is-node': t3(
      '结局“{id}”与某个节点同名；请把其中一个改名',
      '結局「{id}」與某個節點同名；請把其中一個改名',
      'ending "{id}" has the same id as a node; rename one of them',
    ),
    'choice-id': t3(
      '选项 id“{id}”已被节点“{node}”的第 {n} 个选项使用',
      '選項 id「{id}」已被節點「{node}」的第 {n} 個選項使用',
      'choice id "{id}" is already used by choice {n} of node "{node}"',
    ),
    locale: t3(
      '{prev} 已是 id“{id}”的“{locale}”版本；同一语言只能有一个文件',
      '{prev} 已是 id「{id}」的「{locale}」版本；同一語言只能有一個檔案',
      '{prev} already has id "{id}" in locale "{locale}"',
    ),
  },
  type: {
    'not-mapping': t3(
      '情景文件应是由 format、id、title、nodes 等键组成的映射',
      '情境檔案應是由 format、id、title、nodes 等鍵組成的對映',
      'a scenario file is a mapping of keys such as format, id, title, nodes',
    ),
    'invalid-id': t3(
      '“{key}”不是有效的 id：只能用字母、数字、“-”或“_”（不能有空格）',
      '「{key}」不是有效的 id：只能用字母、數字、「-」或「_」（不能有空格）',
      '"{key}" is not a valid id: use letters, digits, "-" or "_" (no spaces)',
    ),
    expected: t3(
      '{where}应为{expected}，但写的是{found}',
      '{where}應為{expected}，但寫的是{found}',
      '{where}expected {expected} but found {found}',
    ),
    'expected-other': t3(
      '{where}应为其他值，但写的是{found}',
      '{where}應為其他值，但寫的是{found}',
      '{where}expected another value but found {found}',
    ),
    'one-of': t3(
      '{where}应为 {values} 之一，但写的是{found}',
      '{where}應為 {values} 之一，但寫的是{found}',
      '{where}expected one of {values} but found {found}',
    ),
    'too-few': t3(
      '{where}至少需要 {min} 项，实际有 {n} 项',
      '{where}至少需要 {min} 項，實際有 {n} 項',
      '{where}too few items: at least {min} needed, found {n}',
    ),
    'too-many-choices': t3(
      '{where}一个节点最多 {max} 个选项（学员用数字键 1-{max} 作答），实际有 {n} 个',
      '{where}一個節點最多 {max} 個選項（學員用數字鍵 1-{max} 作答），實際有 {n} 個',
      '{where}a node has at most {max} choices (the trainee answers with the keys 1-{max}), found {n}',
    ),
    'too-many': t3(
      '{where}最多 {max} 项，实际有 {n} 项',
      '{where}最多 {max} 項，實際有 {n} 項',
      '{where}too many items: at most {max} allowed, found {n}',
    ),
    range: t3(
      '{where}必须 {bound}，实际是{found}',
      '{where}必須 {bound}，實際是{found}',
      '{where}must be {bound}, found {found}',
    ),
    'zod-found': t3(
      '{where}{detail}，实际是{found}',
      '{where}{detail}，實際是{found}',
      '{where}{detail}, found {found}',
    ),
    zod: t3('{where}{detail}', '{where}{detail}', '{where}{detail}'),
  },
  required: {
    'missing-key': t3(
      '缺少必填的键“{key}”',
      '缺少必填的鍵「{key}」',
      'missing required key "{key}"',
    ),
    'say-or-narration': t3(
      '节点“{node}”需要“say”（客户的台词）或“narration”（旁白）',
      '節點「{node}」需要「say」（客戶的台詞）或「narration」（旁白）',
      'node "{node}" needs "say" (the customer\'s line) or "narration"',
    ),
  },
  'unknown-key': {
    default: t3('未知的键“{key}”{hint}', '未知的鍵「{key}」{hint}', 'unknown key "{key}"{hint}'),
  },
  'unknown-principle': {
    default: t3(
      '未知的原则 {value}{hint}（概念 id 列表见格式指南）',
      '未知的原則 {value}{hint}（概念 id 清單見格式指南）',
      'unknown principle {value}{hint} (see the list of concept ids in the format guide)',
    ),
  },
  'unknown-portrait': {
    default: t3(
      '“{portrait}”不是内置头像（{list}）；自己的图片请写 public/ 下的路径，例如 custom/ms-chen.png{hint}',
      '「{portrait}」不是內建頭像（{list}）；自己的圖片請寫 public/ 下的路徑，例如 custom/ms-chen.png{hint}',
      '"{portrait}" is not a built-in portrait ({list}){hint}; a picture of your own is a path under public/, such as custom/ms-chen.png',
    ),
  },
  'unknown-target': {
    start: t3(
      'start 指向“{start}”，但它既不是节点也不是结局{hint}',
      'start 指向「{start}」，但它既不是節點也不是結局{hint}',
      'start names "{start}", which is neither a node nor an ending{hint}',
    ),
    target: t3(
      '“{target}”既不是节点也不是结局{hint}',
      '「{target}」既不是節點也不是結局{hint}',
      '"{target}" is neither a node nor an ending{hint}',
    ),
    'step-name': t3(
      '“{target}”是步骤名，不是节点或结局：请写要去的节点或结局的 id，例如{ids}',
      '「{target}」是步驟名，不是節點或結局：請寫要去的節點或結局的 id，例如{ids}',
      '"{target}" is the name of a step, not of a node or an ending: write the id of the moment or ending to go to, such as {ids}',
    ),
    'in-translation': t3(
      '本文件中没有节点或结局“{target}”，但译本 {file} 中有：请把“{target}”也加到这个文件里（各语言版本共用同一张图）',
      '本檔案中沒有節點或結局「{target}」，但譯本 {file} 中有：請把「{target}」也加到這個檔案裡（各語言版本共用同一張圖）',
      '"{target}" is neither a node nor an ending in this file, but its translation {file} has it: add "{target}" here too (translations share one graph)',
    ),
  },
  'timeout-pair': {
    'needs-on-timeout': t3(
      '有“timeLimit”就需要“onTimeout”，说明时间用完时会发生什么',
      '有「timeLimit」就需要「onTimeout」，說明時間用完時會發生什麼',
      '"timeLimit" needs an "onTimeout" saying what happens when the clock runs out',
    ),
    'needs-time-limit': t3(
      '有“onTimeout”就需要以秒为单位的“timeLimit”',
      '有「onTimeout」就需要以秒為單位的「timeLimit」',
      '"onTimeout" needs a "timeLimit" in seconds',
    ),
  },
  'no-fallback-choice': {
    default: t3(
      '节点“{node}”的每个选项都有“if”；至少要有一个选项始终可见',
      '節點「{node}」的每個選項都有「if」；至少要有一個選項始終可見',
      'every choice of node "{node}" has an "if"; at least one must always be visible',
    ),
  },
  'long-choice-text': {
    default: t3(
      '选项文字有 {length} 个字符；超过 {max} 个字符在投影上很难看清',
      '選項文字有 {length} 個字元；超過 {max} 個字元在投影上很難看清',
      'choice text is {length} characters; over {max} is hard to read on a projector',
    ),
  },
  'flat-scores': {
    default: t3(
      '节点“{node}”的每个选项都是 {score} 分；学员怎么选都不会错',
      '節點「{node}」的每個選項都是 {score} 分；學員怎麼選都不會錯',
      'every choice of node "{node}" scores {score}; the trainee cannot get it wrong',
    ),
  },
  'fixed-best-first': {
    default: t3(
      '节点“{node}”设置了“order: fixed”，而第一个选项得分最高（{score} 分），等于泄露了最佳答案；请把它往后放',
      '節點「{node}」設定了「order: fixed」，而第一個選項得分最高（{score} 分），等於洩漏了最佳答案；請把它往後放',
      'node "{node}" has "order: fixed" and its first choice scores highest ({score}), which gives the best answer away; list it further down',
    ),
  },
  'bad-condition': {
    unreadable: t3(
      '无法读取条件“{source}”：{detail}',
      '無法讀取條件「{source}」：{detail}',
      'cannot read condition "{source}": {detail}',
    ),
    'meter-as-flag': t3(
      '“{name}”是指标：请拿它做比较，例如“{name} >= 50”',
      '「{name}」是指標：請拿它做比較，例如「{name} >= 50」',
      '"{name}" is a meter: compare it, e.g. "{name} >= 50"',
    ),
  },
  'unknown-meter': {
    condition: t3(
      '条件比较的“{meter}”不是已声明的指标（请在“meters”下声明）',
      '條件比較的「{meter}」不是已宣告的指標（請在「meters」下宣告）',
      'condition compares "{meter}", which is not a declared meter (declare it under "meters")',
    ),
    'condition-hint': t3(
      '条件比较的“{meter}”不是已声明的指标{hint}（或在“meters”下声明它）',
      '條件比較的「{meter}」不是已宣告的指標{hint}（或在「meters」下宣告它）',
      'condition compares "{meter}", which is not a declared meter{hint} (or declare it under "meters")',
    ),
    effect: t3(
      '效果作用于“{meter}”，但它不是已声明的指标{hint}',
      '效果作用於「{meter}」，但它不是已宣告的指標{hint}',
      'effect on "{meter}", which is not a declared meter{hint}',
    ),
  },
  'unknown-flag': {
    default: t3(
      '没有任何选项设置标记“{flag}”{hint}',
      '沒有任何選項設定標記「{flag}」{hint}',
      'flag "{flag}" is never set by any choice{hint}',
    ),
  },
  'no-fallback-branch': {
    'last-has-if': t3(
      '“next”的最后一个分支不能有“if”，这样每一步总有去处',
      '「next」的最後一個分支不能有「if」，這樣每一步總有去處',
      'the last branch of "next" must have no "if", so the move always leads somewhere',
    ),
    'missing-if': t3(
      '只有最后一个分支可以省略“if”；这个分支之后的分支永远不会被走到',
      '只有最後一個分支可以省略「if」；這個分支之後的分支永遠不會被走到',
      'only the last branch may leave out "if"; the branches after this one could never be taken',
    ),
  },
  'step-backwards': {
    default: t3(
      '从步骤“{from}”（节点“{fromNode}”）退回到步骤“{to}”（节点“{toNode}”）；步骤只能向前推进',
      '從步驟「{from}」（節點「{fromNode}」）退回到步驟「{to}」（節點「{toNode}」）；步驟只能向前推進',
      'goes from step "{from}" (node "{fromNode}") back to step "{to}" (node "{toNode}"); steps only move forward',
    ),
  },
  cycle: {
    default: t3(
      '又回到了“{target}”，形成循环（{loop}）；每一次练习都必须能走到结局',
      '又回到了「{target}」，形成迴圈（{loop}）；每一次練習都必須能走到結局',
      'leads back to "{target}", making a loop ({loop}); every play-through must end',
    ),
  },
  unreachable: {
    node: t3(
      '从起点“{start}”无法到达节点“{id}”',
      '從起點「{start}」無法到達節點「{id}」',
      'node "{id}" cannot be reached from start "{start}"',
    ),
    ending: t3(
      '从起点“{start}”无法到达结局“{id}”',
      '從起點「{start}」無法到達結局「{id}」',
      'ending "{id}" cannot be reached from start "{start}"',
    ),
  },
  'zero-best-total': {
    default: t3(
      '任何路线都拿不到分：每条路径上的每个选项都是 0 分，练习无法计分',
      '任何路線都拿不到分：每條路徑上的每個選項都是 0 分，練習無法計分',
      'no play-through can earn a point: every choice on every path scores 0, so no attempt could be scored',
    ),
  },
  'low-score-ending': {
    low: t3(
      '没有任何路线能以超过 50 的总分到达结局“{ending}”（最高 {best}）',
      '沒有任何路線能以超過 50 的總分到達結局「{ending}」（最高 {best}）',
      'no play-through reaches ending "{ending}" with an overall score above 50 (best {best})',
    ),
    unreachable: t3(
      '没有任何路线能到达结局“{ending}”：途中的条件永远不成立',
      '沒有任何路線能到達結局「{ending}」：途中的條件永遠不成立',
      'no play-through can reach ending "{ending}": the conditions on the way never hold',
    ),
  },
  'file-name': {
    default: t3(
      '请把文件命名为“{expected}”（<id>.<locale>.yaml），应用才能找到它的各语言版本',
      '請把檔案命名為「{expected}」（<id>.<locale>.yaml），應用程式才能找到它的各語言版本',
      'name this file "{expected}" (<id>.<locale>.yaml) so the app finds its translations',
    ),
  },
  'translation-drift': {
    default: t3(
      '{what}与译本 {file} 不一致（这里是 {here}，那里是 {there}）；各语言版本共用同一张图，只有文字不同',
      '{what}與譯本 {file} 不一致（這裡是 {here}，那裡是 {there}）；各語言版本共用同一張圖，只有文字不同',
      '{what} differs from its translation {file} (here {here}, there {there}); translations share one graph and differ only in texts',
    ),
  },
} as const satisfies Record<string, RuleMessages>;
