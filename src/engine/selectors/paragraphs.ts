// How a scenario's longer texts (briefing, endings, narration) become paragraphs on screen and in the
// pack: YAML's `|` keeps every source line break, but trainers wrap lines to fit their editor, so a
// single line break is no paragraph. Text stays text: the screens render each paragraph as a `<p>`.

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * The paragraphs of a text: only a blank line (or one of spaces) starts a new one. The lines of a
 * paragraph are joined with one space, except in Chinese or Japanese text (`locale` zh-*, ja-*), and
 * between two CJK characters in any language, where they join with none. Empty text has no paragraphs.
 */
export function paragraphs(text: string, locale: string): string[] {
  const tight = /^(zh|ja)\b/i.test(locale);
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .reduce((joined, line) => {
          if (joined === '') return line;
          const gap = tight || (CJK.test(joined.slice(-1)) && CJK.test(line[0]!)) ? '' : ' ';
          return joined + gap + line;
        }, ''),
    )
    .filter((para) => para !== '');
}
