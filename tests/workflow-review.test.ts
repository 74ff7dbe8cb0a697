import http from 'http';
import type { AddressInfo } from 'net';
import { UID } from '../src/constants';
import { contentManagerUrl, documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { auditActions, reviewStateOf, workflowClient } from './harness/workflow';

const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, secondReviewer, chiefReviewer, superAdmin } = ACCOUNTS;
const A = UID.article;

const isPublic = async (documentId: string) =>
  (await app.http().get(`/api/articles/${documentId}`)).status === 200;

describe('three-stage chain 初审 → 复审 → 终审', () => {
  test('an approved version passes every stage by a permitted role and is released at once', async () => {
    const id = await wf.createArticle(editor, { title: '三审流程的文章' });
    expect((await wf.status(editor, A, id)).body.data).toMatchObject({
      reviewState: 'draft',
      actions: ['submit', 'schedule'],
    });

    const submitted = await wf.submit(editor, A, id, { comment: '请审核' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data).toMatchObject({ reviewState: 'in_review', stageIndex: 0 });

    // Stage 1 is the Reviewer role's: the editor and the chief reviewer are refused.
    expect((await wf.approve(editor, A, id)).status).toBe(403);
    const wrongRole = await wf.approve(chiefReviewer, A, id);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.message).toMatch(/初审.*Reviewer/);
    expect((await wf.status(chiefReviewer, A, id)).body.data.actions).not.toContain('approve');

    expect((await wf.approve(reviewer, A, id, { comment: '初审通过' })).body.data).toMatchObject({
      reviewState: 'in_review',
      stageIndex: 1,
    });
    // Four-eyes: the same person cannot pass a second stage of the same version.
    const twice = await wf.approve(reviewer, A, id);
    expect(twice.status).toBe(403);
    expect(twice.body.error.message).toMatch(/两个审核环节/);

    expect((await wf.approve(secondReviewer, A, id)).body.data).toMatchObject({
      reviewState: 'in_review',
      stageIndex: 2,
    });
    expect((await wf.approve(secondReviewer, A, id)).status).toBe(403); // 终审 is the chief's
    expect(await isPublic(id)).toBe(false);

    const final = await wf.approve(chiefReviewer, A, id, { comment: '同意发布' });
    expect(final.status).toBe(200);
    expect(final.body.data.reviewState).toBe('published');
    expect(await isPublic(id)).toBe(true);

    const history = await wf.history(chiefReviewer, A, id);
    expect(
      history.map((entry) => [entry.action, entry.stageName ?? null, entry.actorName]),
    ).toEqual([
      ['submit', null, '李晓雯'],
      ['approve', '初审', '刘佳'],
      ['approve', '复审', '王海峰'],
      ['approve', '终审', '张建华'],
      ['publish', null, '张建华'],
    ]);
    // Every step is about the same version.
    expect(new Set(history.map((entry) => entry.contentHash)).size).toBe(1);
    expect(history[1].comment).toBe('初审通过');
  });

  test('request changes needs a comment, returns the draft to its editor, and the next submit restarts at stage one', async () => {
    const id = await wf.createArticle(editor);
    await wf.submit(editor, A, id);
    await wf.approve(reviewer, A, id);

    const noComment = await wf.requestChanges(secondReviewer, A, id, { comment: '  ' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toMatch(/comment/);
    expect((await wf.requestChanges(editor, A, id, { comment: '自己退回' })).status).toBe(403);

    const sentBack = await wf.requestChanges(secondReviewer, A, id, { comment: '标题需要更准确' });
    expect(sentBack.body.data).toMatchObject({ reviewState: 'changes_requested', stageIndex: 0 });
    expect((await wf.approve(chiefReviewer, A, id)).status).toBe(403);

    await wf.edit(editor, A, id, { title: '修改后的标题' });
    const again = await wf.submit(editor, A, id);
    expect(again.body.data).toMatchObject({ reviewState: 'in_review', stageIndex: 0, cycle: 2 });
    // A new version: the first reviewer may review it again.
    expect((await wf.approve(reviewer, A, id)).status).toBe(200);
    expect(await auditActions(app, id)).toEqual([
      'submit',
      'approve',
      'request_changes',
      'submit',
      'approve',
    ]);
  });

  test('a content edit during review sends the document back to draft; the chain restarts', async () => {
    const id = await wf.createArticle(editor);
    await wf.submit(editor, A, id);
    await wf.approve(reviewer, A, id);
    expect((await wf.edit(editor, A, id, { subtitle: '审核中悄悄改动' })).status).toBe(200);

    expect(await reviewStateOf(app, id)).toMatchObject({ reviewState: 'draft', stageIndex: 0 });
    expect((await wf.approve(secondReviewer, A, id)).status).toBe(403);
    expect(await auditActions(app, id)).toEqual(['submit', 'approve', 'edited']);
    // Saving the same content again is not an edit.
    await wf.submit(editor, A, id);
    await wf.edit(editor, A, id, { subtitle: '审核中悄悄改动' });
    expect((await reviewStateOf(app, id)).reviewState).toBe('in_review');
  });

  test('an edit after approval resets it, and the approved-but-edited draft can no longer be released', async () => {
    const id = await wf.createArticle(editor);
    await wf.schedule(editor, A, id, { publishAt: new Date(Date.now() + 3600_000).toISOString() });
    await wf.submit(editor, A, id);
    for (const account of [reviewer, secondReviewer, chiefReviewer])
      expect((await wf.approve(account, A, id)).status).toBe(200);
    expect((await reviewStateOf(app, id)).reviewState).toBe('approved');

    await wf.edit(editor, A, id, { title: '批准后改了标题' });
    expect((await reviewStateOf(app, id)).reviewState).toBe('draft');
    expect((await wf.publish(superAdmin, A, id)).status).toBe(403);
    expect(await isPublic(id)).toBe(false);
  });
});

describe('four-eyes', () => {
  test('nobody approves what they created or last edited, even holding the reviewer role', async () => {
    const roles = app.strapi.service('admin::role');
    const [editorRole, reviewerRole] = [
      await roles.findOne({ name: 'Publicity Editor' }),
      await roles.findOne({ name: 'Reviewer' }),
    ];
    const both = { email: 'both-roles@example.com', password: 'Both-Roles-Pass1' };
    await app.strapi.service('admin::user').create({
      ...both,
      firstname: '双',
      lastname: '岗',
      isActive: true,
      roles: [editorRole.id, reviewerRole.id],
    });

    const own = await wf.createArticle(both);
    await wf.submit(both, A, own);
    const refused = await wf.approve(both, A, own);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/自己创建或最后修改/);
    expect((await wf.status(both, A, own)).body.data.actions).not.toContain('approve');

    // Last edited by them: someone else created it.
    const edited = await wf.createArticle(editor);
    await wf.edit(both, A, edited, { subtitle: '双岗人员修改' });
    await wf.submit(editor, A, edited);
    expect((await wf.approve(both, A, edited)).status).toBe(403);
    expect((await wf.approve(reviewer, A, edited)).status).toBe(200);
  });

  test('a super admin overrides four-eyes only with a recorded reason', async () => {
    const id = await wf.createArticle(superAdmin);
    await wf.submit(superAdmin, A, id);
    expect((await wf.approve(superAdmin, A, id)).status).toBe(403);
    const overridden = await wf.approve(superAdmin, A, id, {
      overrideReason: '值班期间紧急发布，已电话请示',
    });
    expect(overridden.status).toBe(200);
    const [, override] = await wf.history(superAdmin, A, id);
    expect(override).toMatchObject({
      action: 'override_approve',
      stageName: '初审',
      details: { overrideReason: '值班期间紧急发布，已电话请示' },
    });
  });

  test('a super admin needs a reason at every stage and never passes two stages of one version', async () => {
    const id = await wf.createArticle(editor);
    await wf.submit(editor, A, id);
    // Not their own work, yet not their stage's role either: a reason is required.
    const silent = await wf.approve(superAdmin, A, id);
    expect(silent.status).toBe(403);
    expect(silent.body.error.message).toMatch(/理由.*reason/);
    expect((await wf.approve(superAdmin, A, id, { overrideReason: '   ' })).status).toBe(403);
    expect((await wf.approve(superAdmin, A, id, { overrideReason: '初审人员休假' })).status).toBe(
      200,
    );
    const [, first] = await wf.history(superAdmin, A, id);
    expect(first).toMatchObject({
      action: 'override_approve',
      stageName: '初审',
      details: { overridden: 'not-stage-role' },
    });

    // 复审 and 终审 of the same version: refused whatever the reason.
    const second = await wf.approve(superAdmin, A, id, { overrideReason: '复审人员也休假' });
    expect(second.status).toBe(403);
    expect(second.body.error.message).toMatch(/两个审核环节/);
    expect((await wf.approve(reviewer, A, id)).status).toBe(200);
    expect((await wf.approve(superAdmin, A, id, { overrideReason: '终审人员出差' })).status).toBe(
      403,
    );
    expect((await reviewStateOf(app, id)).reviewState).toBe('in_review');
    expect((await wf.approve(chiefReviewer, A, id)).body.data.reviewState).toBe('published');
  });
});

describe('withdrawing an approval', () => {
  const submitted = async (title: string) => {
    const id = await wf.createArticle(editor, { title });
    expect((await wf.submit(editor, A, id)).status).toBe(200);
    return id;
  };

  test('the approver takes it back before the next stage acts: back to that stage, on the record, and it no longer counts for four-eyes', async () => {
    const id = await submitted('撤回初审通过的文章');
    const passed = await wf.approve(reviewer, A, id, { comment: '初审通过' });
    expect(passed.body.data).toMatchObject({ reviewState: 'in_review', stageIndex: 1 });
    expect((await wf.status(reviewer, A, id)).body.data.actions).toEqual([
      'withdrawApproval',
      'requestChanges',
    ]);
    // Only the approver may withdraw it.
    expect((await wf.withdrawApproval(secondReviewer, A, id)).status).toBe(403);
    expect((await wf.status(secondReviewer, A, id)).body.data.actions).not.toContain(
      'withdrawApproval',
    );

    const withdrawn = await wf.withdrawApproval(reviewer, A, id, {
      comment: '发现一处数据需要核实',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.data).toMatchObject({ reviewState: 'in_review', stageIndex: 0 });
    const [entry] = (await wf.history(reviewer, A, id)).filter(
      (item) => item.action === 'withdraw_approval',
    );
    expect(entry).toMatchObject({
      actorName: expect.any(String),
      stageIndex: 0,
      stageName: '初审',
      fromState: 'in_review',
      toState: 'in_review',
      comment: '发现一处数据需要核实',
    });
    // Nothing left to withdraw.
    expect((await wf.withdrawApproval(reviewer, A, id)).status).toBe(403);

    // The withdrawn approval no longer counts: the same reviewer may now pass 复审 after a colleague passes 初审.
    expect((await wf.approve(secondReviewer, A, id)).body.data).toMatchObject({ stageIndex: 1 });
    expect((await wf.approve(reviewer, A, id)).body.data).toMatchObject({ stageIndex: 2 });
    expect((await wf.approve(chiefReviewer, A, id)).body.data.reviewState).toBe('published');
  });

  test('not once the next stage has acted, and not by the next stage', async () => {
    const id = await submitted('复审之后不能撤回初审');
    await wf.approve(reviewer, A, id);
    await wf.approve(secondReviewer, A, id);
    const refused = await wf.withdrawApproval(reviewer, A, id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/撤回/);
    expect((await wf.withdrawApproval(chiefReviewer, A, id)).status).toBe(403);
    expect(await reviewStateOf(app, id)).toMatchObject({ reviewState: 'in_review', stageIndex: 2 });
    // The second reviewer may still withdraw theirs: 终审 has not acted.
    expect((await wf.withdrawApproval(secondReviewer, A, id)).body.data).toMatchObject({
      stageIndex: 1,
    });
  });

  test('nothing to withdraw outside review', async () => {
    const id = await wf.createArticle(editor, { title: '草稿不能撤回' });
    expect((await wf.withdrawApproval(reviewer, A, id)).status).toBe(403);
  });
});

describe('one release path', () => {
  test('a final approval releases with one state write and announces the approval before the publish', async () => {
    const id = await wf.createArticle(editor, { title: '一次写入发布' });
    await wf.submit(editor, A, id);
    await wf.approve(reviewer, A, id);
    await wf.approve(secondReviewer, A, id);
    const before = await reviewStateOf(app, id);
    expect((await wf.approve(chiefReviewer, A, id)).body.data).toMatchObject({
      reviewState: 'published',
      revision: before.revision + 1,
    });
    const after = await reviewStateOf(app, id);
    expect(after).toMatchObject({
      reviewState: 'published',
      revision: before.revision + 1,
      approvedAt: expect.anything(),
      liveSince: expect.anything(),
    });
    expect((await auditActions(app, id)).slice(-2)).toEqual(['approve', 'publish']);
    expect(await isPublic(id)).toBe(true);
  });
});

describe('one-stage chain, configured by an administrator', () => {
  test('a video chain with only 终审 approves on the chief reviewer’s single approval', async () => {
    const chains = await app
      .http()
      .get(
        contentManagerUrl(
          'api::workflow.review-chain',
          '?filters[contentType][$eq]=api::video.video',
        ),
      )
      .set(await wf.auth(superAdmin));
    expect(chains.status).toBe(200);
    const chain = chains.body.results[0];
    const updated = await app
      .http()
      .put(contentManagerUrl('api::workflow.review-chain', `/${chain.documentId}`))
      .set(await wf.auth(superAdmin))
      .send({
        contentType: 'api::video.video',
        stages: [{ name: '终审', role: 'Chief Reviewer' }],
      });
    expect(updated.status).toBe(200);

    // A stage naming a role that does not exist would leave documents stuck: refused, stage named.
    const unknownRole = await app
      .http()
      .put(contentManagerUrl('api::workflow.review-chain', `/${chain.documentId}`))
      .set(await wf.auth(superAdmin))
      .send({
        contentType: 'api::video.video',
        stages: [
          { name: '终审', role: 'Chief Reviewer' },
          { name: '加审', role: 'Nobody' },
        ],
      });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.error.message).toMatch(/Stage 2 .*"Nobody"/);

    const created = await app
      .http()
      .post(contentManagerUrl(UID.video, '?locale=zh-CN'))
      .set(await wf.auth(editor))
      .send({
        title: '单级审核的视频',
        slug: 'one-stage-video',
        externalUrl: 'https://video.example.com/a.mp4',
        channels: { website: true, wechat: false, screen: false },
      });
    const id = created.body.data.documentId;
    await wf.submit(editor, UID.video, id);
    expect((await wf.approve(reviewer, UID.video, id)).status).toBe(403);
    expect((await wf.approve(chiefReviewer, UID.video, id)).body.data.reviewState).toBe(
      'published',
    );
    expect((await app.http().get(`/api/videos/${id}`)).status).toBe(200);
  });
});

describe('terminology check on submit', () => {
  const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

  test('a blocking rule stops the submit with the offending span, its sentence, the suggested wording and the rule’s note', async () => {
    const text = '支部开展主题党日。学习中国人民共和国宪法的心得！随后座谈';
    const id = await wf.createArticle(editor, {
      body: [...paragraph('第一段。'), ...paragraph(text)],
    });
    // Before any submit, the panel's status already shows what a submit would refuse.
    const before = (await wf.status(editor, A, id)).body.data;
    expect(before.terminology).toEqual([
      expect.objectContaining({
        pattern: '中国人民共和国',
        severity: 'block',
        place: '正文 第2段',
        sentence: '学习中国人民共和国宪法的心得！',
      }),
    ]);
    const refused = await wf.submit(editor, A, id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/“中国人民共和国”→“中华人民共和国”（国名错误）/);
    const [hit] = refused.body.error.details.terminology;
    expect(hit).toMatchObject({
      pattern: '中国人民共和国',
      suggestion: '中华人民共和国',
      note: '国名错误',
      severity: 'block',
      field: 'body[1].children[0]',
      place: '正文 第2段',
      sentence: '学习中国人民共和国宪法的心得！',
    });
    expect(text.slice(hit.start, hit.end)).toBe('中国人民共和国');
    expect(hit.sentence.slice(hit.sentenceStart, hit.sentenceStart + hit.pattern.length)).toBe(
      '中国人民共和国',
    );
    expect(await reviewStateOf(app, id)).toMatchObject({ reviewState: 'draft' });
    // Corrected and saved: the panel's check is clear at once.
    expect(
      (await wf.edit(editor, A, id, { body: paragraph('学习中华人民共和国宪法的心得。') })).status,
    ).toBe(200);
    expect((await wf.status(editor, A, id)).body.data.terminology).toEqual([]);
  });

  test('warnings do not stop the submit and are shown to the reviewer', async () => {
    const id = await wf.createArticle(editor, {
      title: '香港政府代表团来访',
      body: paragraph('交流两学一做学习经验。'),
    });
    expect((await wf.submit(editor, A, id)).status).toBe(200);
    const status = (await wf.status(reviewer, A, id)).body.data;
    expect(status.warnings.map((hit: { pattern: string }) => hit.pattern).sort()).toEqual([
      '两学一做学习',
      '香港政府',
    ]);
    expect(
      status.warnings
        .map((hit: { place: string; sentence: string }) => [hit.place, hit.sentence])
        .sort(),
    ).toEqual([
      ['标题', '香港政府代表团来访'],
      ['正文 第1段', '交流两学一做学习经验。'],
    ]);
    const [queued] = (await wf.queue(reviewer)).filter((item) => item.documentId === id);
    expect(queued.warnings).toBe(2);
  });

  test('administrators add rules; a new blocking rule applies to the next submit', async () => {
    const created = await app
      .http()
      .post(contentManagerUrl('api::workflow.terminology-rule'))
      .set(await wf.auth(superAdmin))
      .send({
        pattern: '动车组党建品牌',
        suggestion: '“党建动车组”品牌',
        severity: 'block',
        enabled: true,
      });
    expect(created.status).toBe(201);
    const id = await wf.createArticle(editor, { body: paragraph('打造动车组党建品牌。') });
    expect((await wf.submit(editor, A, id)).status).toBe(400);
  });
});

describe('review queue, diff and the actions each user is offered', () => {
  test('the queue lists what waits at a stage the reviewer may act on', async () => {
    const id = await wf.createArticle(editor, { title: '排队等待审核' });
    await wf.submit(editor, A, id);
    const inQueue = async (account: { email: string; password: string }) =>
      (await wf.queue(account)).some((item) => item.documentId === id);
    expect(await inQueue(reviewer)).toBe(true);
    expect(await inQueue(chiefReviewer)).toBe(false);
    await wf.approve(reviewer, A, id);
    expect(await inQueue(reviewer)).toBe(false);
    expect(await inQueue(secondReviewer)).toBe(true);
    const [item] = (await wf.queue(secondReviewer)).filter((entry) => entry.documentId === id);
    expect(item).toMatchObject({
      title: '排队等待审核',
      stageName: '复审',
      stageIndex: 1,
      stageCount: 3,
      scheduleRisk: null,
    });
  });

  test('the queue names the submitter, since when an item waits at its stage, and a schedule at risk', async () => {
    const id = await wf.createArticle(editor, { title: '定时临近的稿件' });
    const soon = new Date(Date.now() + 3 * 3_600_000).toISOString();
    expect((await wf.schedule(editor, A, id, { publishAt: soon })).status).toBe(200);
    await wf.submit(editor, A, id);
    const submittedAt = (
      await app.strapi.db
        .query('api::workflow.audit-entry')
        .findOne({ where: { targetDocumentId: id, action: 'submit' } })
    ).createdAt;
    const [atFirst] = (await wf.queue(reviewer)).filter((entry) => entry.documentId === id);
    const editorUser = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: editor.email } });
    expect(atFirst.submitter).toContain(editorUser.lastname);
    expect(new Date(atFirst.waitingSince).getTime()).toBe(new Date(submittedAt).getTime());
    expect(atFirst.scheduleRisk).toBe('tight');

    await wf.approve(reviewer, A, id);
    const approvedAt = (
      await app.strapi.db
        .query('api::workflow.audit-entry')
        .findOne({ where: { targetDocumentId: id, action: 'approve' } })
    ).createdAt;
    const [atSecond] = (await wf.queue(secondReviewer)).filter((entry) => entry.documentId === id);
    expect(atSecond.submitter).toBe(atFirst.submitter);
    expect(new Date(atSecond.waitingSince).getTime()).toBe(new Date(approvedAt).getTime());

    // A withdrawn approval puts it back at 初审: it waits there since the withdrawal.
    expect((await wf.withdrawApproval(reviewer, A, id)).status).toBe(200);
    const withdrawnAt = (
      await app.strapi.db
        .query('api::workflow.audit-entry')
        .findOne({ where: { targetDocumentId: id, action: 'withdraw_approval' } })
    ).createdAt;
    const [back] = (await wf.queue(secondReviewer)).filter((entry) => entry.documentId === id);
    expect(back).toMatchObject({ stageIndex: 0, submitter: atFirst.submitter });
    expect(new Date(back.waitingSince).getTime()).toBe(new Date(withdrawnAt).getTime());
  });

  test('a reviewer’s first opening of an item says so, once; not to others, nor after a send-back', async () => {
    const id = await wf.createArticle(editor, { title: '首次审阅' });
    await wf.submit(editor, A, id);
    expect((await wf.status(editor, A, id)).body.data.firstRead).toBe(false);
    expect((await wf.status(reviewer, A, id)).body.data.firstRead).toBe(true);
    expect((await wf.status(reviewer, A, id)).body.data.firstRead).toBe(false);
    await wf.approve(reviewer, A, id);
    await wf.approve(secondReviewer, A, id);
    // 终审 opens it for the first time.
    expect((await wf.status(chiefReviewer, A, id)).body.data.firstRead).toBe(true);
    expect((await wf.status(chiefReviewer, A, id)).body.data.firstRead).toBe(false);
    // Sent back and resubmitted: the reviewers who read it before read the changes, not a first read.
    expect((await wf.requestChanges(chiefReviewer, A, id, { comment: '请补充' })).status).toBe(200);
    await wf.edit(editor, A, id, { title: '首次审阅（补充）' });
    await wf.submit(editor, A, id);
    expect((await wf.status(reviewer, A, id)).body.data.firstRead).toBe(false);
  });

  test('the reviewer sees the version under review against the last approved one', async () => {
    const id = await wf.createArticle(editor, { title: '第一版标题' });
    await wf.submit(editor, A, id);
    for (const account of [reviewer, secondReviewer, chiefReviewer])
      await wf.approve(account, A, id);
    await wf.edit(editor, A, id, { title: '第二版标题' });
    await wf.submit(editor, A, id);

    const diff = (await wf.diff(reviewer, A, id)).body.data;
    expect(diff.baseline).toBe('approved');
    expect(diff.changes).toEqual([
      { kind: 'changed', path: 'title', before: '第一版标题', after: '第二版标题' },
    ]);
  });

  test('after a send-back, the reviewer sees the resubmitted version against the one sent back, in words', async () => {
    const categories = await documents(app.strapi, UID.category).findMany({
      locale: 'zh-CN',
      fields: ['name'],
      sort: 'id',
    });
    const [first, second] = categories;
    const id = await wf.createArticle(editor, {
      title: '车间开展主题党日活动',
      category: first.documentId,
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: '支部党员学习党的二十大精神。' }] },
      ],
    });
    await wf.submit(editor, A, id);
    expect((await wf.requestChanges(reviewer, A, id, { comment: '请补充学习形式' })).status).toBe(
      200,
    );
    await wf.edit(editor, A, id, {
      title: '车间开展主题党日暨微党课活动',
      category: second.documentId,
      channels: { website: true, wechat: true, screen: false },
      body: [
        {
          type: 'paragraph',
          children: [{ type: 'text', text: '支部党员集中学习党的二十大精神。' }],
        },
        { type: 'paragraph', children: [{ type: 'text', text: '青年党员讲授微党课。' }] },
      ],
    });
    // Before the resubmit, the editor's own diff is against what was sent back too.
    expect((await wf.diff(editor, A, id)).body.data.baseline).toBe('submitted');
    await wf.submit(editor, A, id);

    const diff = (await wf.diff(reviewer, A, id)).body.data;
    expect(diff.baseline).toBe('submitted');
    expect(diff.available).toEqual(['submitted', 'none']);
    const byField = Object.fromEntries(
      diff.readable.map((change: { field: string }) => [change.field, change]),
    );
    expect(Object.keys(byField).sort()).toEqual(['body', 'category', 'channels', 'title']);
    const marked = (field: string) =>
      byField[field].text
        .map(({ op, text }: { op: string; text: string }) =>
          op === 'insert' ? `[+${text}]` : op === 'delete' ? `[-${text}]` : text,
        )
        .join('');
    expect(byField.title.label).toBe('标题');
    expect(marked('title')).toBe('车间开展主题党日[+暨微党课]活动');
    expect(byField.body.label).toBe('正文');
    expect(marked('body')).toBe('支部党员[+集中]学习党的二十大精神。[+\n青年党员讲授微党课。]');
    expect(byField.category).toMatchObject({ label: '栏目', kind: 'changed' });
    expect(marked('category')).toBe(`[-${first.name}][+${second.name}]`);
    expect(marked('channels')).toBe('网站[+、微信公众号]');

    // Against nothing: every filled-in field of the version, as added.
    const whole = (await wf.diff(reviewer, A, id, 'none')).body.data;
    expect(whole.baseline).toBe('none');
    expect(whole.readable.every((change: { kind: string }) => change.kind === 'added')).toBe(true);
    // A baseline it does not have is no baseline; a made-up one is a 400 naming the parameter.
    expect((await wf.diff(reviewer, A, id, 'published')).body.data.baseline).toBe('none');
    const wrong = await wf.diff(reviewer, A, id, 'yesterday');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/against/);
    // The trail lists the submits without their copies of the content.
    const submits = (await wf.history(reviewer, A, id)).filter(
      (entry) => entry.action === 'submit',
    );
    expect(submits).toHaveLength(2);
    for (const entry of submits) expect(entry.details).not.toHaveProperty('submittedContent');
  });

  test('every action the state would offer but the caller is not offered says why', async () => {
    const id = await wf.createArticle(editor);
    expect((await wf.status(editor, A, id)).body.data.whyNot.submit).toBeUndefined();
    await wf.submit(editor, A, id);
    await wf.approve(reviewer, A, id);
    // The reviewer who passed 初审 may not also pass 复审 of the same version.
    const atSecondStage = (await wf.status(reviewer, A, id)).body.data;
    expect(atSecondStage.actions).not.toContain('approve');
    expect(atSecondStage.whyNot.approve).toMatch(/同一版本的两个审核环节不能由同一人通过/);
    expect((await wf.status(editor, A, id)).body.data.whyNot.submit).toMatch(/已在审核中/);
    // Reasons only for what the role could take: the editor reads none of the reviewers' refusals, the reviewer none of the editor's.
    expect(Object.keys((await wf.status(editor, A, id)).body.data.whyNot)).toEqual(['submit']);
    for (const action of ['approve', 'requestChanges', 'withdrawApproval', 'publish', 'unpublish'])
      expect([action, (await wf.status(editor, A, id)).body.data.whyNot[action]]).toEqual([
        action,
        undefined,
      ]);
    for (const action of ['submit', 'schedule'])
      expect([action, atSecondStage.whyNot[action]]).toEqual([action, undefined]);
    // At 终审, the chief's stage, a reviewer holding a role of the chain reads why, the role named in Chinese.
    await wf.approve(secondReviewer, A, id);
    expect((await wf.status(reviewer, A, id)).body.data.whyNot.approve).toMatch(
      /^「终审」须由“终审审核员”审核/,
    );
  });

  test('the editor is never offered publish; the reviewer only once it is approved', async () => {
    const id = await wf.createArticle(editor);
    expect((await wf.status(reviewer, A, id)).body.data.actions).toEqual([]);
    await wf.schedule(editor, A, id, { publishAt: new Date(Date.now() + 3600_000).toISOString() });
    await wf.submit(editor, A, id);
    for (const account of [reviewer, secondReviewer, chiefReviewer])
      await wf.approve(account, A, id);
    expect((await wf.status(editor, A, id)).body.data.actions).toEqual(['schedule']);
    // Approved but scheduled for later: publishing now is refused, so it is not offered.
    expect((await wf.status(chiefReviewer, A, id)).body.data.actions).toEqual([]);
    await wf.schedule(editor, A, id, { publishAt: null });
    expect((await wf.status(chiefReviewer, A, id)).body.data.actions).toEqual(['publish']);
    expect((await wf.publish(chiefReviewer, A, id)).status).toBe(200);
    expect((await wf.status(chiefReviewer, A, id)).body.data.actions).toEqual(['unpublish']);
  });

  test('the editor submits and schedules; reviewers cannot', async () => {
    const id = await wf.createArticle(editor);
    expect((await wf.submit(reviewer, A, id)).status).toBe(403);
    expect((await wf.schedule(reviewer, A, id, { publishAt: null })).status).toBe(403);
    expect((await wf.submit(editor, A, 'no-such-document')).status).toBe(400);
    expect((await wf.submit(editor, UID.category, id)).status).toBe(400);
    expect((await app.http().post(`/workflow/documents/${A}/${id}/submit`)).status).toBe(401);
  });

  test('schedule input is strict: real dates with a zone, years 2000–2100, and {} is a mistake', async () => {
    const id = await wf.createArticle(editor);
    await wf.schedule(editor, A, id, {
      publishAt: '2030-05-01T09:00:00+08:00',
      unpublishAt: '2030-06-01T09:00:00+08:00',
    });
    for (const [body, field] of [
      [{ publishAt: '2030-02-30T09:00:00+08:00' }, 'publishAt'],
      [{ publishAt: '2030-05-01' }, 'publishAt'],
      [{ publishAt: '2030-05-01T09:00:00' }, 'publishAt'],
      [{ unpublishAt: '+275760-09-13T00:00:00.000Z' }, 'unpublishAt'],
      [{ publishAt: 1893456000000 }, 'publishAt'],
      [{}, 'publishAt'],
    ] as const) {
      const refused = await wf.schedule(editor, A, id, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain(field);
    }
    // Nothing refused changed the schedule; a field left out keeps its value.
    const kept = await reviewStateOf(app, id);
    expect(
      [kept.publishAt, kept.unpublishAt].map((value) => new Date(value).toISOString()),
    ).toEqual(['2030-05-01T01:00:00.000Z', '2030-06-01T01:00:00.000Z']);
    expect((await wf.schedule(editor, A, id, { unpublishAt: null })).status).toBe(200);
    const state = await reviewStateOf(app, id);
    expect(state.unpublishAt).toBeNull();
    expect(new Date(state.publishAt).toISOString()).toBe('2030-05-01T01:00:00.000Z');
  });
});

