import {
  pathKeys,
  replacedValue,
  spanIn,
  targetOf,
} from '../../src/admin/workflow/terminologyTargets';
import type { TerminologyHit } from '../../src/workflow/contracts';

const hitOf = (
  field: string,
  text: string,
  pattern: string,
  suggestion: string | null = '建议用语',
): TerminologyHit => {
  const start = text.indexOf(pattern);
  return {
    pattern,
    suggestion,
    severity: 'block',
    note: null,
    field,
    place: field,
    start,
    end: start + pattern.length,
    excerpt: text,
    sentence: text,
    sentenceStart: start,
  };
};
const paragraph = (...texts: string[]) => ({
  type: 'paragraph',
  children: texts.map((text) => ({ type: 'text', text })),
});

describe('where a hit is in the edit form', () => {
  test('paths read as the form names them', () => {
    expect(pathKeys('body[1].children[0]')).toEqual(['body', 1, 'children', 0]);
    expect(pathKeys('seo.metaTitle')).toEqual(['seo', 'metaTitle']);
  });

  test('a hit in a rich-text field is in its blocks; one in a string, component or list item field is plain text', () => {
    const values = {
      title: '标题',
      body: [paragraph('第一段。'), paragraph('第二段布署。')],
      seo: { metaTitle: '布署' },
      pillars: [{ text: '布署' }],
    };
    expect(targetOf(hitOf('body[1].children[0]', '第二段布署。', '布署'), values)).toEqual({
      kind: 'blocks',
      name: 'body',
      leaf: [1, 0],
    });
    expect(targetOf(hitOf('title', '标题', '标题'), values)).toEqual({
      kind: 'text',
      name: 'title',
    });
    expect(targetOf(hitOf('seo.metaTitle', '布署', '布署'), values)).toEqual({
      kind: 'text',
      name: 'seo.metaTitle',
    });
    expect(targetOf(hitOf('pillars[0].text', '布署', '布署'), values)).toEqual({
      kind: 'text',
      name: 'pillars.0.text',
    });
  });

  test('the words are found at the saved offsets, or at the occurrence nearest to them after an edit', () => {
    expect(spanIn('甲布署乙', { pattern: '布署', start: 1 })).toEqual({ start: 1, end: 3 });
    expect(spanIn('布署，新加的字，布署', { pattern: '布署', start: 7 })).toEqual({
      start: 8,
      end: 10,
    });
    expect(spanIn('已改正的部署', { pattern: '布署', start: 4 })).toBeNull();
  });
});

describe('一键替换 in the form value', () => {
  test('replaces the words in a plain-text field', () => {
    const hit = hitOf('digest', '学习全面从紧治党要求', '全面从紧治党', '全面从严治党');
    expect(replacedValue(hit, { digest: '学习全面从紧治党要求' })).toEqual({
      name: 'digest',
      value: '学习全面从严治党要求',
    });
  });

  test('replaces the words in their leaf of a rich-text field, other blocks untouched', () => {
    const first = paragraph('第一段。');
    const values = { body: [first, paragraph('加粗', '各支部认真布署任务。')] };
    const hit = hitOf('body[1].children[1]', '各支部认真布署任务。', '布署', '部署');
    const change = replacedValue(hit, values);
    expect(change).toEqual({
      name: 'body',
      value: [first, paragraph('加粗', '各支部认真部署任务。')],
    });
    expect((change?.value as unknown[])[0]).toBe(first);
    // The form's own value is not changed in place: the form sees a new value.
    expect(values.body[1].children[1].text).toBe('各支部认真布署任务。');
  });

  test('nothing is replaced where the words are gone or the rule has no suggestion', () => {
    expect(replacedValue(hitOf('digest', '布署', '布署'), { digest: '已改为部署' })).toBeNull();
    expect(replacedValue(hitOf('digest', '布署', '布署', null), { digest: '布署' })).toBeNull();
    expect(
      replacedValue(hitOf('body[3].children[0]', '布署', '布署'), { body: [paragraph('布署')] }),
    ).toBeNull();
  });
});
