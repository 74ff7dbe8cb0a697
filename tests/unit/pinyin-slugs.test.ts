import fc from 'fast-check';
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

  test('a long title is cut at a syllable, within 64 characters', () => {
    const slug = slugOfTitle('以高质量党建引领保障企业高质量发展为主线深入推进基层党组织标准化规范化建设');
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toMatch(/^yi-gao-zhi-liang-dang-jian/);
    expect(slugOfTitle('以高质量党建引领保障企业高质量发展为主线深入推进基层党组织标准化规范化建设')).not.toMatch(/-$/);
  });

  test('any title gives a URL-safe slug of at most 64 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('党', '建', '重', '行', '“', '”', '，', 'a', 'Z', '9', ' ', '-', '_', '/', '?', '#', '%', 'é') }), (title) => {
        const slug = slugOfTitle(title);
        return slug.length <= 64 && /^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(slug);
      }),
      { numRuns: 2000 }
    );
  });
});