describe('webhook events', () => {
  test('submit, approve, request-changes and publish reach a webhook subscribed to them', async () => {
    // Workflow events carry the document at the top level; Strapi's own entry events under `entry`.
    const received: Array<{ event: string; documentId?: string; entry?: { documentId?: string } }> =
      [];
    const receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    try {
      const events = [
        'workflow.submit',
        'workflow.approve',
        'workflow.request-changes',
        'workflow.publish',
        'workflow.unpublish',
      ];
      const hook = await app
        .http()
        .post('/admin/webhooks')
        .set(await wf.auth(superAdmin))
        .send({ name: 'partner site', url: `http://127.0.0.1:${port}/hook`, headers: {}, events });
      expect(hook.status).toBe(201);

      const id = await wf.createArticle(editor);
      await wf.submit(editor, A, id);
      await wf.requestChanges(reviewer, A, id, { comment: '补充来源' });
      await wf.submit(editor, A, id);
      for (const account of [reviewer, secondReviewer, chiefReviewer])
        await wf.approve(account, A, id);
      await wf.unpublish(chiefReviewer, A, id);

      const expected = [
        'workflow.submit',
        'workflow.request-changes',
        'workflow.submit',
        'workflow.approve',
        'workflow.approve',
        'workflow.approve',
        'workflow.publish',
        'workflow.unpublish',
      ];
      for (let i = 0; i < 50 && received.length < expected.length; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const forThis = received.filter(
        (delivery) => delivery.documentId === id || delivery.entry?.documentId === id,
      );
      expect(forThis.map((delivery) => delivery.event).sort()).toEqual([...expected].sort());
    } finally {
      receiver.close();
    }
  });
});
