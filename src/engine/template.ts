// The starter scenario `npm run new` writes and the authoring workspace opens: it validates and plays.

const TEXTS = {
  en: {
    title: 'My first scenario',
    summary:
      'A customer comes to the counter with a problem. Replace every text with your own case.',
    briefing:
      'Where and when this happens, who the trainee is, what the customer already went through.',
    name: 'Ms Chen',
    role: 'Regular customer',
    say1: 'Excuse me, I have been waiting for a while. Can someone help me?',
    good1: '"I am sorry you had to wait. I am here now: how can I help?"',
    good1Reply: 'Thank you. It is about my order.',
    good1Feedback:
      'Apologise for the wait and give her your full attention: the first seconds set the tone.',
    bad1: '"Please take a number and wait to be called."',
    bad1Reply: '...I already did that.',
    bad1Feedback: 'Correct, but cold: she hears the process, not that you care.',
    say2: 'My order arrived damaged, and this is the second time.',
    good2: '"The second time: that is really frustrating. What happened to it exactly?"',
    good2Reply: 'The box was crushed and the glass is broken.',
    good2Feedback:
      'An open question finds the real problem; naming the feeling shows you listened.',
    bad2: '"Do you have the receipt?"',
    bad2Reply: 'Here. Is that all you care about?',
    bad2Feedback: 'A closed question about paperwork, before she feels heard.',
    say3: 'So what can you do for me?',
    good3: '"I will send a new one today, free, and call you when it ships."',
    good3Reply: 'That would be great, thank you.',
    good3Feedback: 'A green need: meet it fast and fully, and promise only what you will keep.',
    bad3: '"You need to file a claim with the courier first."',
    bad3Reply: 'Then I will shop somewhere else.',
    bad3Feedback: 'A bare "no" to a need you could meet: she leaves with the problem.',
    happyTitle: 'She will be back',
    happyText: 'Ms Chen leaves with a new order on its way and your name.',
    sadTitle: 'She leaves unhappy',
    sadText: 'Ms Chen leaves without a solution and tells her friends.',
  },
  'zh-CN': {
    title: '我的第一个情景',
    summary: '一位客户带着问题来到柜台。请把所有文字换成你自己的案例。',
    briefing: '交代时间地点、学员的身份，以及客户之前经历了什么。',
    name: '陈女士',
    role: '老客户',
    say1: '你好，我等了好一会儿了，有人能帮我一下吗？',
    good1: '“让您久等了，真不好意思。我来帮您，您请说。”',
    good1Reply: '谢谢，是我订单的事。',
    good1Feedback: '先为等待致歉，再全神贯注：最初几秒定下整个接触的基调。',
    bad1: '“请先取号，等叫号就行。”',
    bad1Reply: '……我已经取过了。',
    bad1Feedback: '没说错，但很冷：她听到的是流程，不是关心。',
    say2: '我买的东西送来就是坏的，这已经是第二次了。',
    good2: '“第二次了，确实让人窝火。具体是什么情况呢？”',
    good2Reply: '箱子压扁了，玻璃碎了。',
    good2Feedback: '开放式问题找到真正的问题；说出对方的感受，表示你在听。',
    bad2: '“您有购物小票吗？”',
    bad2Reply: '给你。你们就只关心这个？',
    bad2Feedback: '客户还没觉得被听见，就先问手续，是封闭式提问。',
    say3: '那你们能怎么处理？',
    good3: '“我今天就给您补发一件，免费，发货时我打电话告诉您。”',
    good3Reply: '那太好了，谢谢你。',
    good3Feedback: '绿色需求：快速、完整地满足，只承诺做得到的事。',
    bad3: '“您得先去找快递公司理赔。”',
    bad3Reply: '那我以后去别家买了。',
    bad3Feedback: '对能满足的需求只说“不行”：她带着问题离开。',
    happyTitle: '她还会再来',
    happyText: '陈女士带着补发的订单和你的名字离开。',
    sadTitle: '她不满地离开',
    sadText: '陈女士没有得到解决方案，还会告诉她的朋友。',
  },
} as const;

export type TemplateLocale = keyof typeof TEXTS;
export const TEMPLATE_LOCALES = Object.keys(TEXTS) as TemplateLocale[];

const q = (s: string) => JSON.stringify(s);

/** A small valid three-step scenario as YAML text, with comments that explain each key. */
export function starterScenario(id: string, locale: TemplateLocale = 'en'): string {
  const t = TEXTS[locale];
  return `# yaml-language-server: $schema=../public/scenario.schema.json
# A scenario: one customer, one conversation, in one language. Guide: docs/authoring.md
format: mot-scenario/1
id: ${id}
locale: ${locale}
title: ${q(t.title)}
summary: ${q(t.summary)}
difficulty: 1 # 1 easy, 2 medium, 3 hard
minutes: 5
briefing: ${q(t.briefing)}
customer:
  name: ${q(t.name)}
  role: ${q(t.role)}
  portrait: woman-2 # woman-1, woman-2, man-1, man-2, man-3
meters: # the customer's state at the start, 0..100
  mood: 40
  trust: 50
start: greet
nodes:
  greet:
    step: atmosphere
    say: ${q(t.say1)}
    emotion: worried
    timeLimit: 20 # seconds; silence is an answer too
    onTimeout:
      effects: { mood: -15 }
      next: problem
    choices:
      - id: apologise
        text: ${q(t.good1)}
        score: 10
        effects: { mood: 15, trust: 10 }
        reply: ${q(t.good1Reply)}
        feedback: ${q(t.good1Feedback)}
        principle: primacy-effect
        next: problem
      - id: take-a-number
        text: ${q(t.bad1)}
        score: 2
        effects: { mood: -10 }
        reply: ${q(t.bad1Reply)}
        feedback: ${q(t.bad1Feedback)}
        principle: platinum-rule
        next: problem
  problem:
    step: analyze
    say: ${q(t.say2)}
    emotion: upset
    choices:
      - id: open-question
        text: ${q(t.good2)}
        score: 10
        effects: { mood: 10, trust: 10 }
        set: [knows-damage]
        reply: ${q(t.good2Reply)}
        feedback: ${q(t.good2Feedback)}
        principle: [open-questions, empathy]
        next: offer
      - id: receipt
        text: ${q(t.bad2)}
        score: 3
        effects: { trust: -10 }
        reply: ${q(t.bad2Reply)}
        feedback: ${q(t.bad2Feedback)}
        principle: open-questions
        next: offer
  offer:
    step: resolve
    say: ${q(t.say3)}
    choices:
      - id: replace-today
        text: ${q(t.good3)}
        score: 10
        effects: { mood: 25, trust: 20 }
        reply: ${q(t.good3Reply)}
        feedback: ${q(t.good3Feedback)}
        principle: [green-needs, keep-promises]
        next:
          - if: "trust >= 50 or knows-damage"
            goto: happy
          - goto: sad
      - id: courier-claim
        text: ${q(t.bad3)}
        score: 0
        effects: { mood: -20, trust: -20 }
        reply: ${q(t.bad3Reply)}
        feedback: ${q(t.bad3Feedback)}
        principle: red-needs
        next: sad
endings:
  happy:
    title: ${q(t.happyTitle)}
    text: ${q(t.happyText)}
  sad:
    title: ${q(t.sadTitle)}
    text: ${q(t.sadText)}
`;
}
