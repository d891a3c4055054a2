// The presenter's defects of issue 13: an empty main pane at the end, node ids in "leads to", headers
// that break inside a word, and lists joined the English way in Chinese.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  classroomConversation,
  createSession,
  type ClassroomSession,
} from '../../engine/classroom-session';
import { shownChoices } from '../../engine/shuffle';
import { classConfig, next, runAll, vote } from '../../testing/classroom';
import { inLocale } from '../../testing/in-locale';
import { builtIn } from '../../testing/scenario';
import { playClass, stageProps } from './class-fixtures';
import { ClassroomPodium } from './Podium';
import { Presenter } from './Presenter';
import { Projector } from './Projector';
import { useClassroom } from './session-store';
import type { StageProps } from './stage-types';

const { scenario: en } = builtIn('angry-customer', 'en');
const { scenario: zh } = builtIn('angry-customer', 'zh-CN');

/** The same session one step back: the ending, before the podium. */
const atEnding = (p: StageProps): StageProps => ({
  ...p,
  session: { ...p.session, phase: 'ending' },
});

beforeEach(() => useClassroom.setState({ session: null }));

describe('the presenter’s main pane at the end', () => {
  const podium = playClass(en);
  const endingId = podium.here.context.ending!;
  const ending = en.endings[endingId]!;

  it('shows the ending the room reached (it was empty)', () => {
    const ui = inLocale('en', <Presenter {...atEnding(podium)} />);
    const main = ui.container.querySelector('.presenter-now')!;
    expect(main.querySelector(`[data-ending="${endingId}"]`)).not.toBeNull();
    expect(main.textContent).toContain(ending.title);
    expect(main.textContent).toContain(ending.text.slice(0, 40));
  });

  it('shows the class’s debrief at the podium: the ending and every decision', () => {
    const ui = inLocale('en', <Presenter {...podium} />);
    const main = ui.container.querySelector('.presenter-now')!;
    expect(main.textContent).toContain(ending.title);
    expect(main.querySelectorAll('[data-decision]').length).toBe(podium.session.played.length);
  });
});

describe('“leads to” names moments, not node ids', () => {
  it('each target is its step and the opening of the customer’s line', () => {
    const c = classroomConversation(en, 7);
    const open = runAll(c, createSession(classConfig(en), 'x', 'w1'), [next]);
    const ui = inLocale('en', <Presenter {...stageProps(c, open)} />);
    const first = en.nodes[en.start]!;
    const targets = first.choices.flatMap((ch) => ch.next.map((b) => b.goto));
    const leads = [...ui.container.querySelectorAll('.choice-table .leads-to')].map(
      (e) => e.textContent!,
    );
    expect(leads.length).toBeGreaterThan(0);
    for (const goto of new Set(targets)) {
      const node = en.nodes[goto];
      if (!node) continue;
      const words = node.say.split(' ').slice(0, 3).join(' ');
      const shown = leads.filter((l) => l.includes(words));
      expect(shown.length, `${goto}: ${leads.join(' | ')}`).toBeGreaterThan(0);
      for (const l of shown) expect(l.startsWith(goto), l).toBe(false);
    }
  });
});

describe('headers do not break inside a word', () => {
  const styles: HTMLStyleElement[] = [];
  beforeEach(() => {
    const el = document.createElement('style');
    el.textContent = readFileSync(resolve(import.meta.dirname, 'stage.css'), 'utf8');
    document.head.append(el);
    styles.push(el);
  });
  afterEach(() => {
    for (const el of styles.splice(0)) el.remove();
  });

  it('the choice table’s headers wrap between words only, without hyphens', () => {
    const c = classroomConversation(en, 7);
    const open = runAll(c, createSession(classConfig(en), 'x', 'w1'), [next]);
    const ui = inLocale(
      'en',
      <div className="stage-presenter">
        <Presenter {...stageProps(c, open)} />
      </div>,
    );
    const headers = [...ui.container.querySelectorAll('.choice-table th')];
    expect(headers.length).toBe(4);
    for (const th of headers) {
      const css = getComputedStyle(th);
      expect([css.overflowWrap, css.wordBreak, css.hyphens], th.textContent!).toEqual([
        'normal',
        'keep-all',
        'manual',
      ]);
    }
  });
});

describe('Chinese lists use 、', () => {
  it('the projector’s tie banner joins the tied letters with 、 in Chinese, commas in English', () => {
    for (const [locale, s, joined] of [
      ['zh-CN', zh, 'A、B'],
      ['en', en, 'A, B'],
    ] as const) {
      const c = classroomConversation(s, 7);
      const open = runAll(c, createSession(classConfig(s), 'x', 'w1'), [next]);
      const shown = shownChoices(
        s.nodes[s.start]!,
        s.nodes[s.start]!.choices.map((x) => x.id),
        7,
      );
      const voted = runAll(c, open, [vote('t1', shown[0]!.id), vote('t2', shown[1]!.id)]);
      const tie: ClassroomSession = { ...voted, phase: 'tie', tie: [shown[0]!.id, shown[1]!.id] };
      const ui = inLocale(locale, <Projector {...stageProps(c, tie)} />);
      expect(ui.container.querySelector('.tie-banner')!.textContent, locale).toContain(joined);
      ui.unmount();
    }
  });

  it('the debrief’s vote counts are joined with 、 in Chinese', () => {
    const p = playClass(zh);
    const ui = inLocale('zh-CN', <ClassroomPodium {...p} />);
    const votes = [...ui.container.querySelectorAll('.path-votes')].map((e) => e.textContent!);
    const several = votes.filter((v) => (v.match(/票/g) ?? []).length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const v of several) {
      expect(v).toContain('、');
      expect(v).not.toContain(' · ');
    }
  });
});
