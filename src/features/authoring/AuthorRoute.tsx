import { useId, useRef, useState, type DragEvent } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';
import { starterScenario, type TemplateLocale } from '../../engine/template';
import { useLocale, useMessages, useT } from '../../lib/i18n';
import { localize } from './localizer';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AnalysisList } from './AnalysisList';
import { BuildProblems } from './BuildProblems';
import './authoring.css';
import { DiagnosticsList } from './DiagnosticsList';
import { isEdited } from './draft-storage';
import { DraftList } from './DraftList';
import { downloadText, firstFile, isYamlName } from './file-io';
import { AuthorMap } from './AuthorMap';
import { authorMessages } from './messages';
import { Preview } from './Preview';
import { previewWanted, rememberPreview } from './preview-choice';
import { useAnalysis } from './use-analysis';
import { useDrafts, type Drafts } from './use-drafts';
import { useValidation } from './use-validation';
import { YamlEditor, type EditorHandle } from './YamlEditor';

const TEMPLATE_ID = 'my-scenario';

function template(locale: TemplateLocale) {
  return { fileName: `${TEMPLATE_ID}.${locale}.yaml`, text: starterScenario(TEMPLATE_ID, locale) };
}

/** `#/author`: the trainer's workspace — editor, live diagnostics, preview; drafts are kept on this device. */
export default function AuthorRoute() {
  const t = useMessages(authorMessages);
  const tApp = useT();
  useDocumentTitle(t('title'), tApp('appName'));
  const locale = useLocale();
  const templateLocale: TemplateLocale = locale.startsWith('zh') ? 'zh-CN' : 'en';
  const drafts = useDrafts(() => template(templateLocale), t('draftLabel'));
  if (!drafts)
    return (
      <p className="loading" role="status">
        {tApp('loading')}
      </p>
    );
  return <Workspace drafts={drafts} templateLocale={templateLocale} />;
}

function Workspace({ drafts, templateLocale }: { drafts: Drafts; templateLocale: TemplateLocale }) {
  const t = useMessages(authorMessages);
  const locale = useLocale();
  const { active } = drafts;
  const { text, fileName } = active;
  const setText = (next: string) => drafts.update({ text: next });
  const setFileName = (next: string) => drafts.update({ fileName: next });
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState('');
  const [from, setFrom] = useState('');
  const [playing, setPlaying] = useState(previewWanted);
  const play = () => {
    setPlaying(true);
    rememberPreview();
  };
  const editor = useRef<EditorHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nameId = useId();
  // The name as it was when the box took the focus: a rename enters the text's undo history as one step.
  const nameBefore = useRef(fileName);
  const commitName = () => {
    editor.current?.renamed(nameBefore.current, fileName);
    nameBefore.current = fileName;
  };
  const checked = useValidation(text, fileName);
  const analysis = useAnalysis(checked);
  const pending = !checked || checked.text !== text || checked.fileName !== fileName;
  // Never drop a draft silently: an edited one is replaced only when the author says so, and kept.
  const mayReplace = () =>
    !isEdited(active) || window.confirm(t('confirmReplace', { name: active.fileName }));
  const replaceWith = (name: string, content: string, done: string) => {
    const { replaced, kept } = drafts.open(name, content);
    setStatus(kept ? `${done} ${t('draftKept', { name: replaced.fileName })}` : done);
  };
  const openFile = (file: File) => {
    file.text().then(
      (content) => {
        if (!mayReplace()) return;
        replaceWith(
          file.name,
          content,
          isYamlName(file.name)
            ? t('opened', { name: file.name })
            : t('notYaml', { name: file.name }),
        );
      },
      () => setStatus(t('readFailed', { name: file.name })),
    );
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setDragging(false);
    if (e.defaultPrevented) return;
    const file = firstFile(e.dataTransfer.files);
    if (!file) return;
    e.preventDefault();
    openFile(file);
  };

  const goTo = (d: Pick<Diagnostic, 'line' | 'column'>) => editor.current?.goTo(d.line, d.column);
  const firstError = checked?.diagnostics.find((d) => d.severity === 'error') ?? null;
  const hasErrors = !!firstError;
  // While a newer text is being checked the preview keeps playing the last verdict.
  const valid = checked?.scenario ? checked : null;

  return (
    <div className="author">
      <div className="author-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      <BuildProblems />
      <div className="author-toolbar">
        <label htmlFor={nameId}>{t('fileName')}</label>
        <input
          id={nameId}
          className="author-file-name"
          data-control="file-name"
          value={fileName}
          spellCheck={false}
          onChange={(e) => setFileName(e.target.value)}
          onFocus={() => (nameBefore.current = fileName)}
          onBlur={commitName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitName();
          }}
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
            if (!mayReplace()) return;
            const tpl = template(templateLocale);
            replaceWith(tpl.fileName, tpl.text, t('templateLoaded'));
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
              key={active.id}
              ref={editor}
              initialText={active.text}
              label={t('editorLabel')}
              scrollLabel={t('editorScroll')}
              checked={checked}
              onChange={setText}
              onRename={setFileName}
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
          <DraftList
            drafts={drafts.drafts}
            activeId={active.id}
            onOpen={(id) => {
              drafts.switchTo(id);
              setStatus('');
            }}
            onDelete={(d) => {
              if (!window.confirm(t('confirmDelete', { name: d.fileName }))) return;
              drafts.remove(d.id);
              setStatus(t('draftDeleted', { name: d.fileName }));
            }}
          />
        </div>
        <Preview
          scenario={valid?.scenario ?? null}
          text={valid?.text ?? ''}
          hasErrors={hasErrors}
          playing={playing}
          onPlay={play}
          from={from}
          onFromChange={setFrom}
          draft={active.id}
        />
      </div>
      <AuthorMap
        scenario={valid?.scenario ?? null}
        text={text}
        onGoTo={goTo}
        draft={active.id}
        error={firstError ? { ...firstError, message: localize(firstError, locale) } : null}
        selected={selected}
        onSelect={setSelected}
        onPreviewFrom={(node) => {
          setFrom(node);
          play();
          document.getElementById('author-preview-title')?.scrollIntoView({ block: 'start' });
        }}
      />
    </div>
  );
}
