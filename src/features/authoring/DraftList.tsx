import { useId } from 'react';
import { formatDate } from '../../lib/dates';
import { useLocale, useMessages } from '../../lib/i18n';
import type { Draft } from './draft-storage';
import { authorMessages } from './messages';

/** The drafts kept on this device: the open one marked, any other can be opened again or deleted. */
export function DraftList(props: {
  drafts: readonly Draft[];
  activeId: string;
  onOpen: (id: string) => void;
  onDelete: (draft: Draft) => void;
}) {
  const t = useMessages(authorMessages);
  const locale = useLocale();
  const titleId = useId();
  const when = (d: Draft) =>
    Date.parse(d.savedAt)
      ? t('draftSavedAt', { date: formatDate(d.savedAt, locale, { time: true }) })
      : '';
  return (
    <section className="author-drafts panel" aria-labelledby={titleId} data-drafts="">
      <h2 id={titleId}>{t('draftsTitle')}</h2>
      <p className="small muted">{t('draftsIntro')}</p>
      <ul>
        {props.drafts.map((d) => {
          const open = d.id === props.activeId;
          return (
            <li
              key={d.id}
              data-draft-file={d.fileName}
              aria-current={open ? 'true' : undefined}
              className={open ? 'is-open' : undefined}
            >
              <span className="author-draft-name">
                <bdi>{d.fileName}</bdi>
              </span>
              <span className="small muted">{when(d)}</span>
              {open ? (
                <span className="badge">{t('draftOpenNow')}</span>
              ) : (
                <span className="author-draft-actions">
                  <button
                    type="button"
                    className="button small"
                    data-action="open-draft"
                    aria-label={t('draftOpenName', { name: d.fileName })}
                    onClick={() => props.onOpen(d.id)}
                  >
                    {t('draftOpen')}
                  </button>
                  <button
                    type="button"
                    className="button small"
                    data-action="delete-draft"
                    aria-label={t('draftDeleteName', { name: d.fileName })}
                    onClick={() => props.onDelete(d)}
                  >
                    {t('draftDelete')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
