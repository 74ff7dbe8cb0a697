import fc from 'fast-check';
import { diffWords, plainTextOfBlocks, wordsOf } from '../../src/workflow/readable-diff';

const marked = (before: string, after: string) =>
  diffWords(before, after)
    .map(({ op, text }) => (op === 'insert' ? `[+${text}]` : op === 'delete' ? `[-${text}]` : text))
    .join('');

describe('diffWords', () => {
  test('Chinese is compared word by word, not character by character or as one line', () => {
    expect(wordsOf('学习中华人民共和国宪法')).toEqual(['学习', '中华', '人民', '共和国', '宪法']);
    expect(marked('学习中国人民共和国宪法', '学习中华人民共和国宪法')).toBe(
      '学习[-中国][+中华]人民共和国宪法',
    );
    expect(marked('Party building in 2024', 'Party building in 2025')).toBe(
      'Party building in [-2024][+2025]',
    );
    expect(marked('', '新增')).toBe('[+新增]');
    expect(marked('删去', '')).toBe('[-删去]');
  });

  test('a text rewritten wholesale is shown as replaced, not diffed word by word', () => {
    const before = Array.from({ length: 6000 }, (_, index) => `旧词${index}`).join(' ');
    const after = Array.from({ length: 6000 }, (_, index) => `新词${index}`).join(' ');
    expect(diffWords(before, after)).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  });

  test('keeping the equal and inserted runs gives the new text back; equal and deleted, the old one', () => {
    const text = fc.string({
      unit: fc.constantFrom('党', '建', '品', '牌', '，', '。', 'a', 'b', ' ', '\n', '2'),
    });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const changes = diffWords(before, after);
        return (
          changes
            .filter((change) => change.op !== 'delete')
            .map((change) => change.text)
            .join('') === after &&
          changes
            .filter((change) => change.op !== 'insert')
            .map((change) => change.text)
            .join('') === before
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('plainTextOfBlocks', () => {
  test('a line per paragraph, heading and list item; links and formatting read as their words', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: '一、基本情况' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '详见' },
          {
            type: 'link',
            url: 'https://example.cn',
            children: [{ type: 'text', text: '通知', bold: true }],
          },
          { type: 'text', text: '。' },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: '双提升' }] },
          { type: 'list-item', children: [{ type: 'text', text: '三服务' }] },
        ],
      },
      {
        type: 'image',
        image: { name: 'cover.png', alternativeText: '主题党日合影' },
        children: [{ type: 'text', text: '' }],
      },
    ];
    expect(plainTextOfBlocks(blocks)).toBe(
      '一、基本情况\n详见通知。\n双提升\n三服务\n[图片 主题党日合影]',
    );
    expect(plainTextOfBlocks(null)).toBe('');
  });
});
