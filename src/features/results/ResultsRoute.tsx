import { useId, useRef, useState } from 'react';
import { formatCount } from '../../engine/selectors/format';
import { drillVersions, mergeResultFiles, type ResultFile } from '../../engine/selectors/results';
import { useLocale, useMessages, useT } from '../../lib/i18n';
import { MAX_FILE_BYTES, parseAttemptFile, type ImportProblem } from '../../lib/results-import';
import { useDocumentTitle } from '../../lib/use-document-title';
import { DrillResults } from './DrillResults';
import { resultsMessages } from './messages';
import './results.css';

/** A note about one imported file: why it was not read, or what of it was left out. */
interface FileNote {
  id: number;
  key: 'tooLarge' | 'notJson' | 'notAttempts' | 'newerFormat' | 'unreadable' | 'emptyFile';
  name: string;
  n?: number;
  problem: boolean;
}

const PROBLEM_KEY: Record<ImportProblem, FileNote['key']> = {
  'too-large': 'tooLarge',
  'not-json': 'notJson',
  'not-attempts': 'notAttempts',
  'newer-format': 'newerFormat',
};

let noteId = 0;

/** Reads files one by one: each good one is kept, each bad one named with its reason. */
async function readFiles(list: readonly File[]) {
  const files: ResultFile[] = [];
  const notes: FileNote[] = [];
  for (const f of list) {
    const base = { id: ++noteId, name: f.name };
    if (f.size > MAX_FILE_BYTES) {
      notes.push({ ...base, key: 'tooLarge', problem: true });
      continue;
    }
    let text: string;
    try {
      text = await f.text();
    } catch {
      notes.push({ ...base, key: 'notJson', problem: true });
      continue;
    }
    const r = parseAttemptFile(f.name, text);
    if (!r.ok) {
      notes.push({ ...base, key: PROBLEM_KEY[r.problem], problem: true });
      continue;
    }
    files.push(r.file);
    if (r.unreadable) notes.push({ ...base, key: 'unreadable', n: r.unreadable, problem: false });
    else if (!r.file.attempts.length) notes.push({ ...base, key: 'emptyFile', problem: false });
  }
  return { files, notes };
}

/** `#/results`: trainers import the attempt files of a class; nothing is saved (the page holds it all). */
export default function ResultsRoute() {
  const r = useMessages(resultsMessages);
  const t = useT();
  const ui = useLocale();
  const [files, setFiles] = useState<ResultFile[]>([]);
  const [notes, setNotes] = useState<FileNote[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  useDocumentTitle(r('title'), t('appName'));

  const add = async (list: readonly File[]) => {
    if (!list.length) return;
    const read = await readFiles(list);
    setFiles((fs) => [...fs, ...read.files]);
    setNotes((ns) => [...ns, ...read.notes]);
  };
  const merged = mergeResultFiles(files);
  const versions = drillVersions(merged);
  const problems = notes.filter((n) => n.problem);
  const remarks = notes.filter((n) => !n.problem);
  const noteText = (n: FileNote) =>
    r(n.key, {
      name: n.name,
      n: n.n ?? 0,
      count: formatCount(n.n ?? 0, ui),
      mb: MAX_FILE_BYTES / 1024 / 1024,
    });
  const count = (key: 'fileCount' | 'traineeCount' | 'attemptCount', n: number) =>
    r(key, { n, count: formatCount(n, ui) });

  return (
    <section
      className={`results-view${over ? ' drop-over' : ''}`}
      aria-labelledby={titleId}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void add([...e.dataTransfer.files]);
      }}
    >
      <div className="results-head">
        <h1 id={titleId}>{r('title')}</h1>
        <p className="lead">{r('intro')}</p>
        <p className="results-not-saved" data-not-saved="">
          {r('notSaved')}
        </p>
      </div>
      <div className="results-import panel" data-drop-zone="">
        <p>
          {r('dropHere')}{' '}
          <button
            type="button"
            className="button primary"
            data-action="choose-files"
            onClick={() => input.current?.click()}
          >
            {r('chooseFiles')}
          </button>
        </p>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          multiple
          hidden
          data-control="results-files"
          onChange={(e) => {
            const list = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            void add(list);
          }}
        />
        <p className="results-actions">
          {files.length > 0 && (
            <button type="button" className="button" data-action="print" onClick={() => print()}>
              {r('print')}
            </button>
          )}
          {(files.length > 0 || notes.length > 0) && (
            <button
              type="button"
              className="button"
              data-action="clear-results"
              onClick={() => {
                setFiles([]);
                setNotes([]);
              }}
            >
              {r('clearAll')}
            </button>
          )}
        </p>
      </div>
      <div role="status" className="results-status">
        {files.length === 0 ? (
          <p className="muted">{r('nothingYet')}</p>
        ) : (
          <p data-import-summary="">
            {r('imported', {
              files: count('fileCount', files.length),
              trainees: count('traineeCount', merged.trainees.length),
              attempts: count('attemptCount', merged.attempts.length),
            })}
            {merged.duplicates > 0 && (
              <>
                {' '}
                {r('duplicates', {
                  n: merged.duplicates,
                  count: formatCount(merged.duplicates, ui),
                })}
              </>
            )}
          </p>
        )}
        {remarks.map((n) => (
          <p key={n.id} className="muted small" data-file-note={n.key}>
            {noteText(n)}
          </p>
        ))}
      </div>
      {problems.length > 0 && (
        <section className="results-problems panel" role="alert" aria-label={r('problems')}>
          <h2>{r('problems')}</h2>
          <ul>
            {problems.map((n) => (
              <li key={n.id} data-file-problem={n.key}>
                {noteText(n)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {versions.map((v) => (
        <DrillResults key={v.key} version={v} trainees={merged.trainees} />
      ))}
    </section>
  );
}
