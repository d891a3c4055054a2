// Issue 12: the preview's run (machine, conversation, a drill's look) loads when the trainer plays
// it, not with the editor; a valid draft offers Play, and the run starts once asked.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { builtIn } from '../../testing/scenario';
import { Preview } from './Preview';

const { scenario } = builtIn('first-impression', 'en');

function Harness(props: { initial: boolean; scenario?: typeof scenario | null }) {
  const [playing, setPlaying] = useState(props.initial);
  const [from, setFrom] = useState('');
  return (
    <Preview
      scenario={props.scenario === undefined ? scenario : props.scenario}
      text="x"
      hasErrors={false}
      playing={playing}
      onPlay={() => setPlaying(true)}
      from={from}
      onFromChange={setFrom}
    />
  );
}

const renderIn = (locale: UiLocale, ui: React.ReactElement) =>
  render(<LocaleContext.Provider value={locale}>{ui}</LocaleContext.Provider>);

describe('Preview on demand', () => {
  it.each([
    ['en', 'Play the preview'],
    ['zh-CN', '开始试玩'],
    ['zh-TW', '開始試玩'],
  ] as const)(
    'in %s, a valid draft offers Play and no run until it is pressed',
    async (locale, label) => {
      const { container } = renderIn(locale, <Harness initial={false} />);
      const play = screen.getByRole('button', { name: label });
      expect(container.querySelector('[data-preview="ready"]')).not.toBeNull();
      expect(container.querySelector('.author-run')).toBeNull();
      fireEvent.click(play);
      await waitFor(() => expect(container.querySelector('.author-run')).not.toBeNull(), {
        timeout: 10_000,
      });
      expect(container.querySelector('[data-action="play-preview"]')).toBeNull();
    },
  );

  it('plays when a start node is chosen', async () => {
    const { container } = renderIn('en', <Harness initial={false} />);
    const select = container.querySelector<HTMLSelectElement>('select[data-control="start-from"]')!;
    const other = [...select.options].map((o) => o.value).find((v) => v !== scenario.start)!;
    fireEvent.change(select, { target: { value: other } });
    await waitFor(
      () => expect(container.querySelector('.author-run')?.getAttribute('data-node')).toBe(other),
      { timeout: 10_000 },
    );
  });

  it('offers no Play while the draft does not validate', () => {
    const { container } = renderIn('en', <Harness initial={false} scenario={null} />);
    expect(container.querySelector('[data-action="play-preview"]')).toBeNull();
    expect(container.querySelector('[data-preview="blocked"]')).not.toBeNull();
  });
});
