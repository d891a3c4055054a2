// useT when the UI switches to a language whose words have not loaded yet (issue 12 split them per
// language): the English screen stays while they load (a transition), then the screen renders in the
// new language, and React logs nothing. useT calls use() on every render (the words' promise is marked
// fulfilled once in): calling it only while the words were missing made React log "called use() to
// suspend in a previous render but did not call use() when it finished" when it replayed a suspended
// render in the browser (tests/e2e/scorm.test.ts's relaunch caught it; this jsdom test does not replay
// renders that way, so it guards the behaviour, not that timing).
import { act, render, screen } from '@testing-library/react';
import { Suspense, startTransition } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { words as en } from './i18n-messages/ui-en';
import { words as zhTW } from './i18n-messages/ui-zh-TW';

afterEach(() => {
  vi.doUnmock('./i18n-words');
  vi.resetModules();
});

it('suspends on words not loaded yet, then renders them, without a React error', async () => {
  vi.resetModules();
  let release!: () => void;
  const late = new Promise<void>((r) => (release = r));
  let zhTWIn = false;
  // The real module, with zh-TW held back after the module's own start-up load.
  vi.doMock('./i18n-words', async (importOriginal) => {
    const real = await importOriginal<typeof import('./i18n-words')>();
    let armed = false;
    let held: ReturnType<typeof real.loadWords> | null = null;
    return {
      ...real,
      loadWords: (l: Parameters<typeof real.loadWords>[0]) => {
        if (l !== 'zh-TW' || !armed) return real.loadWords(l);
        return (held ??= late.then(() => {
          zhTWIn = true;
          return real.loadWords(l);
        }));
      },
      loadedWords: (l: Parameters<typeof real.loadedWords>[0]) =>
        l === 'zh-TW' && armed && !zhTWIn ? undefined : real.loadedWords(l),
      arm: () => (armed = true),
    };
  });
  const words = (await import('./i18n-words')) as unknown as { arm: () => void };
  const { LocaleContext, useT } = await import('./i18n');
  words.arm();
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  function Title() {
    return <p>{useT()('backToLibrary')}</p>;
  }
  function Page(props: { locale: 'en' | 'zh-TW' }) {
    return (
      <LocaleContext.Provider value={props.locale}>
        <Suspense fallback={<p>waiting</p>}>
          <Title />
        </Suspense>
      </LocaleContext.Provider>
    );
  }
  const view = render(<Page locale="en" />);
  expect(screen.getByText(en.backToLibrary as string)).toBeTruthy();
  // The switch, as a transition: the English screen stays while the words load, then zh-TW shows.
  await act(async () => {
    startTransition(() => view.rerender(<Page locale="zh-TW" />));
    await Promise.resolve();
    release();
    await late;
  });
  expect(await screen.findByText(zhTW.backToLibrary as string)).toBeTruthy();
  expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([]);
  errors.mockRestore();
});
