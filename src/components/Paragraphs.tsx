import { paragraphs } from '../engine/selectors/paragraphs';

/**
 * A scenario's longer text (a briefing, an ending, a narration) as paragraphs: wrapped source lines
 * joined, a blank line between paragraphs (selectors/paragraphs.ts). `locale` is the text's language,
 * which decides how lines join; `lang` is put on each paragraph when given. Text stays text.
 */
export function Paragraphs(props: {
  text: string | undefined;
  locale: string;
  className?: string;
  lang?: string | undefined;
}) {
  return (
    <>
      {paragraphs(props.text ?? '', props.locale).map((para, i) => (
        <p key={i} className={props.className} lang={props.lang}>
          {para}
        </p>
      ))}
    </>
  );
}
