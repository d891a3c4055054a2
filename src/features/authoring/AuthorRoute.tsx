import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';
import { starterScenario, type TemplateLocale } from '../../engine/template';
import { useLocale, useMessages, useT } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AnalysisList } from './AnalysisList';
import './authoring.css';
import { DiagnosticsList } from './DiagnosticsList';
import { readDraft, saveDraft, setAsideDraft, type Draft } from './draft-storage';
import { downloadText, firstFile, isYamlName } from './file-io';
import { AuthorMap } from './AuthorMap';
import { authorMessages } from './messages';
import { Preview } from './Preview';
import { useAnalysis } from './use-analysis';
import { useValidation } from './use-validation';
import { YamlEditor, type EditorHandle } from './YamlEditor';

const TEMPLATE_ID = 'my-scenario';
const SAVE_DELAY = 300;

function template(locale: TemplateLocale): Draft {
  return { fileName: `${TEMPLATE_ID}.${locale}.yaml`, text: starterScenario(TEMPLATE_ID, locale) };
}

/** `#/author`: the trainer's workspace — editor, live diagnostics, preview; the draft is kept on this device. */
export default function AuthorRoute() {
  const t = useMessages(authorMessages);
  const tApp = useT();
  useDocumentTitle(t('title'), tApp('appName'));
  const locale = useLocale();
  const templateLocale: TemplateLocale = locale.startsWith('zh') ? 'zh-CN' : 'en';
  const [saved] = useState(readDraft);
  const [initial] = useState<Draft>(() => saved.draft ?? template(templateLocale));
  const [text, setText] = useState(initial.text);
  const [fileName, setFileName] = useState(initial.fileName);
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState('');
  const [from, setFrom] = useState('');
  const editor = useRef<EditorHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const checked = useValidation(text, fileName);
  const analysis = useAnalysis(checked);
  const pending = !checked || checked.text !== text || checked.fileName !== fileName;

  useEffect(() => {
    if (saved.corrupt !== null) setAsideDraft(saved.corrupt, t('draftLabel'));
  }, [saved, t]);

  // Nothing lost: save shortly after every change, and at once when the page goes away.
  const draft = useRef<Draft>({ text, fileName });
  useEffect(() => {
    draft.current = { text, fileName };
    const timer = setTimeout(() => saveDraft(draft.current), SAVE_DELAY);
    return () => clearTimeout(timer);
  }, [text, fileName]);
  useEffect(() => {
    const flush = () => saveDraft(draft.current);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const openFile = useCallback(
    (file: File) => {
      file.text().then(
        (content) => {
          setFileName(file.name);
          editor.current?.replace(content);
          setStatus(
            isYamlName(file.name)
              ? t('opened', { name: file.name })
              : t('notYaml', { name: file.name }),
          );
        },
        () => setStatus(t('readFailed', { name: file.name })),
      );
    },
    [t],
  );

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setDragging(false);
    if (e.defaultPrevented) return;
    const file = firstFile(e.dataTransfer.files);
    if (!file) return;
    e.preventDefault();
    openFile(file);
  };

  const goTo = (d: Pick<Diagnostic, 'line' | 'column'>) => editor.current?.goTo(d.line, d.column);
  const hasErrors = !!checked?.diagnostics.some((d) => d.severity === 'error');
  // While a newer text is being checked the preview keeps playing the last verdict.
  const valid = checked?.scenario ? checked : null;

  return (
    <div className="author">
      <div className="author-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      <div className="author-toolbar">
        <label htmlFor={nameId}>{t('fileName')}</label>
        <input
          id={nameId}
          className="author-file-name"
          data-control="file-name"
          value={fileName}
          spellCheck={false}
          onChange={(e) => setFileName(e.target.value)}
        />
        <button
          type="button"
          className="button small"
          data-action="open-file"
          onClick={() => fileInput.current?.click()}
        >
          {t('openFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml"
          hidden
          aria-label={t('openFile')}
          data-control="open-file"
          onChange={(e) => {
            const file = firstFile(e.target.files);
            if (file) openFile(file);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="button small"
          data-action="new-from-template"
          onClick={() => {
            const tpl = template(templateLocale);
            setFileName(tpl.fileName);
            editor.current?.replace(tpl.text);
            setStatus(t('templateLoaded'));
          }}
        >
          {t('newFromTemplate')}
        </button>
        <button
          type="button"
          className="button small"
          data-action="download"
          onClick={() => downloadText(fileName, text)}
        >
          {t('download')}
        </button>
        <p className="author-toolbar-status" role="status">
          {status}
        </p>
      </div>
      <div className="author-grid">
        <div className="author-source">
          <div
            className={`author-drop${dragging ? ' is-dragging' : ''}`}
            data-drop-zone=""
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes('Files')) return;
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <YamlEditor
              ref={editor}
              initialText={initial.text}
              label={t('editorLabel')}
              scrollLabel={t('editorScroll')}
              checked={checked}
              onChange={setText}
              onFile={(file) => {
                setDragging(false);
                openFile(file);
              }}
            />
            {dragging && (
              <p className="author-drop-hint" aria-hidden="true">
                {t('dropHere')}
              </p>
            )}
          </div>
          <p className="small muted">{t('dropHint')}</p>
          <DiagnosticsList
            diagnostics={checked?.diagnostics ?? null}
            pending={pending}
            failure={checked?.failure}
            onGoTo={goTo}
          />
          <AnalysisList analysed={analysis.analysed} pending={analysis.pending} onGoTo={goTo} />
        </div>
        <Preview
          scenario={valid?.scenario ?? null}
          text={valid?.text ?? ''}
          hasErrors={hasErrors}
          from={from}
          onFromChange={setFrom}
        />
      </div>
      <AuthorMap
        scenario={valid?.scenario ?? null}
        selected={selected}
        onSelect={setSelected}
        onPreviewFrom={(node) => {
          setFrom(node);
          document.getElementById('author-preview-title')?.scrollIntoView({ block: 'start' });
        }}
      />
    </div>
  );
}
