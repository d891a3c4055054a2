import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { MotionScope } from '../../components/MotionScope';
import { compileScenario, phaseOf, runInput, type RunEvent } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { builtIn } from '../../testing/scenario';
import { MomentView } from './MomentView';

function renderMoment(scenario: Scenario, ui: UiLocale, events: RunEvent[] = []) {
  const actor = createActor(compileScenario(scenario, { clock: 'outside' }), {
    input: runInput(scenario, 7),
  }).start();
  for (const e of events) actor.send(e);
  const snap = actor.getSnapshot();
  actor.stop();
  return render(
    <LocaleContext.Provider value={ui}>
      <MotionScope>
        <main>
          <MomentView
            scenario={scenario}
            context={snap.context}
            phase={phaseOf(snap)}
            mode="coach"
            onChoose={() => {}}
            onContinue={() => {}}
          />
        </main>
      </MotionScope>
    </LocaleContext.Provider>,
  );
}

const RLO = '\u202E';

describe('MomentView: scenario text in its own language, isolated from the UI sentence', () => {
  const { scenario: zh } = builtIn('angry-customer', 'zh-CN');

  it('a zh-CN drill in the English UI: every piece of scenario text carries lang="zh-CN"', () => {
    const { container } = renderMoment(zh, 'en');
    const lang = (sel: string) =>
      [...container.querySelectorAll<HTMLElement>(sel)].map((e) =>
        e.closest('[lang]')?.getAttribute('lang'),
      );
    expect(lang('.customer-name')).toEqual(['zh-CN']);
    expect(lang('.customer-role')).toEqual(['zh-CN']);
    expect(lang('.narration')).toEqual(['zh-CN']);
    expect(lang('blockquote.bubble')).toEqual(['zh-CN']);
    const choices = lang('.choice-text');
    expect(choices.length).toBeGreaterThan(1);
    expect(new Set(choices)).toEqual(new Set(['zh-CN']));
    // The UI's own words stay in the UI language (inherited from <html lang>, no lang of their own).
    expect(container.querySelector('.answers-head h2')?.closest('[lang]')).toBeNull();
    expect(container.querySelector('.meter-label')?.closest('[lang]')).toBeNull();
  });

  it('after an answer the reply, what was said and the feedback carry the scenario’s lang', async () => {
    const choice = zh.nodes[zh.start]!.choices[0]!;
    const { container } = renderMoment(zh, 'en', [{ type: 'trainee.choose', choice: choice.id }]);
    await waitFor(() => expect(container.querySelector('.feedback-text')).not.toBeNull());
    for (const sel of ['blockquote.bubble', '.said-text', '.feedback-text'])
      expect(container.querySelector(sel)?.closest('[lang]')?.getAttribute('lang'), sel).toBe(
        'zh-CN',
      );
    expect(container.querySelector('.said .eyebrow')?.closest('[lang]')).toBeNull();
  });

  it('defect 10: a bidi override (U+202E) in the customer’s name stays inside a <bdi>', () => {
    const { scenario: en } = builtIn('angry-customer', 'en');
    const name = `${RLO}Ms Li`;
    const evil: Scenario = { ...en, customer: { ...en.customer, name } };
    const { container } = renderMoment(evil, 'en');
    const says = container.querySelector('blockquote.bubble .visually-hidden')!;
    const bdi = says.querySelector('bdi');
    expect(bdi, says.outerHTML).not.toBeNull();
    expect(bdi!.textContent).toBe(name);
    // The UI words around it are their own text, in order, outside the isolate.
    const outside = [...says.childNodes]
      .filter((n) => n !== bdi)
      .map((n) => n.textContent)
      .join('');
    expect(outside).toBe(' says: ');
    expect(says.firstChild).toBe(bdi);
    // The visible name is isolated too, and so is the name inside the portrait's text alternative.
    const visible = container.querySelector('.customer-name')!;
    expect(
      visible.querySelector('bdi')?.textContent ??
        (visible.tagName === 'BDI' ? visible.textContent : null),
    ).toBe(name);
    const label = container.querySelector('.customer-head [role="img"], .customer-head img');
    const alt = label?.getAttribute('aria-label') ?? label?.getAttribute('alt') ?? '';
    expect(alt).toContain(`\u2068${name}\u2069`);
  });
});
