import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { slugOfTitle } from '../../src/i18n/pinyin-slugs';

describe('slugOfTitle', () => {
  test.each([
    ['党建动车组', 'dang-jian-dong-che-zu'],
    ['“双提升”“三服务”“四争先”', 'shuang-ti-sheng-san-fu-wu-si-zheng-xian'],
    // Polyphones read in context.
    ['重庆分公司行长座谈会', 'chong-qing-fen-gong-si-hang-zhang-zuo-tan-hui'],
    ['2024年“党建+”工作要点', '2024-nian-dang-jian-gong-zuo-yao-dian'],
    ['Party building in 5G era', 'party-building-in-5g-era'],
    ['ABC党建', 'abc-dang-jian'],
  ])('%s → %s', (title, slug) => {
    expect(slugOfTitle(title)).toBe(slug);
  });

  test.each([
    ['旅客列车', 'lv-ke-lie-che'],
    ['女职工', 'nv-zhi-gong'],
    ['侵略', 'qin-lve'],
    ['绿色铁路', 'lv-se-tie-lu'],
    ['虐待', 'nve-dai'],
    // ju, qu, xu and yu are ü too, written without the dots: they stay u.
    ['居民', 'ju-min'],
    ['去年', 'qu-nian'],
    ['需要', 'xu-yao'],
    ['雨季', 'yu-ji'],
  ])('ü is written v: %s → %s', (title, slug) => {
    expect(slugOfTitle(title)).toBe(slug);
  });

  test('every character pinyin-pro reads as lü, lüe, nü or nüe, in every tone it has, is written lv, lve, nv or nve; j, q, x, y with ü stay u', () => {
    const syllable = /^(l|n)(ü|ǖ|ǘ|ǚ|ǜ)(e|ē|é|ě|è)?$|^(l|n)ü(ē|é|ě|è)$/;
    const seen = new Map<string, string[]>();
    const dotted = new Map<string, string[]>();
    for (let code = 0x4e00; code <= 0x9fff; code += 1) {
      const character = String.fromCodePoint(code);
      const read = pinyin(character, { toneType: 'symbol' });
      if (syllable.test(read)) seen.set(read, [...(seen.get(read) ?? []), character]);
      if (/^(j|q|x|y)u/.test(pinyin(character, { toneType: 'none' })))
        dotted.set(read, [...(dotted.get(read) ?? []), character]);
    }
    // lǘ lǚ lǜ, lüè, nǚ nǜ, nüè: each tone the dictionary has.
    expect([...seen.keys()].sort()).toEqual(['lüè', 'lǘ', 'lǚ', 'lǜ', 'nüè', 'nǚ', 'nǜ'].sort());
    for (const [read, characters] of seen) {
      const expected = `${read[0]}v${/e|ē|é|ě|è/.test(read.slice(2)) ? 'e' : ''}`;
      for (const character of characters)
        expect([read, character, slugOfTitle(character)]).toEqual([read, character, expected]);
    }
    expect(dotted.size).toBeGreaterThan(10);
    for (const [read, characters] of dotted) {
      for (const character of characters.slice(0, 5))
        expect([read, character, slugOfTitle(character)]).toEqual([
          read,
          character,
          expect.stringMatching(/^(j|q|x|y)u/),
        ]);
    }
  });

  test('a long title is cut at a syllable, within 64 characters', () => {
    const slug = slugOfTitle(
      '以高质量党建引领保障企业高质量发展为主线深入推进基层党组织标准化规范化建设',
    );
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toMatch(/^yi-gao-zhi-liang-dang-jian/);
    expect(
      slugOfTitle('以高质量党建引领保障企业高质量发展为主线深入推进基层党组织标准化规范化建设'),
    ).not.toMatch(/-$/);
  });

  test('any title gives a URL-safe slug of at most 64 characters', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '党',
            '建',
            '重',
            '行',
            '“',
            '”',
            '，',
            'a',
            'Z',
            '9',
            ' ',
            '-',
            '_',
            '/',
            '?',
            '#',
            '%',
            'é',
          ),
        }),
        (title) => {
          const slug = slugOfTitle(title);
          return slug.length <= 64 && /^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(slug);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
