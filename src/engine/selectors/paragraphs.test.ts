import { describe, expect, it } from 'vitest';
import { paragraphs } from './paragraphs';

describe('paragraphs', () => {
  it('joins wrapped English lines with one space; only a blank line starts a paragraph', () => {
    const text =
      'Saturday, 11:40, service desk. Ms Li bought\na washing machine four months ago.\n\n  It failed again\n   \nafter the repair.\n';
    expect(paragraphs(text, 'en')).toEqual([
      'Saturday, 11:40, service desk. Ms Li bought a washing machine four months ago.',
      'It failed again',
      'after the repair.',
    ]);
  });

  it('joins Chinese lines with no space', () => {
    expect(
      paragraphs(
        '周六上午，服务台。李女士四个月前\n买了一台洗衣机，\nWi-Fi 模块\n又坏了。\n\n她很生气。',
        'zh-CN',
      ),
    ).toEqual(['周六上午，服务台。李女士四个月前买了一台洗衣机，Wi-Fi 模块又坏了。', '她很生气。']);
    expect(paragraphs('週六上午，\n服務台。', 'zh-TW')).toEqual(['週六上午，服務台。']);
  });

  it('joins two CJK characters with no space in another language too; CRLF files read the same', () => {
    expect(paragraphs('She said 你好\r\n谢谢 and left.\r\n\r\nEnd.', 'en')).toEqual([
      'She said 你好谢谢 and left.',
      'End.',
    ]);
  });

  it('has no paragraphs for empty or blank text', () => {
    expect(paragraphs('', 'en')).toEqual([]);
    expect(paragraphs('\n  \n\n', 'zh-CN')).toEqual([]);
  });
});
