import { UID } from '../../src/constants';
import { hashContent } from '../../src/workflow/content-hash';
import { DEFAULT_CHAIN } from '../../src/workflow/review-chain';
import { unsubmittedState, type ReviewState } from '../../src/workflow/review-states';
import {
  judge,
  offeredActions,
  stageRefusal,
  type TransitionFacts,
} from '../../src/workflow/transitions';
import { compareVersions } from '../../src/workflow/version-diff';

const NOW = new Date('2026-06-01T08:00:00Z');
// A document locale submitted once, whose submitted (or approved) version hashes to h1.
const state = (overrides: Partial<ReviewState> = {}): ReviewState => ({
  ...unsubmittedState({ uid: UID.article, documentId: 'doc', locale: 'zh-CN' }),
  id: 1,
  cycle: 1,
  reviewedHash: 'h1',
  ...overrides,
});
const reviewer = {
  type: 'user' as const,
  id: 7,
  name: '刘佳',
  roles: ['Reviewer'],
  isSuperAdmin: false,
};
const chief = { ...reviewer, id: 9, name: '张建华', roles: ['Chief Reviewer'] };

describe('content hash', () => {
  test('does not depend on key order; does depend on every value', () => {
    expect(hashContent({ title: '甲', channels: { website: true, wechat: false } })).toBe(
      hashContent({ channels: { wechat: false, website: true }, title: '甲' }),
    );
    expect(hashContent({ title: '甲' })).not.toBe(hashContent({ title: '乙' }));
    expect(hashContent({ tags: ['a', 'b'] })).not.toBe(hashContent({ tags: ['b', 'a'] }));
  });
});

const facts = (overrides: Partial<TransitionFacts>): TransitionFacts => ({
  state: state(),
  stages: [...DEFAULT_CHAIN],
  actor: reviewer,
  authorship: { createdById: 3, updatedById: 3 },
  approvals: [],
  permissions: { canEdit: false, canPublish: true },
  draftHash: 'h1',
  isLive: false,
  now: NOW,
  ...overrides,
});

describe('release', () => {
  const refusal = (stateOverrides: Partial<ReviewState>, draftHash = 'h1') => {
    const verdict = judge('publish', facts({ state: state(stateOverrides), draftHash }));
    return verdict.allowed ? null : verdict.refusal.error.message;
  };
  test('only an approved (or previously released) version whose hash matches, and only once due', () => {
    expect(refusal({ reviewState: 'draft', reviewedHash: null })).toMatch(/未经审核通过/);
    expect(refusal({ reviewState: 'in_review' })).toMatch(/未经审核通过/);
    expect(refusal({ reviewState: 'approved' }, 'h2')).toMatch(/内容已修改/);
    expect(refusal({ reviewState: 'approved', publishAt: '2026-06-01T09:00:00Z' })).toMatch(/定时/);
    expect(refusal({ reviewState: 'approved', unpublishAt: '2026-06-01T07:00:00Z' })).toMatch(
      /下线时间/,
    );
    expect(refusal({ reviewState: 'approved', publishAt: '2026-06-01T07:59:59Z' })).toBeNull();
    expect(refusal({ reviewState: 'unpublished' })).toBeNull();
  });
  test('a refusal names its time as people read it, in the configured zone, never as an ISO string', () => {
    expect(refusal({ reviewState: 'approved', publishAt: '2026-06-01T09:00:00Z' })).toBe(
      '已定时于 2026-06-01 17:00 发布；如需提前发布，请修改定时 / Scheduled to publish at 2026-06-01 17:00 (Asia/Shanghai); change the schedule to publish earlier',
    );
    const inBerlin = judge(
      'publish',
      facts({
        state: state({ reviewState: 'approved', unpublishAt: '2026-06-01T07:00:00Z' }),
        timeZone: 'Europe/Berlin',
      }),
    );
    expect(inBerlin.allowed ? null : inBerlin.refusal.error.message).toMatch(
      /^下线时间 2026-06-01 09:00 已过.*\(Europe\/Berlin\)/,
    );
  });
  test('by a user with the publish permission, the scheduler or the system; never by a user without it', () => {
    const approved = state({ reviewState: 'approved' });
    expect(
      judge(
        'publish',
        facts({ state: approved, permissions: { canEdit: true, canPublish: false } }),
      ).allowed,
    ).toBe(false);
    expect(
      judge(
        'publish',
        facts({
          state: approved,
          actor: { type: 'scheduler', name: 'scheduler' },
          permissions: { canEdit: false, canPublish: false },
        }),
      ).allowed,
    ).toBe(true);
  });
  test('an approved version whose unpublish time passed expires instead, by the scheduler only', () => {
    const lapsed = state({ reviewState: 'approved', unpublishAt: '2026-06-01T07:00:00Z' });
    expect(
      judge('expire', facts({ state: lapsed, actor: { type: 'scheduler', name: 'scheduler' } })),
    ).toMatchObject({ allowed: true, transition: { to: 'unpublished' } });
    expect(judge('expire', facts({ state: lapsed })).allowed).toBe(false);
    expect(
      judge(
        'expire',
        facts({
          state: state({ reviewState: 'approved' }),
          actor: { type: 'scheduler', name: 'scheduler' },
        }),
      ).allowed,
    ).toBe(false);
  });
  test('unpublishing ends a published state, and leaves a review in progress where it is', () => {
    expect(
      judge('unpublish', facts({ state: state({ reviewState: 'published' }), isLive: true })),
    ).toMatchObject({ allowed: true, transition: { to: 'unpublished' } });
    for (const reviewState of ['draft', 'in_review', 'changes_requested', 'approved'] as const) {
      expect(
        judge('unpublish', facts({ state: state({ reviewState }), isLive: true })),
      ).toMatchObject({ allowed: true, transition: { to: null } });
    }
    expect(
      judge('unpublish', facts({ state: state({ reviewState: 'published' }), isLive: false }))
        .allowed,
    ).toBe(false);
  });
  test('a token never takes live content down', () => {
    const live = facts({
      state: state({ reviewState: 'published' }),
      isLive: true,
      actor: { type: 'api', name: 'api-token' },
    });
    expect(judge('unpublish', live).allowed).toBe(false);
    expect(judge('delete', live).allowed).toBe(false);
    expect(judge('delete', { ...live, isLive: false }).allowed).toBe(true);
  });
});

