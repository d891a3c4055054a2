// Issue 14, defect 3: a text written with `|` was split into a paragraph at every source line,
// mid-sentence. Only a blank line starts a paragraph; Chinese lines join with no space, English with one.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/model';
import { builtIn, playToEnd } from '../../testing/scenario';
import { Briefing } from './Briefing';
import { EndingView } from './EndingView';

const wrapped = (s: Scenario, briefing: string, ending: string): Scenario => ({
  ...s,
  briefing,
  endings: Object.fromEntries(
    Object.entries(s.endings).map(([id, e]) => [id, { ...e, text: ending }]),
  ),
});

const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((p) => p.textContent);

describe('briefing and ending paragraphs', () => {
  it('join wrapped Chinese lines with no space and split only at a blank line', () => {
    const s = wrapped(
      builtIn('angry-customer', 'zh-CN').scenario,
      '周六上午，服务台。李女士四个月前\n买了一台洗衣机。\n\n她又来了。\n',
      '李女士拿着更换日期\n离开了。\n\n她会再来。\n',
    );
    const compiled = { scenario: s, bestTotal: 1, hash: 'h', graphHash: 'g' };
    const b = render(<Briefing compiled={compiled} onStart={() => {}} />);
    expect(texts(b.container, '.briefing-text .prose')).toEqual([
      '周六上午，服务台。李女士四个月前买了一台洗衣机。',
      '她又来了。',
    ]);
    b.unmount();
    const e = render(<EndingView scenario={s} context={playToEnd(s)} onContinue={() => {}} />);
    expect(texts(e.container, '.ending .prose')).toEqual([
      '李女士拿着更换日期离开了。',
      '她会再来。',
    ]);
  });

  it('join wrapped English lines with one space', () => {
    const s = wrapped(
      builtIn('angry-customer', 'en').scenario,
      'Saturday, 11:40. Ms Li bought\na washing machine.\n\nShe is back.',
      'Ms Li leaves with\na replacement date.',
    );
    const compiled = { scenario: s, bestTotal: 1, hash: 'h', graphHash: 'g' };
    const b = render(<Briefing compiled={compiled} onStart={() => {}} />);
    expect(texts(b.container, '.briefing-text .prose')).toEqual([
      'Saturday, 11:40. Ms Li bought a washing machine.',
      'She is back.',
    ]);
    b.unmount();
    const e = render(<EndingView scenario={s} context={playToEnd(s)} onContinue={() => {}} />);
    expect(texts(e.container, '.ending .prose')).toEqual(['Ms Li leaves with a replacement date.']);
  });
});
