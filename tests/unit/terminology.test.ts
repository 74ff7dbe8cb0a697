import {
  STARTER_RULES,
  TerminologyMatcher,
  sentenceAround,
  textsOf,
  type TerminologyRule,
} from '../../src/workflow/terminology';

const rule = (pattern: string, severity: 'block' | 'warn' = 'block'): TerminologyRule => ({
  pattern,
  suggestion: `${pattern}!`,
  severity,
  note: null,
});

describe('terminology matcher', () => {
  test('finds the classic wrong country name with its exact span', () => {
    const matcher = new TerminologyMatcher(STARTER_RULES);
    const text = '纪念中国人民共和国成立';
    const [hit] = matcher.check('body', text);
    expect(hit).toMatchObject({
      pattern: '中国人民共和国',
      suggestion: '中华人民共和国',
      severity: 'block',
      field: 'body',
    });
    expect(text.slice(hit.start, hit.end)).toBe('中国人民共和国');
    expect(matcher.check('body', '纪念中华人民共和国成立')).toEqual([]);
  });

  test('reports every occurrence of every rule, overlapping ones included', () => {
    const matcher = new TerminologyMatcher([rule('党建'), rule('建品牌', 'warn')]);
    const hits = matcher.check('title', '党建品牌，党建');
    expect(hits.map((hit) => [hit.pattern, hit.start])).toEqual(
      expect.arrayContaining([
        ['党建', 0],
        ['建品牌', 1],
        ['党建', 5],
      ]),
    );
    expect(hits).toHaveLength(3);
  });

  test('among thousands of rules, finds exactly the ones the text contains, in order', () => {
    const rules = Array.from({ length: 5000 }, (_, index) =>
      rule(`规范用语${index.toString(36)}号`),
    );
    const matcher = new TerminologyMatcher(rules);
    const text = `${'正文内容'.repeat(2000)}规范用语zz号${'正文内容'.repeat(2000)}规范用语0号`;
    expect(matcher.check('body', text).map((hit) => hit.pattern)).toEqual([
      '规范用语zz号',
      '规范用语0号',
    ]);
  });

  test('an empty rule set matches nothing', () => {
    expect(new TerminologyMatcher([]).check('body', '中国人民共和国')).toEqual([]);
  });
});

describe('the sentence a hit sits in', () => {
  test.each([
    ['第一句。纪念中国人民共和国成立！第三句', '中国人民共和国', '纪念中国人民共和国成立！'],
    ['中国人民共和国', '中国人民共和国', '中国人民共和国'],
    ['First line\n  中国人民共和国 in a line; next', '中国人民共和国', '中国人民共和国 in a line;'],
    ['问：是中国人民共和国吗？答：不是', '中国人民共和国', '问：是中国人民共和国吗？'],
  ])('in %j, %s sits in %j', (text, pattern, sentence) => {
    const start = text.indexOf(pattern);
    const found = sentenceAround(text, start, start + pattern.length);
    expect(found.sentence).toBe(sentence);
    expect(found.sentence.slice(found.sentenceStart, found.sentenceStart + pattern.length)).toBe(
      pattern,
    );
  });

  test('a text without stops is read at most 120 characters either side of the hit', () => {
    const text = `${'党建'.repeat(50_000)}中国人民共和国${'党建'.repeat(50_000)}`;
    const start = text.indexOf('中国人民共和国');
    const found = sentenceAround(text, start, start + 7);
    expect(found.sentence.length).toBe(120 + 7 + 120);
    expect(found.sentence.slice(found.sentenceStart, found.sentenceStart + 7)).toBe(
      '中国人民共和国',
    );
  });
});

describe('texts of normalised content', () => {
  test('walks strings, components and rich-text leaves, skipping urls and block types', () => {
    const texts = textsOf({
      title: '标题',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '正文' },
            {
              type: 'link',
              url: 'https://example.com/中国人民共和国',
              children: [{ type: 'text', text: '链接' }],
            },
          ],
        },
      ],
      seo: { metaTitle: 'SEO 标题' },
      pillars: [{ title: '双提升', text: '说明' }],
      durationSeconds: 30,
    });
    expect(texts).toEqual([
      { field: 'title', text: '标题' },
      { field: 'body[0].children[0]', text: '正文' },
      { field: 'body[0].children[1].children[0]', text: '链接' },
      { field: 'seo.metaTitle', text: 'SEO 标题' },
      { field: 'pillars[0].title', text: '双提升' },
      { field: 'pillars[0].text', text: '说明' },
    ]);
  });
});
