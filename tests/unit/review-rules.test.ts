import { availableActions, type ActionContext } from '../../src/workflow/available-actions';
import { hashContent } from '../../src/workflow/content-hash';
import { releaseRefusal } from '../../src/workflow/release-gate';
import { DEFAULT_CHAIN } from '../../src/workflow/review-chain';
import { stageRefusal } from '../../src/workflow/review-actions';
import type { ReviewState } from '../../src/workflow/review-states';
import { compareVersions } from '../../src/workflow/version-diff';

const NOW = new Date('2026-06-01T08:00:00Z');
const state = (overrides: Partial<ReviewState> = {}): ReviewState => ({
  id: 1,
  key: 'k',
  contentType: 'api::article.article',
  targetDocumentId: 'doc',
  targetLocale: 'zh-CN',
  reviewState: 'draft',
  stageIndex: 0,
  cycle: 1,
  revision: 0,
  reviewedHash: 'h1',
  approvedContent: null,
  approvedAt: null,
  publishAt: null,
  unpublishAt: null,
  liveSince: null,
  warnings: null,
  ...overrides,
});
const reviewer = { type: 'user' as const, id: 7, name: '刘佳', roles: ['Reviewer'], isSuperAdmin: false };
const chief = { ...reviewer, id: 9, name: '张建华', roles: ['Chief Reviewer'] };

describe('content hash', () => {
  test('does not depend on key order; does depend on every value', () => {
    expect(hashContent({ title: '甲', channels: { website: true, wechat: false } })).toBe(hashContent({ channels: { wechat: false, website: true }, title: '甲' }));
    expect(hashContent({ title: '甲' })).not.toBe(hashContent({ title: '乙' }));
    expect(hashContent({ tags: ['a', 'b'] })).not.toBe(hashContent({ tags: ['b', 'a'] }));
  });
});

describe('release refusal', () => {
  test('only an approved (or previously released) version whose hash matches, and only once due', () => {
    expect(releaseRefusal(null, 'h1', NOW)?.message).toMatch(/未经审核通过/);
    expect(releaseRefusal(state({ reviewState: 'in_review' }), 'h1', NOW)?.message).toMatch(/未经审核通过/);
    expect(releaseRefusal(state({ reviewState: 'approved' }), 'h2', NOW)?.message).toMatch(/内容已修改/);
    expect(releaseRefusal(state({ reviewState: 'approved', publishAt: '2026-06-01T09:00:00Z' }), 'h1', NOW)?.message).toMatch(/定时/);
    expect(releaseRefusal(state({ reviewState: 'approved', unpublishAt: '2026-06-01T07:00:00Z' }), 'h1', NOW)?.message).toMatch(/下线时间/);
    expect(releaseRefusal(state({ reviewState: 'approved', publishAt: '2026-06-01T07:59:59Z' }), 'h1', NOW)).toBeNull();
    expect(releaseRefusal(state({ reviewState: 'unpublished' }), 'h1', NOW)).toBeNull();
  });
});

describe('stage refusal (role and four-eyes)', () => {
  const authorship = { createdById: 3, updatedById: 3 };
  test('role of the stage', () => {
    expect(stageRefusal(DEFAULT_CHAIN[0], 0, chief, authorship, [])?.reason).toBe('role');
    expect(stageRefusal(DEFAULT_CHAIN[2], 2, chief, authorship, [])).toBeNull();
  });
  test('own work and a second stage of the same version', () => {
    expect(stageRefusal(DEFAULT_CHAIN[0], 0, reviewer, { createdById: 7, updatedById: 3 }, [])?.reason).toBe('own-work');
    expect(stageRefusal(DEFAULT_CHAIN[0], 0, reviewer, { createdById: 3, updatedById: 7 }, [])?.reason).toBe('own-work');
    expect(stageRefusal(DEFAULT_CHAIN[1], 1, reviewer, authorship, [{ actorId: 7, stageIndex: 0 }])?.reason).toBe('second-stage');
    expect(stageRefusal(DEFAULT_CHAIN[1], 1, reviewer, authorship, [{ actorId: 8, stageIndex: 0 }])).toBeNull();
  });
});

describe('available actions', () => {
  const context = (overrides: Partial<ActionContext>): ActionContext => ({
    state: state(),
    stages: [...DEFAULT_CHAIN],
    actor: reviewer,
    authorship: { createdById: 3, updatedById: 3 },
    approvals: [],
    canEdit: false,
    canPublish: true,
    draftHash: 'h1',
    isLive: false,
    now: NOW,
    ...overrides,
  });

  test.each<[string, Partial<ActionContext>, string[]]>([
    ['editor on a draft', { actor: { ...reviewer, id: 3, roles: ['Publicity Editor'] }, canEdit: true, canPublish: false }, ['submit', 'schedule']],
    ['editor on a draft sent back', { actor: { ...reviewer, id: 3, roles: ['Publicity Editor'] }, canEdit: true, canPublish: false, state: state({ reviewState: 'changes_requested' }) }, ['submit', 'schedule']],
    ['reviewer at their stage', { state: state({ reviewState: 'in_review' }) }, ['approve', 'requestChanges']],
    ['reviewer who passed the previous stage', { state: state({ reviewState: 'in_review', stageIndex: 1 }), approvals: [{ actorId: 7, stageIndex: 0 }] }, ['requestChanges']],
    ['chief at the first stage', { actor: chief, state: state({ reviewState: 'in_review' }) }, []],
    ['reviewer on an approved, due version', { state: state({ reviewState: 'approved' }) }, ['publish']],
    ['reviewer on an approved version scheduled later', { state: state({ reviewState: 'approved', publishAt: '2026-06-02T00:00:00Z' }) }, []],
    ['reviewer on a live version', { state: state({ reviewState: 'published' }), isLive: true }, ['unpublish']],
    ['reviewer on a live version whose draft was edited', { state: state({ reviewState: 'draft' }), draftHash: 'h2', isLive: true }, ['unpublish']],
  ])('%s', (_name, overrides, expected) => {
    expect(availableActions(context(overrides))).toEqual(expected);
  });
});

describe('version diff', () => {
  test('names each changed field by path', () => {
    expect(compareVersions({ title: '旧', pillars: [{ title: '双提升' }], tags: ['a'] }, { title: '新', pillars: [{ title: '双提升' }, { title: '三服务' }], tags: [] })).toEqual([
      { kind: 'changed', path: 'title', before: '旧', after: '新' },
      { kind: 'added', path: 'pillars.1', after: { title: '三服务' } },
      { kind: 'removed', path: 'tags.0', before: 'a' },
    ]);
  });
});
