import { useId } from 'react';
import { ScenarioMap } from '../../components/scenario-map/ScenarioMap';
import type { Scenario } from '../../engine/model';
import { useMessages } from '../../lib/i18n';
import { authorMessages } from './messages';

/** The draft's map: click a node to read its lines and choices and to start the preview there. */
export function AuthorMap(props: {
  scenario: Scenario | null;
  selected: string;
  onSelect: (node: string) => void;
  onPreviewFrom: (node: string) => void;
}) {
  const t = useMessages(authorMessages);
  const titleId = useId();
  const { scenario } = props;
  const node = scenario?.nodes[props.selected];
  return (
    <section className="author-map panel" aria-labelledby={titleId} data-author-map="">
      <h2 id={titleId}>{t('mapTitle')}</h2>
      {!scenario ? (
        <p className="muted">{t('mapWaiting')}</p>
      ) : (
        <>
          <p className="small muted">{t('mapHint')}</p>
          <ScenarioMap
            scenario={scenario}
            selected={props.selected}
            onSelectNode={props.onSelect}
          />
          {node && (
            <div className="author-map-node" data-map-node={node.id} aria-live="polite">
              <h3>
                {node.id} · {node.step}
              </h3>
              {node.narration && <p className="narration">{node.narration}</p>}
              {node.say && <blockquote className="bubble">{node.say}</blockquote>}
              <ol className="author-map-choices">
                {[...node.choices]
                  .sort((a, b) => b.score - a.score)
                  .map((c) => (
                    <li key={c.id}>
                      <strong>{t('scorePoints', { n: c.score })}</strong> {c.text}{' '}
                      <span className="muted">
                        {t('leadsTo', { target: c.next.map((b) => b.goto).join(' / ') })}
                      </span>
                    </li>
                  ))}
              </ol>
              <button
                type="button"
                className="button"
                data-action="preview-from"
                onClick={() => props.onPreviewFrom(node.id)}
              >
                {t('previewFromHere')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
