// Issue 9's classroom typography: Chinese punctuation in the presenter's words, and no fake italics on
// Chinese text (the browser slants CJK glyphs that have no italic): a quieter colour or a bar instead.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  classroomConversation,
  createSession,
  replayRoom,
  type ClassroomSession,
} from '../../engine/classroom-session';
import type { Scenario } from '../../engine/model';
import { classConfig, next, runAll, vote } from '../../testing/classroom';
import { inLocale } from '../../testing/in-locale';
import { builtIn } from '../../testing/scenario';
import { stageProps } from './class-fixtures';
import { Presenter } from './Presenter';
import { Projector } from './Projector';
import { useClassroom } from './session-store';

/** The room at its first vote where a choice leads straight to an ending, two teams on one choice. */
function atEndingChoice(s: Scenario, names: string[]) {
  const teams = names.map((name, i) => ({ id: `t${i + 1}`, name, colour: i }));
  const c = classroomConversation(s, 7);
  let session: ClassroomSession = runAll(c, createSession(classConfig(s, { teams }), 'x', 'w1'), [
    next,
  ]);
  for (let i = 0; i < 30; i++) {
    const ctx = replayRoom(c, session.played).context;
    const node = s.nodes[ctx.node]!;
    const toEnding = node.choices.find(
      (ch) => ctx.visible.includes(ch.id) && ch.next.some((b) => s.endings[b.goto]),
    );
    if (toEnding) {
      session = runAll(c, session, [vote('t1', toEnding.id), vote('t2', toEnding.id)]);
      return { props: stageProps(c, session), choice: toEnding.id };
    }
    // Go the way that ends last: the file's first visible choice.
    session = runAll(c, session, [
      vote('t1', ctx.visible[0]!),
      { type: 'classroom.reveal' },
      next,
      next,
    ]);
  }
  throw new Error('no choice leads to an ending');
}

describe('the presenter’s punctuation follows the UI language', () => {
  beforeEach(() => useClassroom.setState({ session: null }));

  for (const [locale, names, ending, joined] of [
    ['zh-CN', ['狮子队', '白鹤队', '熊猫队'], '结局：', '狮子队、白鹤队'],
    ['zh-TW', ['獅子隊', '白鶴隊', '熊貓隊'], '結局：', '獅子隊、白鶴隊'],
    ['en', ['Lions', 'Cranes', 'Pandas'], 'Ending: ', 'Lions, Cranes'],
  ] as const) {
    it(`${locale}: “${ending}” before an ending, team names joined “${joined}”`, () => {
      const s = builtIn('angry-customer', locale === 'en' ? 'en' : 'zh-CN').scenario;
      const { props, choice } = atEndingChoice(s, [...names]);
      const ui = inLocale(locale, <Presenter {...props} />);
      const row = ui.container.querySelector(`.choice-table tr[data-choice="${choice}"]`)!;
      const leads = [...row.querySelectorAll('.leads-to')].map((e) => e.textContent!);
      expect(
        leads.some((l) => l.startsWith(ending)),
        leads.join(' | '),
      ).toBe(true);
      if (locale !== 'en')
        expect(leads.join(''), 'no half-width colon after 结局').not.toMatch(/[结結]局:/);
      const voters = row.querySelector('td:last-child')!.textContent;
      expect(voters).toBe(joined);
    });
  }
});

describe('no fake italics on Chinese text', () => {
  const styles: HTMLStyleElement[] = [];
  beforeEach(() => {
    useClassroom.setState({ session: null });
    for (const file of ['stage.css', 'setup.css']) {
      const el = document.createElement('style');
      el.textContent = readFileSync(resolve(import.meta.dirname, file), 'utf8');
      document.head.append(el);
      styles.push(el);
    }
  });
  afterEach(() => {
    for (const el of styles.splice(0)) el.remove();
  });

  const slanted = (els: Element[]) =>
    els.filter((e) => getComputedStyle(e).fontStyle === 'italic').map((e) => e.className);

  it('the projector’s narration and hints are upright in Chinese (and still italic in English)', () => {
    for (const [locale, file] of [
      ['zh-CN', 'zh-CN'],
      ['zh-TW', 'zh-CN'],
      ['en', 'en'],
    ] as const) {
      const s = builtIn('angry-customer', file).scenario;
      const c = classroomConversation(s, 7);
      const briefing = createSession(classConfig(s), 'x', 'w1');
      const voting = runAll(c, briefing, [next]);
      const els: Element[] = [];
      for (const session of [briefing, voting]) {
        const ui = inLocale(locale, <Projector {...stageProps(c, session)} />);
        els.push(...ui.container.querySelectorAll('.class-narration, .class-hint'));
        ui.unmount();
      }
      expect(els.length, locale).toBeGreaterThanOrEqual(2);
      if (locale === 'en') expect(slanted(els)).toHaveLength(els.length);
      else expect(slanted(els), locale).toEqual([]);
    }
  });

  it('the setup’s file-language note is upright in Chinese', () => {
    // The note shows only for a scenario with no file in the class's language (none built in today):
    // its element as Setup.tsx writes it, under the UI language.
    for (const [locale, italic] of [
      ['zh-CN', false],
      ['zh-TW', false],
      ['en', true],
    ] as const) {
      const ui = inLocale(locale, <p className="scenario-file small">…</p>);
      const note = ui.container.querySelector('.scenario-file')!;
      expect(slanted([note]).length, locale).toBe(italic ? 1 : 0);
      ui.unmount();
    }
  });
});
