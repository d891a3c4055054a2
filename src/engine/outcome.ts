// The customer's loyalty outcome from the final meters: one documented pure function for every scenario.
//
//   satisfaction index  S = (mood + trust) / 2
//     S >= 80 very satisfied · >= 65 fairly satisfied · >= 50 satisfied · >= 30 dissatisfied · else very dissatisfied
//   repurchase probability  P = 0.4 × mood + 0.6 × trust   (behavioural loyalty leans on trust)
//     P > 70 → "above 70%" · P >= 30 → "30-70%" · else "below 30%"
//   recommend score  R = round((0.6 × mood + 0.4 × trust) / 10), 0..10, halves up (emotional loyalty leans on mood)
// Computed in integers (tenths) so that boundaries such as P = 30 are exact.
//     NPS class: 9-10 promoter · 7-8 passive · 0-6 detractor; likelihood: very likely · possible · unlikely

export type Satisfaction =
  'very-satisfied' | 'fairly-satisfied' | 'satisfied' | 'dissatisfied' | 'very-dissatisfied';
export type RepurchaseBand = 'above-70' | '30-70' | 'below-30';
export type NpsClass = 'promoter' | 'passive' | 'detractor';

export interface CustomerOutcome {
  satisfaction: Satisfaction;
  satisfactionIndex: number;
  repurchase: RepurchaseBand;
  repurchaseProbability: number;
  recommend: number;
  nps: NpsClass;
  likelihood: 'very-likely' | 'possible' | 'unlikely';
}

/** Maps final mood and trust (0..100) to the course's loyalty measures. */
export function customerOutcome(meters: Readonly<Record<string, number>>): CustomerOutcome {
  const mood = meters.mood ?? 50;
  const trust = meters.trust ?? 50;
  const s = (mood + trust) / 2;
  const p10 = 4 * mood + 6 * trust; // 10 × P, exact
  const satisfaction: Satisfaction =
    s >= 80
      ? 'very-satisfied'
      : s >= 65
        ? 'fairly-satisfied'
        : s >= 50
          ? 'satisfied'
          : s >= 30
            ? 'dissatisfied'
            : 'very-dissatisfied';
  const repurchase: RepurchaseBand = p10 > 700 ? 'above-70' : p10 >= 300 ? '30-70' : 'below-30';
  const recommend = Math.min(10, Math.max(0, Math.round((6 * mood + 4 * trust) / 100)));
  const nps: NpsClass = recommend >= 9 ? 'promoter' : recommend >= 7 ? 'passive' : 'detractor';
  const likelihood =
    nps === 'promoter' ? 'very-likely' : nps === 'passive' ? 'possible' : 'unlikely';
  return {
    satisfaction,
    satisfactionIndex: s,
    repurchase,
    repurchaseProbability: Math.round(p10 / 10),
    recommend,
    nps,
    likelihood,
  };
}
