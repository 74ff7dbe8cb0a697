import fc from 'fast-check';
import { ADMIN_PAGES, maySeePage } from '../../src/access/admin-pages';
import { EDITORIAL_ROLES } from '../../src/access/admin-roles';
import { WECHAT_LIMITS } from '../../src/channels/wechat/limits';
import {
  isPeriod,
  periodLabel,
  periodOf,
  recentPeriods,
  type PeriodKind,
} from '../../src/participation/periods';
import { articleCounts } from '../../src/channels/wechat/article-counts';
import { bodyText, wordCount } from '../../src/workflow/word-count';

const paragraph = (...texts: string[]) => ({
  type: 'paragraph',
  children: texts.map((text) => ({ type: 'text', text })),
});

describe('字数: Chinese characters one each, Latin words one each', () => {
  test('counts each Han character, each Latin word and each number once; punctuation and spaces nothing', () => {
    expect(wordCount('党建引领')).toBe(4);
    expect(wordCount('Party building')).toBe(2);
    expect(wordCount('2026年党建工作')).toBe(6);
    expect(wordCount('“5G+党建”示范点，Party-building 成效显著！')).toBe(1 + 2 + 3 + 1 + 4);
    expect(wordCount('don’t stop')).toBe(2);
    expect(wordCount(' ，。！？…—  ')).toBe(0);
  });

  test('a Chinese text counts as many as its characters, whatever punctuation lies between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('党', '建', '宣', '传', '，', '。', ' ', '\n', '“', '”'), {
          maxLength: 60,
        }),
        (characters) => {
          const han = characters.filter((character) => /\p{Script=Han}/u.test(character)).length;
          expect(wordCount(characters.join(''))).toBe(han);
        },
      ),
    );
  });

  test('the body’s blocks are read apart: the last word of one paragraph does not run into the next', () => {
    const body = [
      paragraph('Party '),
      paragraph('building'),
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'one' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'two' }] },
        ],
      },
    ];
    expect(bodyText(body)).toBe('Party \nbuilding\none\ntwo');
    expect(wordCount(bodyText(body))).toBe(4);
    // Bold and links are pieces of one word, not word breaks.
    expect(
      wordCount(
        bodyText([
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'bui', bold: true },
              {
                type: 'link',
                url: 'https://example.com',
                children: [{ type: 'text', text: 'lding' }],
              },
            ],
          },
        ]),
      ),
    ).toBe(1);
    expect(bodyText(undefined)).toBe('');
    expect(bodyText('纯文本 text')).toBe('纯文本 text');
  });

  test('the title and digest are measured as WeChat measures them, and are over only past its limit', () => {
    const atLimit = '字'.repeat(WECHAT_LIMITS.title);
    const counts = articleCounts({
      title: atLimit,
      digest: `${'摘'.repeat(WECHAT_LIMITS.digest)}要`,
      body: [paragraph('党建 work')],
    });
    expect(counts.title).toEqual({
      length: WECHAT_LIMITS.title,
      limit: WECHAT_LIMITS.title,
      over: false,
    });
    expect(counts.digest).toEqual({
      length: WECHAT_LIMITS.digest + 1,
      limit: WECHAT_LIMITS.digest,
      over: true,
    });
    expect(counts.words).toBe(3);
    // An emoji is one character to WeChat, not two UTF-16 units.
    expect(articleCounts({ title: '🚄'.repeat(WECHAT_LIMITS.title) }).title.over).toBe(false);
    expect(articleCounts({}).title.length).toBe(0);
  });
});

describe('the rankings’ period picker', () => {
  const kinds: PeriodKind[] = ['month', 'quarter', 'year'];

  test('offers the current period (Asia/Shanghai) first, then each one before it, every one a period the API accepts', () => {
    const at = new Date('2026-12-31T16:30:00Z'); // 2027-01-01 in Shanghai
    expect(recentPeriods('month', at, 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(recentPeriods('quarter', at, 3)).toEqual(['2027-Q1', '2026-Q4', '2026-Q3']);
    expect(recentPeriods('year', at, 2)).toEqual(['2027', '2026']);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.constantFrom(...kinds),
        (date, kind) => {
          const offered = recentPeriods(kind, date);
          expect(offered[0]).toBe(periodOf(date)[kind]);
          expect(new Set(offered).size).toBe(offered.length);
          for (const period of offered) expect(isPeriod(kind, period)).toBe(true);
          // Newest first: the strings of one kind sort as the periods do.
          expect([...offered].sort().reverse()).toEqual(offered);
        },
      ),
    );
  });

  test('names each period in Chinese', () => {
    expect(periodLabel('month', '2026-03')).toBe('2026年3月');
    expect(periodLabel('quarter', '2026-Q4')).toBe('2026年第4季度');
    expect(periodLabel('year', '2026')).toBe('2026年');
  });
});

describe('menu links follow the roles’ grants', () => {
  // A role's grants as the admin panel holds them: one permission per action and subject.
  const heldBy = (name: string) =>
    EDITORIAL_ROLES.find((role) => role.name === name)!.grants.flatMap((grant) =>
      (grant.subjects ?? [undefined]).map((subject) => ({ action: grant.action, subject })),
    );
  const seenBy = (name: string) => ADMIN_PAGES.filter((page) => maySeePage(page, heldBy(name)));

  test('the handler, with no content grants, sees only the opinions', () => {
    expect(seenBy('Handler')).toEqual(['opinions']);
  });

  test('the editor sees every page; the reviewers all but the contributions inbox and the rankings', () => {
    expect(seenBy('Publicity Editor')).toEqual(ADMIN_PAGES);
    for (const reviewer of ['Reviewer', 'Chief Reviewer'])
      expect(seenBy(reviewer)).toEqual(
        ADMIN_PAGES.filter((page) => page !== 'contributions' && page !== 'rankings'),
      );
  });
});
