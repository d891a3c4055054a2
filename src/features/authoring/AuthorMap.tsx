import { Suspense, useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { Scenario } from '../../engine/model';
import { useMessages } from '../../lib/i18n';
import { heatFromFiles, type Heat } from './heatmap';
import { ScenarioMap } from './lazy-panels';
import { authorMessages } from './messages';

/**
 * True once the element, watched from when `watch` is true (the draft validates: the page has its
 * full height), has come into the viewport (at once where the browser cannot
 * tell): the map's layout code is fetched when the trainer scrolls towards it, not with the editor.
 */
function useNearScreen(ref: RefObject<HTMLElement | null>, watch: boolean): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !watch || !el) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [ref, near, watch]);
  return near;
}

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
  const [files, setFiles] = useState<Array<{ name: string; text: string }>>([]);
  const heat: Heat | null = scenario && files.length ? heatFromFiles(files, scenario.id) : null;
  const importId = useId();
  const box = useRef<HTMLElement>(null);
  const near = useNearScreen(box, !!scenario);
  const loading = (
    // The map's room (toolbar, drawing, legend), kept while the layout code arrives.
    <p className="muted author-map-loading" data-map-loading="" role="status">
      {t('mapLoading')}
    </p>
  );
  return (
    <section ref={box} className="author-map panel" aria-labelledby={titleId} data-author-map="">
      <h2 id={titleId}>{t('mapTitle')}</h2>
      {!scenario ? (
        <p className="muted">{t('mapWaiting')}</p>
      ) : (
        <>
          <p className="small muted">{t('mapHint')}</p>
          <div className="author-heat">
            <label htmlFor={importId}>{t('heatImport')}</label>
            <input
              id={importId}
              type="file"
              accept=".json,application/json"
              multiple
              data-control="import-attempts"
              onChange={(e) => {
                const list = [...(e.target.files ?? [])];
                void Promise.all(
                  list.map(async (f) => ({ name: f.name, text: await f.text() })),
                ).then(setFiles);
              }}
            />
            {heat && (
              <div data-heat="" aria-live="polite">
                <p>{t('heatSummary', { n: heat.attempts, files: heat.files })}</p>
                {heat.skipped.length > 0 && (
                  <p className="muted">{t('heatSkipped', { names: heat.skipped.join(', ') })}</p>
                )}
                <h3>{t('heatEndings')}</h3>
                <ul>
                  {Object.values(scenario.endings).map((e) => (
                    <li key={e.id} data-heat-ending={e.id}>
                      {e.title}: {heat.endings[e.id] ?? 0}
                    </li>
                  ))}
                </ul>
                <button type="button" className="button small" onClick={() => setFiles([])}>
                  {t('heatClear')}
                </button>
              </div>
            )}
          </div>
          {near ? (
            <Suspense fallback={loading}>
              <ScenarioMap
                scenario={scenario}
                selected={props.selected}
                onSelectNode={props.onSelect}
                {...(heat ? { counts: heat.moves } : {})}
              />
            </Suspense>
          ) : (
            loading
          )}
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
