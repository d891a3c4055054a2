// Issue 9, defect 3: an expanded row of "Every decision" shows the customer's whole line, never "…".
import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scoreAttempt } from '../../engine/score';
import { bestTotalOf, valuerFor } from '../../engine/value';
import { LocaleContext } from '../../lib/i18n';
import { builtIn, playToEnd } from '../../testing/scenario';
import { Debrief } from './Debrief';

// The app's stylesheet and the drill screens' own (drill.css with the play route, debrief.css with its end).
const CSS = ['../../styles.css', '../../styles/drill.css', '../../styles/debrief.css']
  .map((f) => readFileSync(resolve(import.meta.dirname, f), 'utf8'))
  .join('\n');

/** The stylesheet with its `max-width` blocks applied, as on a phone (jsdom ignores `@media`). */
function phoneCss(css: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = css.indexOf('@media (max-width', i);
    if (at < 0) return out + css.slice(i);
    const open = css.indexOf('{', at);
    let depth = 1;
    let j = open + 1;
    for (; depth > 0; j++) depth += css[j] === '{' ? 1 : css[j] === '}' ? -1 : 0;
    out += css.slice(i, at) + css.slice(open + 1, j - 1);
    i = j;
  }
}

function renderWith(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const { scenario } = builtIn('angry-customer', 'en');
  const ctx = playToEnd(scenario, (v) => v[v.length - 1]!);
  const score = scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters);
  const view = render(
    <LocaleContext.Provider value="en">
      <Debrief
        scenario={scenario}
        context={ctx}
        score={score}
        bestTotal={bestTotalOf(scenario)}
        onRetry={() => {}}
      />
    </LocaleContext.Provider>,
  );
  const rows = [...view.container.querySelectorAll<HTMLDetailsElement>('.decision details')];
  return { rows, cleanup: () => style.remove() };
}

/** The ways CSS can cut a line short: one line with an ellipsis, or a line clamp. */
function cut(line: Element): string[] {
  const cs = getComputedStyle(line);
  const why: string[] = [];
  if (cs.whiteSpace === 'nowrap' && cs.overflow === 'hidden') why.push('nowrap + overflow hidden');
  for (const p of ['-webkit-line-clamp', 'line-clamp']) {
    const v = cs.getPropertyValue(p);
    if (v && v !== 'none') why.push(`${p}: ${v}`);
  }
  return why;
}

let cleanup = () => {};
afterEach(() => cleanup());

describe.each([
  ['wide', CSS],
  ['phone', phoneCss(CSS)],
])('Debrief decision rows (%s)', (_, css) => {
  it('cuts a collapsed row and shows an expanded row in full', () => {
    const r = renderWith(css);
    cleanup = r.cleanup;
    expect(r.rows.length).toBeGreaterThan(1);
    for (const row of r.rows) row.open = false;
    const line = (row: HTMLDetailsElement) => row.querySelector('.decision-line')!;
    expect(cut(line(r.rows[0]!)), 'a collapsed row is a preview').not.toEqual([]);
    for (const row of r.rows) row.open = true;
    for (const row of r.rows) expect(cut(line(row)), 'an expanded row is not cut').toEqual([]);
  });
});
