// Renders a classroom screen as the stage does: in a locale, inside a `.stage` that carries its `lang`.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { LocaleContext, type UiLocale } from '../lib/i18n';

export const inLocale = (locale: UiLocale, ui: ReactNode) =>
  render(
    <LocaleContext.Provider value={locale}>
      <div className="stage" lang={locale}>
        {ui}
      </div>
    </LocaleContext.Provider>,
  );
