import { translator, type UiLocale } from '../lib/i18n';
import type { Route } from '../lib/route';
import { useUpdate } from './update-state';

/**
 * "A new version is ready", with Update and Later. Never on the projector: the class watches it during
 * a drill, and its window picks the new version up the next time it is opened.
 */
export function UpdatePrompt(props: { locale: UiLocale; route: Route }) {
  const apply = useUpdate((s) => s.apply);
  const dismissed = useUpdate((s) => s.dismissed);
  const dismiss = useUpdate((s) => s.dismiss);
  const { route } = props;
  if (!apply || dismissed) return null;
  if (route.name === 'classroom' && route.view === 'projector') return null;
  const t = translator(props.locale);
  return (
    <div className="notices" role="status" data-update-prompt>
      <p className="notice">
        <span>{t('updateReady')}</span>
        <span style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
          <button type="button" className="button small primary" data-update="now" onClick={apply}>
            {t('updateNow')}
          </button>
          <button type="button" className="button small" data-update="later" onClick={dismiss}>
            {t('updateLater')}
          </button>
        </span>
      </p>
    </div>
  );
}
