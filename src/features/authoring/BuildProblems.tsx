import { useId } from 'react';
import { problems as builtProblems } from '../../lib/catalog';
import { useT } from '../../lib/i18n';

/** The file a formatted diagnostic (`path:line:col: …`) is about. */
function fileOf(problem: string): string {
  return /^(.*?):\d+:\d+:/.exec(problem)?.[1] ?? problem;
}

/**
 * The build's scenario files that failed to compile, as the developer text `npm run validate` prints
 * (the library only tells trainees that a drill is being updated). Nothing when every file compiled.
 */
export function BuildProblems(props: { problems?: readonly string[] }) {
  const t = useT();
  const titleId = useId();
  const problems = props.problems ?? builtProblems;
  if (problems.length === 0) return null;
  const files = new Set(problems.map(fileOf)).size;
  return (
    <section
      className="author-build-problems panel"
      aria-labelledby={titleId}
      data-build-problems=""
    >
      <h2 id={titleId}>{t('problemsTitle', { n: files })}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
      <p className="small muted">{t('problemsHint')}</p>
    </section>
  );
}
