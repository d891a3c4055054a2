import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalog } from '../../lib/catalog';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { useClassroom } from './session-store';
import { ClassroomSetup } from './Setup';

function renderSetup(locale: UiLocale = 'en') {
  const view = render(
    <LocaleContext.Provider value={locale}>
      <ClassroomSetup />
    </LocaleContext.Provider>,
  );
  const q = <E extends Element>(selector: string) => view.container.querySelector<E>(selector)!;
  const all = <E extends Element>(selector: string) => [
    ...view.container.querySelectorAll<E>(selector),
  ];
  return { ...view, q, all, user: userEvent.setup() };
}

const hashOf = (id: string, locale: string) =>
  catalog.find((e) => e.id === id && e.locale === locale)!.hash;

describe('ClassroomSetup', () => {
  beforeEach(() => {
    useClassroom.setState({ session: null });
    localStorage.clear();
    window.location.hash = '';
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('starts with three teams, the first scenario, majority, 60 s and high contrast', () => {
    const { q, all } = renderSetup();
    expect(q('[data-classroom-setup]')).toBeInTheDocument();
    const names = all<HTMLInputElement>('[data-team-name]');
    expect(names.map((n) => n.value)).toEqual(['Team 1', 'Team 2', 'Team 3']);
    expect(screen.getByLabelText('Name of team 2')).toBe(names[1]);
    expect(q<HTMLInputElement>('input[name="scenario"]:checked').value).toBe('first-impression');
    expect(q<HTMLInputElement>('input[name="rule"]:checked').value).toBe('majority');
    expect(q<HTMLInputElement>('input[name="timer"]:checked').value).toBe('60');
    expect(q<HTMLInputElement>('input[name="class-theme"]:checked').value).toBe('contrast');
    expect(q<HTMLSelectElement>('[data-control="class-locale"]').value).toBe('en');
    expect(screen.getByLabelText('Colour and pattern of team 2')).toHaveDisplayValue(
      'Sky blue, stripes',
    );
  });

  it('adds teams up to 8, then the add button is disabled', async () => {
    const { q, all, user } = renderSetup();
    const add = q<HTMLButtonElement>('[data-action="add-team"]');
    for (let i = 0; i < 5; i++) await user.click(add);
    expect(all('[data-team-name]')).toHaveLength(8);
    expect(add).toBeDisabled();
    // The new team's name field has the focus, and each team got its own colour.
    expect(document.activeElement).toBe(all('[data-team-name]')[7]);
    const looks = all<HTMLSelectElement>('[data-team-look]').map((s) => s.value);
    expect(new Set(looks).size).toBe(8);
    await user.click(add);
    expect(all('[data-team-name]')).toHaveLength(8);
  });

  it('removes teams down to 2, then the remove buttons are disabled; ids are not reused', async () => {
    const { q, all, user } = renderSetup();
    const removes = () => all<HTMLButtonElement>('[data-action="remove-team"]');
    expect(removes()[1]).toHaveAccessibleName('Remove team 2');
    await user.click(removes()[1]!);
    expect(all('[data-team-row]').map((r) => r.getAttribute('data-team-row'))).toEqual([
      't1',
      't3',
    ]);
    expect(removes().every((b) => b.disabled)).toBe(true);
    await user.click(q('[data-action="add-team"]'));
    expect(all('[data-team-row]').map((r) => r.getAttribute('data-team-row'))).toEqual([
      't1',
      't3',
      't4',
    ]);
    expect(removes().some((b) => b.disabled)).toBe(false);
  });

  it('starts a session with the chosen scenario, teams, timer and rule, then opens the projector', async () => {
    const { q, all, user } = renderSetup();
    await user.click(q('input[name="scenario"][value="angry-customer"]'));
    await user.click(q('input[name="timer"][value="90"]'));
    await user.click(q('input[name="class-theme"][value="dark"]'));
    await user.click(q('[data-action="add-team"]'));
    const names = all<HTMLInputElement>('[data-team-name]');
    await user.clear(names[1]!);
    await user.type(names[1]!, '  Tigers  ');
    await user.clear(names[2]!);
    await user.selectOptions(screen.getByLabelText('Colour and pattern of team 4'), '6');
    await user.click(q('[data-action="start-classroom"]'));

    const session = useClassroom.getState().session!;
    expect(session).not.toBeNull();
    expect(session.phase).toBe('briefing');
    expect(session.config).toEqual({
      scenarioId: 'angry-customer',
      locale: 'en',
      hash: hashOf('angry-customer', 'en'),
      uiLocale: 'en',
      rule: 'majority',
      teams: [
        { id: 't1', name: 'Team 1', colour: 0 },
        { id: 't2', name: 'Tigers', colour: 1 },
        { id: 't3', name: 'Team 3', colour: 2 },
        { id: 't4', name: 'Team 4', colour: 6 },
      ],
      timer: 90,
      theme: 'dark',
      seed: expect.any(Number),
    });
    expect(Number.isInteger(session.config.seed)).toBe(true);
    expect(window.location.hash).toBe('#/classroom/projector');
  });

  it('uses the Traditional Chinese file (converted at build time) for a Traditional Chinese session', async () => {
    const { q, all, user } = renderSetup();
    await user.selectOptions(q('[data-control="class-locale"]'), 'zh-TW');
    expect(all<HTMLInputElement>('[data-team-name]')[0]!.value).toBe('第 1 組');
    expect(screen.queryAllByText(/No 繁體中文 version yet/)).toHaveLength(0);
    await user.click(q('[data-action="start-classroom"]'));
    const config = useClassroom.getState().session!.config;
    expect(config.uiLocale).toBe('zh-TW');
    expect(config.locale).toBe('zh-TW');
    expect(config.hash).toBe(hashOf(config.scenarioId, 'zh-TW'));
    expect(config.teams[2]!.name).toBe('第 3 組');
  });

  it('one vote for the whole room disables the teams', async () => {
    const { q, all, user } = renderSetup();
    await user.click(q('input[name="rule"][value="room"]'));
    expect(
      screen.getByText(
        'With one vote for the whole room, or one phone vote each, teams are not used.',
      ),
    ).toBeVisible();
    expect(all('[data-team-name]').every((n) => (n as HTMLInputElement).matches(':disabled'))).toBe(
      true,
    );
    expect(q('[data-action="add-team"]')).toBeDisabled();
    await user.click(q('[data-action="start-classroom"]'));
    expect(useClassroom.getState().session!.config.rule).toBe('room');
  });

  it('shows a running session, goes back to it, and ends it only after asking', async () => {
    const { q, all, user } = renderSetup();
    await user.click(q('[data-action="start-classroom"]'));
    const first = useClassroom.getState().session!;
    expect(screen.getByText('A class session is running')).toBeInTheDocument();
    expect(screen.getByText('Fifteen seconds at lunchtime, phase: briefing')).toBeInTheDocument();
    expect(q('[data-action="resume-classroom"]')).toHaveAttribute('href', '#/classroom/projector');

    // Starting again asks first: no, keeps the running session.
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await user.click(q('[data-action="start-classroom"]'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(useClassroom.getState().session!.id).toBe(first.id);
    await user.click(q('[data-action="end-classroom"]'));
    expect(useClassroom.getState().session).not.toBeNull();

    confirm.mockReturnValue(true);
    await user.click(q('[data-action="end-classroom"]'));
    expect(useClassroom.getState().session).toBeNull();
    expect(all('[data-classroom-running]')).toHaveLength(0);
  });

  it('has no serious or critical accessibility violations', async () => {
    const { container, q, user } = renderSetup();
    await user.click(q('[data-action="start-classroom"]'));
    await user.click(q('input[name="rule"][value="room"]'));
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });

  it('offers phones only when the server has a relay, with the reason next to each phone option', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('no server'));
    window.location.hash = '#/classroom?voting=phones-team';
    const { q, user } = renderSetup();
    const reasons = await screen.findAllByText(
      'Needs the classroom server: start with npm run classroom',
    );
    expect(reasons).toHaveLength(2);
    for (const v of ['phones-team', 'phones-each']) {
      const input = q<HTMLInputElement>(`input[name="voting"][value="${v}"]`);
      expect(input.disabled).toBe(true);
      // The reason is in the option's own label and describes its radio.
      expect(input.closest('label')).toHaveAttribute('data-disabled');
      expect(input).toHaveAccessibleDescription(
        'Needs the classroom server: start with npm run classroom',
      );
      expect(input.closest('label')!.contains(reasons[v === 'phones-team' ? 0 : 1]!)).toBe(true);
    }
    const keys = q<HTMLInputElement>('input[name="voting"][value="keys"]');
    expect(keys.checked).toBe(true);
    expect(keys.closest('label')).not.toHaveAttribute('data-disabled');
    expect(keys).not.toHaveAccessibleDescription();
    await user.click(q('[data-action="start-classroom"]'));
    const config = useClassroom.getState().session!.config;
    expect(config.voting).toBeUndefined();
    expect(config.phones).toBeUndefined();
  });

  it('asks who votes once: the keyboard’s rule is a sub-choice of the keyboard option', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ joinBase: 'http://classroom.test:8080' }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    const { q, all, user } = renderSetup();
    // One group about voting, the rule inside it, under the keyboard option.
    expect(all('fieldset[data-radios="rule"]')).toHaveLength(1);
    expect(
      q('fieldset[data-radios="voting"] [data-option="keys"] fieldset[data-radios="rule"]'),
    ).not.toBeNull();
    expect(screen.getByRole('group', { name: 'How keyed votes count' })).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(q<HTMLInputElement>('input[name="voting"][value="phones-team"]').disabled).toBe(false),
    );
    // A phone mode decides the rule itself: nothing else to reconcile.
    await user.click(q('input[name="voting"][value="phones-each"]'));
    expect(all('input[name="rule"]')).toHaveLength(0);
    expect(
      screen.getByText(
        'With one vote for the whole room, or one phone vote each, teams are not used.',
      ),
    ).toBeVisible();
    await user.click(q('[data-action="start-classroom"]'));
    expect(useClassroom.getState().session!.config).toMatchObject({
      voting: 'phones-each',
      rule: 'room',
    });
    // Back to keys: the rule comes back, and the keyed room vote still starts a room session.
    useClassroom.setState({ session: null });
    await user.click(q('input[name="voting"][value="keys"]'));
    await user.click(q('input[name="rule"][value="room"]'));
    await user.click(q('[data-action="start-classroom"]'));
    const config = useClassroom.getState().session!.config;
    expect(config.rule).toBe('room');
    expect(config.voting).toBeUndefined();
  });

  it('takes voting=keys from a bookmark URL', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ joinBase: 'http://classroom.test:8080' }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    window.location.hash = '#/classroom?scenario=bulk-complaint&teams=2&voting=keys&lang=en';
    const { q, all } = renderSetup();
    await vi.waitFor(() =>
      expect(q<HTMLInputElement>('input[name="voting"][value="phones-team"]').disabled).toBe(false),
    );
    expect(q<HTMLInputElement>('input[name="voting"][value="keys"]').checked).toBe(true);
    expect(q<HTMLInputElement>('input[name="rule"][value="majority"]').checked).toBe(true);
    expect(all('[data-team-name]')).toHaveLength(2);
  });

  it('fills the form from a bookmark URL and starts a phones session with a room code and key', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ joinBase: 'http://classroom.test:8080' }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    window.location.hash =
      '#/classroom?scenario=angry-customer&teams=4&voting=phones-team&lang=zh-TW';
    const { q, all, user } = renderSetup();
    expect(q<HTMLSelectElement>('[data-control="class-locale"]').value).toBe('zh-TW');
    expect(q<HTMLInputElement>('input[name="scenario"][value="angry-customer"]').checked).toBe(
      true,
    );
    expect(all('[data-team-name]')).toHaveLength(4);
    expect(q<HTMLInputElement>('input[name="voting"][value="phones-team"]').checked).toBe(true);
    await vi.waitFor(() =>
      expect(q<HTMLButtonElement>('[data-action="start-classroom"]').disabled).toBe(false),
    );
    await user.click(q('[data-action="start-classroom"]'));
    const config = useClassroom.getState().session!.config;
    expect(config).toMatchObject({
      scenarioId: 'angry-customer',
      uiLocale: 'zh-TW',
      voting: 'phones-team',
      rule: 'majority',
    });
    expect(config.teams).toHaveLength(4);
    expect(config.phones!.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(config.phones!.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
