// The language of the trainer's command-line tools: `--lang <locale>` (or `--lang=<locale>`), else
// the environment's locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them):
// zh_CN → zh-CN; zh_TW, zh_HK, zh_MO, zh-Hant → zh-TW; C, POSIX or anything else → en.
import {
  fill,
  messageLang,
  type MessageLang,
  type MessageParams,
  type Texts,
} from '../engine/messages';

export interface CliArgs {
  lang: MessageLang;
  /** The arguments without `--` and without the `--lang` option. */
  rest: string[];
}

export function cliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): CliArgs {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a === '--lang') flag = argv[++i];
    else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
    else rest.push(a);
  }
  const fromEnv = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return { lang: messageLang(flag ?? fromEnv), rest };
}

/** A translate function over a CLI's own dictionary of texts. */
export function cliText<K extends string>(dict: Record<K, Texts>, lang: MessageLang) {
  return (key: K, params: MessageParams = {}) => fill(dict[key][lang], params, lang);
}
