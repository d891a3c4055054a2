import { Suspense, useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { Scenario } from '../../engine/model';
import { choiceCondition, destinationWords } from '../../engine/selectors/condition-words';
import { useMessages } from '../../lib/i18n';
import { heatFromFiles, type Heat } from './heatmap';
import { useLastGood } from './last-good';
import { ScenarioMap } from './lazy-panels';
import { mapPreviewMessages } from './map-preview-messages';
import { authorMessages } from './messages';
import { sourcePlace } from './node-line';

/** A place in the file (1-based), as the diagnostics list moves the editor to it. */
type Place = { line: number; column: number };

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
  /** The editor's text now: a node's key in it is where a click on the node moves the editor. */
  text?: string;
  /** Moves the editor to a place (the diagnostics list's way). */
  onGoTo?: (place: Place) => void;
  /** Which draft is open: the last map without errors is kept for that draft only. */
  draft?: string;
  /** The text's first error, shown over the greyed last map. */
  error?: (Place & { message: string }) | null;
}) {
  const t = useMessages(authorMessages);
  const tw = useMessages(mapPreviewMessages);
  const titleId = useId();
  const shown = useLastGood(props.scenario, '', props.draft);
  const { scenario, stale } = shown;
  const node = scenario?.nodes[props.selected];
  const words = {
    branchIf: (to: string, cond: string) => tw('branchIf', { to, cond }),
    otherwise: (to: string) => tw('otherwise', { to }),
  };
  const select = (id: string) => {
    props.onSelect(id);
    const at = props.text === undefined ? null : sourcePlace(props.text, id);
    if (at) props.onGoTo?.(at);
  };
  const { error, onGoTo } = props;
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
    <section
      ref={box}
      className={`author-map panel${stale ? ' is-stale' : ''}`}
      aria-labelledby={titleId}
      data-author-map=""
      data-stale={stale || undefined}
    >
      <h2 id={titleId}>{t('mapTitle')}</h2>
      {stale && (
        <div className="author-stale" role="status" data-map-stale="">
          <p>{tw('mapStale')}</p>
          {error && (
            <button
              type="button"
              className="author-diagnostic is-error"
              data-action="stale-error"
              onClick={() => onGoTo?.(error)}
            >
              {tw('errorAt', { line: error.line, message: error.message })}
            </button>
          )}
        </div>
      )}
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
                onSelectNode={select}
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
                    <li key={c.id} data-choice={c.id}>
                      <strong>{t('scorePoints', { n: c.score })}</strong> {c.text}{' '}
                      <span className="muted" data-leads-to="">
                        {t('leadsTo', { target: destinationWords(scenario, c.next, words) })}
                      </span>
                      {c.when && (
                        <span className="author-map-condition" data-condition="">
                          {tw('onlyIf', { cond: choiceCondition(c) ?? '' })}
                        </span>
                      )}
                    </li>
                  ))}
                {node.onTimeout && (
                  <li data-choice="timeout">
                    <strong>{tw('timeoutMove', { n: node.timeLimit ?? 0 })}</strong>{' '}
                    <span className="muted" data-leads-to="">
                      {t('leadsTo', {
                        target: destinationWords(scenario, node.onTimeout.next, words),
                      })}
                    </span>
                  </li>
                )}
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