describe('stage refusal (role and four-eyes)', () => {
  const authorship = { createdById: 3, updatedById: 3 };
  test('role of the stage', () => {
    expect(stageRefusal(DEFAULT_CHAIN[0], 0, chief, authorship, [])?.reason).toBe('role');
    expect(stageRefusal(DEFAULT_CHAIN[2], 2, chief, authorship, [])).toBeNull();
  });
  test('own work and a second stage of the same version', () => {
    expect(
      stageRefusal(DEFAULT_CHAIN[0], 0, reviewer, { createdById: 7, updatedById: 3 }, [])?.reason,
    ).toBe('own-work');
    expect(
      stageRefusal(DEFAULT_CHAIN[0], 0, reviewer, { createdById: 3, updatedById: 7 }, [])?.reason,
    ).toBe('own-work');
    expect(
      stageRefusal(DEFAULT_CHAIN[1], 1, reviewer, authorship, [{ actorId: 7, stageIndex: 0 }])
        ?.reason,
    ).toBe('second-stage');
    expect(
      stageRefusal(DEFAULT_CHAIN[1], 1, reviewer, authorship, [{ actorId: 8, stageIndex: 0 }]),
    ).toBeNull();
  });
});

describe('offered actions', () => {
  const editor = { ...reviewer, id: 3, roles: ['Publicity Editor'] };
  const asEditor = { actor: editor, permissions: { canEdit: true, canPublish: false } };
  test.each<[string, Partial<TransitionFacts>, string[]]>([
    ['editor on a draft', asEditor, ['submit', 'schedule']],
    [
      'editor on a draft sent back',
      { ...asEditor, state: state({ reviewState: 'changes_requested' }) },
      ['submit', 'schedule'],
    ],
    [
      'editor on a live version, unchanged',
      { ...asEditor, state: state({ reviewState: 'published' }), isLive: true },
      ['schedule'],
    ],
    [
      'editor on a live version, edited',
      { ...asEditor, state: state({ reviewState: 'published' }), draftHash: 'h2', isLive: true },
      ['submit', 'schedule'],
    ],
    [
      'reviewer at their stage',
      { state: state({ reviewState: 'in_review' }) },
      ['approve', 'requestChanges'],
    ],
    [
      'reviewer who passed the previous stage',
      {
        state: state({ reviewState: 'in_review', stageIndex: 1 }),
        approvals: [{ entryId: 1, actorId: 7, stageIndex: 0 }],
      },
      ['withdrawApproval', 'requestChanges'],
    ],
    [
      'reviewer whose approval the next stage already passed',
      {
        state: state({ reviewState: 'in_review', stageIndex: 2 }),
        approvals: [
          { entryId: 1, actorId: 7, stageIndex: 0 },
          { entryId: 2, actorId: 8, stageIndex: 1 },
        ],
      },
      [],
    ],
    ['chief at the first stage', { actor: chief, state: state({ reviewState: 'in_review' }) }, []],
    [
      'reviewer on an approved, due version',
      { state: state({ reviewState: 'approved' }) },
      ['publish'],
    ],
    [
      'reviewer on an approved version scheduled later',
      { state: state({ reviewState: 'approved', publishAt: '2026-06-02T00:00:00Z' }) },
      [],
    ],
    [
      'reviewer on a live version',
      { state: state({ reviewState: 'published' }), isLive: true },
      ['unpublish'],
    ],
    [
      'reviewer on a live version whose draft was edited',
      { state: state({ reviewState: 'draft' }), draftHash: 'h2', isLive: true },
      ['unpublish'],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(offeredActions(facts(overrides))).toEqual(expected);
  });

  test('a super admin is offered no approval that needs a reason; with the reason given, the server lets it through as an override', () => {
    const superAdmin = { ...reviewer, id: 1, roles: ['Super Admin'], isSuperAdmin: true };
    const inReview = facts({ actor: superAdmin, state: state({ reviewState: 'in_review' }) });
    expect(offeredActions(inReview)).not.toContain('approve');
    expect(judge('approve', { ...inReview, overrideReason: '  ' }).allowed).toBe(false);
    expect(judge('approve', { ...inReview, overrideReason: '值班代审' })).toMatchObject({
      allowed: true,
      overridden: 'not-stage-role',
    });
  });
});

describe('version diff', () => {
  test('names each changed field by path', () => {
    expect(
      compareVersions(
        { title: '旧', pillars: [{ title: '双提升' }], tags: ['a'] },
        { title: '新', pillars: [{ title: '双提升' }, { title: '三服务' }], tags: [] },
      ),
    ).toEqual([
      { kind: 'changed', path: 'title', before: '旧', after: '新' },
      { kind: 'added', path: 'pillars.1', after: { title: '三服务' } },
      { kind: 'removed', path: 'tags.0', before: 'a' },
    ]);
  });
});
