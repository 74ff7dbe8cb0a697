import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import {
  DEMO_ACHIEVEMENTS,
  DEMO_ARTICLES,
  DEMO_BRAND,
  DEMO_CATEGORIES,
  DEMO_ORGANIZATIONS,
  DEMO_TAGS,
  DEMO_VIDEOS,
} from '../../src/demo/demo-content';
import { STARTER_RULES, TerminologyMatcher, textsOf } from '../../src/workflow/terminology';

const DEMO_DIR = path.join(__dirname, '../../src/demo');

describe('the starter rule set (规范用语)', () => {
  test('ships at least 100 rules, each pattern once', () => {
    expect(STARTER_RULES.length).toBeGreaterThanOrEqual(100);
    const patterns = STARTER_RULES.map((rule) => rule.pattern);
    const repeated = patterns.filter((pattern, index) => patterns.indexOf(pattern) !== index);
    expect(repeated).toEqual([]);
  });

  test('every rule says why in its note, offers a suggestion, and fits the rule type’s lengths', () => {
    const incomplete = STARTER_RULES.filter(
      (rule) =>
        !rule.note?.trim() ||
        !rule.suggestion?.trim() ||
        rule.pattern.trim() !== rule.pattern ||
        rule.pattern.length < 2,
    );
    expect(incomplete).toEqual([]);
    const tooLong = STARTER_RULES.filter(
      (rule) =>
        rule.pattern.length > 100 ||
        (rule.suggestion ?? '').length > 100 ||
        (rule.note ?? '').length > 500,
    );
    expect(tooLong).toEqual([]);
    expect(new Set(STARTER_RULES.map((rule) => rule.severity))).toEqual(new Set(['block', 'warn']));
  });

  test('no pattern occurs inside any rule’s suggestion: applying a suggestion never raises a hit again', () => {
    const matcher = new TerminologyMatcher(STARTER_RULES);
    const reHits = STARTER_RULES.flatMap((rule) =>
      matcher
        .check('suggestion', rule.suggestion ?? '')
        .map((hit) => `${hit.pattern} ⊂ ${rule.suggestion}`),
    );
    expect(reHits).toEqual([]);
  });

  test('replacing each pattern by its suggestion in a sentence leaves no hit of that rule', () => {
    const matcher = new TerminologyMatcher(STARTER_RULES);
    for (const rule of STARTER_RULES) {
      const sentence = `本支部认真学习，${rule.pattern}。`;
      expect(matcher.check('body', sentence).map((hit) => hit.pattern)).toContain(rule.pattern);
      const corrected = sentence.replace(rule.pattern, rule.suggestion ?? '');
      expect(
        matcher.check('body', corrected).filter((hit) => hit.pattern === rule.pattern),
      ).toEqual([]);
    }
  });

  test('the demo content’s correct text raises no hit', () => {
    const matcher = new TerminologyMatcher(STARTER_RULES);
    const content = {
      DEMO_CATEGORIES,
      DEMO_TAGS,
      DEMO_ORGANIZATIONS,
      DEMO_BRAND,
      DEMO_ARTICLES,
      DEMO_VIDEOS,
      DEMO_ACHIEVEMENTS,
    };
    const texts = textsOf(content);
    expect(texts.length).toBeGreaterThan(100);
    expect(
      texts
        .flatMap(({ field, text }) => matcher.check(field, text))
        .map((hit) => `${hit.field}: ${hit.pattern}`),
    ).toEqual([]);
    // The participation demo (staff, contributions, opinions) is not exported as data: its source is read whole.
    const sources = readdirSync(DEMO_DIR).filter((file) => file.endsWith('.ts'));
    expect(sources).toEqual(expect.arrayContaining(['demo-content.ts', 'demo-participation.ts']));
    const inSources = sources.flatMap((file) =>
      matcher
        .check(file, readFileSync(path.join(DEMO_DIR, file), 'utf8'))
        .map((hit) => `${file}: ${hit.pattern}`),
    );
    expect(inSources).toEqual([]);
  });

  test('common correct wordings raise no hit', () => {
    const matcher = new TerminologyMatcher(STARTER_RULES);
    const correct = [
      '中华人民共和国成立七十五周年。',
      '坚持“一国两制”、港人治港、澳人治澳、高度自治。',
      '香港特别行政区政府和澳门特别行政区政府，台湾地区领导人，台湾当局，两岸关系，九二共识。',
      '不忘初心、牢记使命，坚定拥护“两个确立”、坚决做到“两个维护”。',
      '增强“四个意识”：政治意识、大局意识、核心意识、看齐意识；坚定“四个自信”：道路自信、理论自信、制度自信、文化自信。',
      '落实“三会一课”制度，全面从严治党向纵深发展。',
      '深入学习贯彻党的二十大和二十届三中全会精神，中国共产党第二十次全国代表大会胜利召开。',
      '以习近平新时代中国特色社会主义思想为指导，推进中国式现代化，实现中华民族伟大复兴。',
      '中央纪委国家监委，中共中央纪律检查委员会，人民检察院，全国人大常委会。',
      '入党积极分子、预备党员和共产党员参加学习总结会，文化部门和农业部门派员出席。',
      '党委书记、董事长带头部署，青年突击队再接再厉、攻坚克难，工程提前竣工。',
      '习近平总书记指出，人民当家作主，全面依法治国。',
    ];
    expect(
      correct.flatMap((text) => matcher.check('body', text)).map((hit) => hit.pattern),
    ).toEqual([]);
  });
});
