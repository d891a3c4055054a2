import { Suspense, useId, useMemo, useState } from 'react';
import type { Scenario } from '../../engine/model';
import { useMessages } from '../../lib/i18n';
import { useLastGood } from './last-good';
import { mapPreviewMessages } from './map-preview-messages';
import { authorMessages } from './messages';
import { PreviewPlayer, prefetchPlayer } from './lazy-panels';
import { textKey } from './text-key';

// A changed file gets a fresh actor, keyed by a hash of its text.
export { textKey } from './text-key';

/** A copy of the scenario that starts at another node (the preview's "start from here"). */
export function startingAt(scenario: Scenario, node: string): Scenario {
  return node === scenario.start || !scenario.nodes[node] ? scenario : { ...scenario, start: node };
}

/**
 * Plays the draft beside the editor once the trainer asks for it (the run's code, machine and
 * conversation load then, not with the editor); from then on it restarts whenever the text changes.
 */
export function Preview(props: {
  scenario: Scenario | null;
  text: string;
  hasErrors: boolean;
  /** The trainer has asked to play (Play, Restart, a start node, the map's "preview from here"). */
  playing: boolean;
  onPlay: () => void;
  /** The node to start from (the map's "preview from here"); the preview's own select changes it. */
  from: string;
  onFromChange: (node: string) => void;
  /** The language of the scenario's text (its file's `locale` when not given); the workspace's own words stay in the UI language. */
  lang?: string | undefined;
  /** Which draft is open: the last version without errors is kept for that draft only. */
  draft?: string;
}) {
  const t = useMessages(authorMessages);
  const tw = useMessages(mapPreviewMessages);
  const { from, onFromChange: setFrom } = props;
  const [round, setRound] = useState(0);
  const selectId = useId();
  // While the text has an error, the last version without one stays, greyed and still.
  const { scenario, text, stale } = useLastGood(props.scenario, props.text, props.draft);
  const startAt = scenario && scenario.nodes[from] ? from : (scenario?.start ?? '');
  const played = useMemo(
    () => (scenario ? startingAt(scenario, startAt) : null),
    [scenario, startAt],
  );
  const key = useMemo(() => textKey(text), [text]);

  return (
    <section
      className={`author-preview panel${stale ? ' is-stale' : ''}`}
      aria-labelledby="author-preview-title"
      data-stale={stale || undefined}
    >
      <div className="author-preview-head">
        <h2 id="author-preview-title">{t('preview')}</h2>
        {scenario && (
          <div className="author-preview-controls" inert={stale}>
            <label htmlFor={selectId}>{t('startFrom')}</label>
            <select
              id={selectId}
              data-control="start-from"
              value={startAt}
              onChange={(e) => {
                setFrom(e.target.value);
                props.onPlay();
              }}
            >
              {Object.keys(scenario.nodes).map((id) => (
                <option key={id} value={id}>
                  {id === scenario.start ? t('startDefault', { node: id }) : id}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button small"
              data-action="restart-preview"
              onClick={() => {
                setRound((r) => r + 1);
                props.onPlay();
              }}
            >
              {t('restart')}
            </button>
          </div>
        )}
      </div>
      {stale && (
        <p className="author-stale" data-preview="blocked" role="status">
          {tw('previewStale')}
        </p>
      )}
      {!played ? (
        <p className="author-preview-empty" data-preview="blocked">
          {props.hasErrors ? t('previewBlocked') : t('previewWaiting')}
        </p>
      ) : !props.playing ? (
        stale ? null : (
          <div className="author-preview-ready" data-preview="ready">
            <p className="author-preview-empty">{t('previewReady')}</p>
            <button
              type="button"
              className="button"
              data-action="play-preview"
              // The run's code starts downloading as the pointer or the focus comes to the button.
              onPointerEnter={prefetchPlayer}
              onFocus={prefetchPlayer}
              onClick={props.onPlay}
            >
              {t('playPreview')}
            </button>
          </div>
        )
      ) : (
        <Suspense
          fallback={
            // The run's room, kept while its code arrives, so nothing below it jumps.
            <p
              className="author-preview-empty author-preview-loading"
              data-preview="loading"
              role="status"
              aria-busy="true"
            >
              {t('previewWaiting')}
            </p>
          }
        >
          <div className="author-preview-body" inert={stale}>
            <PreviewPlayer
              runKey={`${key}:${startAt}:${round}`}
              scenario={played}
              lang={props.lang ?? played.locale}
            />
          </div>
        </Suspense>
      )}
    </section>
  );
}
