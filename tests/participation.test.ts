import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { publishedContentVersion } from '../src/kernel/live-content-version';
import { UID } from '../src/constants';
import { PARTICIPATION_UID } from '../src/participation/participation-types';
import { periodOf } from '../src/participation/periods';
import { contentManagerUrl, documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { contentlessAdmin, workflowClient } from './harness/workflow';

/**
 * Staff participation (issue 13): staff imported by an administrator sign in with their employee
 * number, send contributions (投稿) with photos, which editors adopt into the 三审 chain or
 * decline; points are earned per event within monthly caps and ranked. Nothing of it is public.
 */
// Low caps, so the test reaches them: 2 points a submission, at most 4 a month.
const app = bootTestAppForFile({
  POINTS_SUBMITTED_MONTHLY_CAP: '4',
  WEBSITE_URL: 'https://dangjian.example.com/',
});
const wf = workflowClient(app);
const { superAdmin, editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;

const png = (color: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .png()
    .toBuffer();

const truncatedJpeg = async () => {
  const whole = await sharp({
    create: {
      width: 400,
      height: 300,
      channels: 3,
      background: '#336699',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg()
    .toBuffer();
  return whole.subarray(0, Math.floor(whole.length / 2));
};

const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

const importSheet = async (
  file: Buffer,
  fileName: string,
  dryRun: boolean,
  account: { email: string; password: string } = superAdmin,
) =>
  app
    .http()
    .post(`/participation/staff/import${dryRun ? '?dryRun=true' : ''}`)
    .set(await wf.auth(account))
    .attach('file', file, fileName);

const staffCount = () => app.strapi.db.query(PARTICIPATION_UID.staffMember).count({});
const accountCount = () => app.strapi.db.query('plugin::users-permissions.user').count({});
const contributionCount = () => app.strapi.db.query(PARTICIPATION_UID.contribution).count({});
const fileCount = () => app.strapi.db.query('plugin::upload.file').count({});

const HEADER = '姓名,工号,手机,邮箱,组织,通讯员';

/** GB18030 bytes of `text`: Node encodes only UTF-8, so the test asks iconv-lite (installed with Strapi's body parser). */
const gb18030 = (text: string): Buffer => iconv.encode(text, 'gb18030');

/** Signs a staff member in the way the staff page does: an invitation, a chosen password, then the standard sign-in. */
const signInStaff = async (employeeNumber: string, password = 'Staff-Pass-123') => {
  const member = await app.strapi.db
    .query(PARTICIPATION_UID.staffMember)
    .findOne({ where: { employeeNumber } });
  const invitation = await app
    .http()
    .post(`/participation/staff/${member.documentId}/invitation`)
    .set(await wf.auth(superAdmin));
  expect(invitation.status).toBe(200);
  const reset = await app
    .http()
    .post('/api/auth/reset-password')
    .send({ code: invitation.body.data.code, password, passwordConfirmation: password });
  expect(reset.status).toBe(200);
  const login = await app
    .http()
    .post('/api/auth/local')
    .send({ identifier: employeeNumber, password });
  expect(login.status).toBe(200);
  return { Authorization: `Bearer ${login.body.jwt}` };
};

let staffA: Record<string, string>;
let staffB: Record<string, string>;

const submit = (
  auth: Record<string, string>,
  fields: Record<string, string>,
  images: Array<[Buffer, string]> = [],
) => {
  let request = app.http().post('/api/participation/contributions').set(auth);
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
  for (const [bytes, name] of images) request = request.attach('images', bytes, name);
  return request;
};

describe('staff import', () => {
  test('a dry run names every bad row and its column, and writes nothing', async () => {
    const before = [await staffCount(), await accountCount()];
    const report = await importSheet(
      csv([
        HEADER,
        '张明,E1001,13800000001,,locomotive-branch,是',
        '李华,E1002,,lihua@example.com,traffic-branch,否',
        ',E1003,13800000003,,locomotive-branch,',
        '王五,E1001,13800000004,,no-such-branch,也许',
        '赵六,E1006,,,track-branch,否',
        '钱八,E1008,,LiHua@example.com,track-branch,否',
      ]),
      'staff.csv',
      true,
    );
    expect(report.status).toBe(200);
    const { rows, counts, applied } = report.body.data;
    expect(applied).toBe(false);
    expect(counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 4 });
    const problemsOf = (row: number) =>
      rows
        .find((entry: { row: number }) => entry.row === row)
        .problems.map((problem: { column: string }) => problem.column)
        .sort();
    expect(problemsOf(4)).toEqual(['name']);
    expect(problemsOf(5)).toEqual(['correspondent', 'employeeNumber', 'organization']);
    expect(problemsOf(6)).toEqual(['phone']);
    expect(problemsOf(7)).toEqual(['email']);
    expect([await staffCount(), await accountCount()]).toEqual(before);
  });

  test('an import with any bad row is refused whole; a good one creates staff with sign-in accounts, and importing again updates them', async () => {
    const before = await staffCount();
    const refused = await importSheet(
      csv([HEADER, '张明,E1001,13800000001,,locomotive-branch,是', '王五,E1005,,,track-branch,否']),
      'staff.csv',
      false,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.data.counts.invalid).toBe(1);
    expect(await staffCount()).toBe(before);

    // An XLSX file as HR exports it, the employee number a number cell.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('职工');
    sheet.addRow(['姓名', '工号', '手机', '邮箱', '组织', '通讯员']);
    sheet.addRow(['张明', 'E1001', '13800000001', '', 'locomotive-branch', '是']);
    sheet.addRow(['李华', 'E1002', '', 'LiHua@Example.com', 'traffic-branch', '否']);
    sheet.addRow(['陈刚', 20031, '13800000031', '', 'locomotive-branch', '']);
    const created = await importSheet(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'staff.xlsx',
      false,
    );
    expect(created.status).toBe(200);
    expect(created.body.data.counts).toEqual({ create: 3, update: 0, unchanged: 0, invalid: 0 });
    expect(await staffCount()).toBe(before + 3);
    const account = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { username: 'E1001' } });
    expect(account.email).toBe('e1001@staff.invalid');
    expect(
      (
        await app.strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { username: 'E1002' } })
      ).email,
    ).toBe('lihua@example.com');

    // GB18030, as Chinese office software saves CSV: one update, one unchanged, nothing duplicated.
    const gbk = gb18030(
      '姓名,工号,手机,组织,通讯员\n张明,E1001,13900000001,locomotive-branch,是\n陈刚,20031,13800000031,locomotive-branch,否\n',
    );
    const updated = await importSheet(gbk, 'staff-gbk.csv', false);
    expect(updated.status).toBe(200);
    expect(updated.body.data.counts).toEqual({ create: 0, update: 1, unchanged: 1, invalid: 0 });
    expect(await staffCount()).toBe(before + 3);
    expect(
      (
        await app.strapi.db
          .query(PARTICIPATION_UID.staffMember)
          .findOne({ where: { employeeNumber: 'E1001' } })
      ).phone,
    ).toBe('13900000001');
  });

  test('only administrators of staff members import, invite or set passwords', async () => {
    const file = csv([HEADER, '孙七,E1007,13800000007,,track-branch,否']);
    expect((await importSheet(file, 'staff.csv', true, editor)).status).toBe(403);
    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: 'E1001' } });
    for (const path of ['invitation', 'password']) {
      expect(
        (
          await app
            .http()
            .post(`/participation/staff/${member.documentId}/${path}`)
            .set(await wf.auth(editor))
        ).status,
      ).toBe(403);
      expect(
        (await app.http().post(`/participation/staff/${member.documentId}/${path}`)).status,
      ).toBe(401);
    }
  });

  test('the account follows the staff member: renamed, blocked and deleted with them; it cannot be pointed elsewhere', async () => {
    const made = await documents(app.strapi, PARTICIPATION_UID.staffMember).create({
      data: {
        employeeNumber: 'T9001',
        name: '临时',
        email: 'temp@example.com',
        correspondent: false,
        active: true,
      },
    });
    const accountOf = async () =>
      (
        await app.strapi.db
          .query(PARTICIPATION_UID.staffMember)
          .findOne({ where: { documentId: made.documentId }, populate: ['account'] })
      ).account;
    const account = await accountOf();
    expect(account).toMatchObject({ username: 'T9001', email: 'temp@example.com', blocked: false });
    await documents(app.strapi, PARTICIPATION_UID.staffMember).update({
      documentId: made.documentId,
      data: { active: false, employeeNumber: 'T9002' },
    });
    expect(
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: account.id } }),
    ).toMatchObject({ username: 'T9002', blocked: true });
    await expect(
      documents(app.strapi, PARTICIPATION_UID.staffMember).update({
        documentId: made.documentId,
        data: { account: 1 },
      }),
    ).rejects.toThrow(/account/);
    // A second staff member may not take an e-mail that is already someone's sign-in.
    await expect(
      documents(app.strapi, PARTICIPATION_UID.staffMember).create({
        data: { employeeNumber: 'T9003', name: '重复', email: 'temp@example.com' },
      }),
    ).rejects.toThrow(/email|邮箱/i);
    await documents(app.strapi, PARTICIPATION_UID.staffMember).delete({
      documentId: made.documentId,
    });
    expect(
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: account.id } }),
    ).toBeNull();

    // In the admin panel's content manager, whose form sends the untouched account relation as an empty change.
    const panel = await wf.auth(superAdmin);
    const created = await app
      .http()
      .post(contentManagerUrl(PARTICIPATION_UID.staffMember))
      .set(panel)
      .send({
        employeeNumber: 'T9100',
        name: '面板新建',
        phone: '13800009100',
        correspondent: false,
        active: true,
        account: { connect: [], disconnect: [] },
      });
    expect(created.status).toBe(201);
    expect(
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { username: 'T9100' } }),
    ).toMatchObject({ email: 't9100@staff.invalid', blocked: false });
    const other = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { username: 'E1002' } });
    const pointed = await app
      .http()
      .put(contentManagerUrl(PARTICIPATION_UID.staffMember, `/${created.body.data.documentId}`))
      .set(panel)
      .send({ account: { connect: [{ id: other.id }] } });
    expect(pointed.status).toBe(400);
    expect(pointed.body.error.message).toMatch(/account/);
  });
});

describe('signing in', () => {
  test('an invitation works once and until it expires; the employee number is the sign-in name', async () => {
    staffA = await signInStaff('E1001');
    staffB = await signInStaff('E1002');
    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: '20031' } });
    const invitation = (
      await app
        .http()
        .post(`/participation/staff/${member.documentId}/invitation`)
        .set(await wf.auth(superAdmin))
    ).body.data;
    expect(invitation.link).toMatch(/^\/participate\/#invite=inv\./);
    const use = () =>
      app.http().post('/api/auth/reset-password').send({
        code: invitation.code,
        password: 'Chen-Pass-123',
        passwordConfirmation: 'Chen-Pass-123',
      });
    expect((await use()).status).toBe(200);
    expect((await use()).status).toBe(400);

    // An invitation past its 14 days says so.
    const expired = `inv.${(Date.now() - 1000).toString(36)}.${'a'.repeat(64)}`;
    await app.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { username: '20031' }, data: { resetPasswordToken: expired } });
    const late = await app
      .http()
      .post('/api/auth/reset-password')
      .send({ code: expired, password: 'Chen-Pass-456', passwordConfirmation: 'Chen-Pass-456' });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/expired/);
  });

  test('signing in and resetting passwords go through the limited REST routes only; a forgotten password cannot replace an invitation', async () => {
    // GraphQL has no sign-in or password mutation (access/public-model.ts): they would bypass the REST routes' limits.
    const login = await app.http().post('/graphql').send({
      query:
        'mutation { login(input: { identifier: "E1001", password: "Staff-Pass-123" }) { jwt } }',
    });
    expect(login.status).toBe(400);
    expect(login.body.errors?.[0]?.message).toMatch(/Cannot query field "login"/);
    // An expired invitation, which the REST route refuses, cannot be used over GraphQL either.
    const expired = `inv.${(Date.now() - 1000).toString(36)}.${'b'.repeat(64)}`;
    await app.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { username: '20031' }, data: { resetPasswordToken: expired } });
    const reset = await app
      .http()
      .post('/graphql')
      .send({
        query: `mutation { resetPassword(code: "${expired}", password: "Another-Pass-1", passwordConfirmation: "Another-Pass-1") { jwt } }`,
      });
    expect(reset.status).toBe(400);
    expect(reset.body.errors?.[0]?.message).toMatch(/Cannot query field "resetPassword"/);
    expect(
      (
        await app.strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { username: '20031' } })
      ).resetPasswordToken,
    ).toBe(expired);

    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: 'E1002' } });
    const invitation = (
      await app
        .http()
        .post(`/participation/staff/${member.documentId}/invitation`)
        .set(await wf.auth(superAdmin))
    ).body.data;
    const forgot = await app
      .http()
      .post('/api/auth/forgot-password')
      .send({ email: 'lihua@example.com' });
    expect([forgot.status, forgot.body]).toEqual([200, { ok: true }]);
    expect(
      (
        await app.strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { username: 'E1002' } })
      ).resetPasswordToken,
    ).toBe(invitation.code);
    // The invitation still works, and the password chosen earlier is replaced: the sessions opened with it end.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const used = await app.http().post('/api/auth/reset-password').send({
      code: invitation.code,
      password: 'Staff-Pass-123',
      passwordConfirmation: 'Staff-Pass-123',
    });
    expect(used.status).toBe(200);
    expect((await app.http().get('/api/participation/me').set(staffB)).status).toBe(401);
    staffB = { Authorization: `Bearer ${used.body.jwt}` };
    expect(
      (await app.http().get('/api/participation/me').set(staffB)).body.data.password.history[0],
    ).toMatchObject({ how: 'invitation', by: expect.stringMatching(/\S/) });
  });

  test('a generated password is shown once and signs in; the person sees who set it, and must choose their own before anything else', async () => {
    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: '20031' } });
    const response = await app
      .http()
      .post(`/participation/staff/${member.documentId}/password`)
      .set(await wf.auth(superAdmin));
    expect(response.headers['cache-control']).toBe('no-store');
    const generated: string = response.body.data.password;
    const login = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: '20031', password: generated });
    expect(login.status).toBe(200);
    const staff = { Authorization: `Bearer ${login.body.jwt}` };

    // `me` says so, with when and by whom; everything else waits for the person's own password.
    const me = (await app.http().get('/api/participation/me').set(staff)).body.data;
    expect(me.password.changeRequired).toBe(true);
    expect(me.password.history[0]).toMatchObject({ how: 'admin', by: expect.stringMatching(/\S/) });
    expect(Date.now() - new Date(me.password.history[0].at).getTime()).toBeLessThan(60_000);
    for (const request of [
      app.http().get('/api/participation/contributions'),
      app.http().get('/api/participation/opinions'),
      app.http().post('/api/participation/opinions').send({ title: 't', body: 'b' }),
    ]) {
      const refused = await request.set(staff);
      expect([refused.status, refused.body.error?.details?.code]).toEqual([
        403,
        'PASSWORD_CHANGE_REQUIRED',
      ]);
    }
    // It is on the audit trail, with the administrator.
    const trail = await app.strapi.db.query('api::workflow.audit-entry').findMany({
      where: { targetDocumentId: member.documentId, action: 'staff_password_set' },
      orderBy: { id: 'asc' },
    });
    expect(trail.at(-1)).toMatchObject({ actorType: 'user', details: { how: 'admin' } });

    // Sessions opened before a password is set end with it (tokens carry their time in seconds).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const changed = await app.http().post('/api/auth/change-password').set(staff).send({
      currentPassword: generated,
      password: 'Own-Chosen-Pass-9',
      passwordConfirmation: 'Own-Chosen-Pass-9',
    });
    expect(changed.status).toBe(200);
    const own = { Authorization: `Bearer ${changed.body.jwt}` };
    const after = (await app.http().get('/api/participation/me').set(own)).body.data;
    expect(after.password).toMatchObject({
      changeRequired: false,
      history: [{ how: 'self' }, { how: 'admin' }, ...after.password.history.slice(2)],
    });
    expect((await app.http().get('/api/participation/opinions').set(own)).status).toBe(200);
    // The session the administrator opened with the password they set is over.
    const outlived = await app.http().get('/api/participation/me').set(staff);
    expect([outlived.status, outlived.body.error?.message]).toEqual([
      401,
      expect.stringMatching(/sign in again/),
    ]);
  });

  test('a password set on any other door than the person’s own change or an invitation counts as an administrator’s', async () => {
    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: '20031' }, populate: ['account'] });
    // A request through a door not foreseen (here an admin API token's), and one with no strategy at all.
    for (const state of [
      { auth: { strategy: { name: 'admin-token' } }, route: { handler: 'admin.update' } },
      {},
    ]) {
      await app.strapi.requestContext.run({ state } as never, () =>
        app.strapi
          .plugin('users-permissions')
          .service('user')
          .edit(member.account.id, { password: 'Some-Door-Pass-1' }),
      );
      const [latest] = await app.strapi.db.query('api::workflow.audit-entry').findMany({
        where: { targetDocumentId: member.documentId, action: 'staff_password_set' },
        orderBy: [{ id: 'desc' }],
        limit: 1,
      });
      expect([state, latest.details.how]).toEqual([state, 'admin']);
    }
  });

  test('an administrator who sets a password in the content manager is on record too, and the person must replace it', async () => {
    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: '20031' }, populate: ['account'] });
    const edited = await app
      .http()
      .put(
        `/content-manager/collection-types/plugin::users-permissions.user/${member.account.documentId}`,
      )
      .set(await wf.auth(superAdmin))
      .send({ password: 'Admin-Knows-This-1' });
    expect(edited.status).toBe(200);
    const login = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: '20031', password: 'Admin-Knows-This-1' });
    const me = (
      await app
        .http()
        .get('/api/participation/me')
        .set({ Authorization: `Bearer ${login.body.jwt}` })
    ).body.data;
    expect(me.password).toMatchObject({
      changeRequired: true,
      history: [{ how: 'admin' }, ...me.password.history.slice(1)],
    });
  });

  test('only an active staff member reaches the participation API: not anonymous readers, API tokens or other accounts', async () => {
    expect((await app.http().get('/api/participation/me').set(staffA)).body.data).toMatchObject({
      name: '张明',
      employeeNumber: 'E1001',
      correspondent: true,
      organization: { slug: 'locomotive-branch' },
    });
    expect((await app.http().get('/api/participation/me')).status).toBe(403);
    for (const type of ['read-only', 'full-access'] as const) {
      const token = await app.apiToken(type);
      expect(
        (
          await app
            .http()
            .get('/api/participation/me')
            .set({ Authorization: `Bearer ${token}` })
        ).status,
      ).toBeGreaterThanOrEqual(401);
      expect(
        (await submit({ Authorization: `Bearer ${token}` }, { title: 't', body: 'b' })).status,
      ).toBeGreaterThanOrEqual(401);
    }
    // A users-permissions account that is not a staff member's.
    await app.strapi
      .plugin('users-permissions')
      .service('user')
      .add({
        username: 'not-staff',
        email: 'not-staff@example.com',
        password: 'Not-Staff-123',
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: (
          await app.strapi.db
            .query('plugin::users-permissions.role')
            .findOne({ where: { type: 'authenticated' } })
        ).id,
      });
    const outsider = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'not-staff', password: 'Not-Staff-123' });
    expect(
      (
        await app
          .http()
          .get('/api/participation/me')
          .set({ Authorization: `Bearer ${outsider.body.jwt}` })
      ).status,
    ).toBe(403);
    // Staff get no media library upload of their own: the Content API has no upload route.
    expect([404, 405]).toContain(
      (
        await app
          .http()
          .post('/api/upload')
          .set(staffA)
          .attach('files', await png('#ff0000'), 'x.png')
      ).status,
    );
  });
});

describe('contributions', () => {
  let adoptedId: string;

  test('bad input is a 400 naming the field, and leaves nothing behind', async () => {
    const before = [await contributionCount(), await fileCount()];
    const photo = await png('#00aa00');
    const cases: Array<[Record<string, string>, Array<[Buffer, string]>, string]> = [
      [{ title: '', body: '正文' }, [], 'title'],
      [{ title: '标'.repeat(65), body: '正文' }, [], 'title'],
      [{ title: '标题', body: '字'.repeat(20001) }, [], 'body'],
      [
        { title: '标题', body: '正文', organization: 'no-such-branch' },
        [[photo, 'a.png']],
        'organization',
      ],
      [{ title: '标题', body: '正文', category: 'no-such-category' }, [], 'category'],
      [{ title: '标题', body: '正文', consentToBeNamed: 'perhaps' }, [], 'consentToBeNamed'],
      [
        { title: '标题', body: '正文' },
        Array.from({ length: 10 }, (_, index): [Buffer, string] => [photo, `p${index}.png`]),
        'images',
      ],
      [
        { title: '标题', body: '正文' },
        [[Buffer.from('%PDF-1.4 not a photo'), 'report.pdf']],
        'images',
      ],
      // A photo cut short in transit: its header reads, the picture does not.
      [{ title: '标题', body: '正文' }, [[await truncatedJpeg(), 'cut.jpg']], 'images'],
    ];
    for (const [fields, images, field] of cases) {
      const response = await submit(staffA, fields, images);
      expect([response.status, response.body.error?.message]).toEqual([
        400,
        expect.stringContaining(field),
      ]);
    }
    // Not an image, whatever its name says: the upload guard refuses it before anything is stored.
    expect(
      (
        await submit(staffA, { title: '标题', body: '正文' }, [
          [Buffer.from('not a png at all'), 'fake.png'],
        ])
      ).status,
    ).toBe(400);
    expect([await contributionCount(), await fileCount()]).toEqual(before);
  });

  test('a staff member sends one with photos; it waits in the inbox, theirs alone to see and change', async () => {
    // A phone photo carries who took it, where and with what: none of it is kept.
    const phonePhoto = await sharp({
      create: { width: 80, height: 60, channels: 3, background: '#c8102e' },
    })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Zhang Ming E1001', Model: 'Phone 12' } })
      .toBuffer();
    expect((await sharp(phonePhoto).metadata()).exif).toBeDefined();
    const response = await submit(
      staffA,
      {
        title: '机务段开展安全主题党日',
        body: '第一段：活动的缘起。\n\n第二段：活动的经过。',
        category: 'contributions',
        consentToBeNamed: 'true',
      },
      [
        [phonePhoto, '张明-IMG_0001.jpg'],
        [await png('#1565c0'), 'scene.png'],
      ],
    );
    expect(response.status).toBe(201);
    const mine = response.body.data;
    expect(mine).toMatchObject({
      state: 'received',
      organization: '机务党支部',
      category: '投稿创作',
      editable: true,
    });
    expect(mine.images).toHaveLength(2);
    adoptedId = mine.documentId;
    const kept = await app.http().get(mine.images[0].url).buffer(true);
    expect((await sharp(kept.body).metadata()).exif).toBeUndefined();
    // In the order they were sent (a populated media list has no order of its own on PostgreSQL).
    const stored = (
      await app.strapi.db
        .query(PARTICIPATION_UID.contribution)
        .findOne({ where: { documentId: adoptedId }, populate: ['images'] })
    ).images as Array<{ id: number; name: string }>;
    const names = [...stored].sort((a, b) => a.id - b.id).map((image) => image.name);
    expect(names).toEqual(['contribution-photo-1.jpg', 'contribution-photo-2.png']);

    expect(
      (await app.http().get('/api/participation/contributions').set(staffB)).body.data,
    ).toEqual([]);
    expect(
      (
        await app
          .http()
          .put(`/api/participation/contributions/${adoptedId}`)
          .set(staffB)
          .send({ title: '别人的' })
      ).status,
    ).toBe(404);
    const edited = await app
      .http()
      .put(`/api/participation/contributions/${adoptedId}`)
      .set(staffA)
      .send({ title: '机务党支部开展安全主题党日' });
    expect([edited.status, edited.body.data?.title]).toEqual([200, '机务党支部开展安全主题党日']);

    const inbox = await app
      .http()
      .get('/participation/contributions?state=received')
      .set(await wf.auth(editor));
    expect(
      inbox.body.data.find((item: { documentId: string }) => item.documentId === adoptedId),
    ).toMatchObject({
      contributor: { name: '张明', employeeNumber: 'E1001', correspondent: true },
    });
    // The inbox is the editors': not a reviewer's, not a role without content.
    expect(
      (
        await app
          .http()
          .get('/participation/contributions')
          .set(await wf.auth(reviewer))
      ).status,
    ).toBe(403);
    expect(
      (
        await app
          .http()
          .get('/participation/contributions')
          .set(await contentlessAdmin(app))
      ).status,
    ).toBe(403);
  });

  test('adopted, it becomes a draft article that goes through 三审; released, the contributor sees the link and earns points', async () => {
    const adopted = await app
      .http()
      .post(`/participation/contributions/${adoptedId}/adopt`)
      .set(await wf.auth(editor));
    expect(adopted.status).toBe(200);
    const { articleDocumentId } = adopted.body.data;
    const draft = await app.strapi.documents(UID.article).findOne({
      documentId: articleDocumentId,
      locale: 'zh-CN',
      status: 'draft',
      populate: ['cover', 'category', 'createdBy'],
    });
    expect(draft).toMatchObject({
      title: '机务党支部开展安全主题党日',
      author: '张明',
      source: '机务党支部',
      publishedAt: null,
    });
    expect(draft!.cover!.name).toBe('contribution-photo-1.jpg');
    expect(draft!.category!.slug).toBe('contributions');
    const blocks = (draft!.body ?? []) as Array<{ type: string }>;
    expect(blocks.filter((block) => block.type === 'paragraph')).toHaveLength(2);
    expect(blocks.filter((block) => block.type === 'image')).toHaveLength(1);
    expect((await app.http().get(`/api/articles/${articleDocumentId}`)).status).toBe(404);

    // Handled: the contributor can no longer change it, and it cannot be handled twice.
    expect(
      (
        await app
          .http()
          .put(`/api/participation/contributions/${adoptedId}`)
          .set(staffA)
          .send({ title: '再改' })
      ).status,
    ).toBe(400);
    expect(
      (
        await app
          .http()
          .post(`/participation/contributions/${adoptedId}/decline`)
          .set(await wf.auth(editor))
          .send({ reason: '重复' })
      ).status,
    ).toBe(400);

    expect((await wf.submit(editor, UID.article, articleDocumentId)).status).toBe(200);
    expect((await wf.approve(reviewer, UID.article, articleDocumentId)).status).toBe(200);
    expect((await wf.approve(secondReviewer, UID.article, articleDocumentId)).status).toBe(200);
    expect(
      (await wf.approve(chiefReviewer, UID.article, articleDocumentId)).body.data.reviewState,
    ).toBe('published');

    const [mine] = (await app.http().get('/api/participation/contributions').set(staffA)).body.data;
    expect(mine).toMatchObject({ documentId: adoptedId, state: 'published', editable: false });
    expect(mine.articleUrl).toMatch(/^https:\/\/dangjian\.example\.com\/zh-CN\/articles\/.+/);
    const ledger = await app.strapi.db
      .query(PARTICIPATION_UID.pointEvent)
      .findMany({ where: { contributionDocumentId: adoptedId }, orderBy: { id: 'asc' } });
    expect(
      ledger.map((row: { pointEvent: string; points: number }) => [row.pointEvent, row.points]),
    ).toEqual([
      ['submitted', 2],
      ['adopted', 4],
      ['published', 2],
    ]);
    // Released again (unpublished and republished): no second award.
    expect((await wf.unpublish(chiefReviewer, UID.article, articleDocumentId)).status).toBe(200);
    const trail = await app.strapi.db
      .query('api::workflow.audit-entry')
      .findMany({ where: { targetDocumentId: adoptedId }, orderBy: { id: 'asc' } });
    expect(trail.map((entry: { action: string }) => entry.action)).toEqual([
      'contribution_submit',
      'points_award',
      'contribution_edit',
      'contribution_adopt',
      'points_award',
      'points_award',
    ]);
  });

  test('declined with a reason the contributor reads; a decline without one is refused', async () => {
    const sent = (
      await submit(staffB, { title: '车务党支部的读书会', body: '一次读书会的记录。' }, [
        [await png('#884400'), 'reading.png'],
      ])
    ).body.data;
    expect(sent.organization).toBe('车务党支部');
    const [photo] = (
      await app.strapi.db
        .query(PARTICIPATION_UID.contribution)
        .findOne({ where: { documentId: sent.documentId }, populate: ['images'] })
    ).images;
    const auth = await wf.auth(editor);
    expect(
      (
        await app
          .http()
          .post(`/participation/contributions/${sent.documentId}/decline`)
          .set(auth)
          .send({})
      ).status,
    ).toBe(400);
    expect(
      (
        await app
          .http()
          .post(`/participation/contributions/${sent.documentId}/decline`)
          .set(auth)
          .send({ reason: '内容与本月专题不符，欢迎改投' })
      ).status,
    ).toBe(200);
    const [mine] = (await app.http().get('/api/participation/contributions').set(staffB)).body.data;
    expect(mine).toMatchObject({
      state: 'declined',
      declineReason: '内容与本月专题不符，欢迎改投',
      editable: false,
      images: [],
    });
    // Nothing of a declined contribution will be used: its photos are gone.
    expect(
      await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: photo.id } }),
    ).toBeNull();
    expect((await app.http().get(photo.url)).status).toBe(404);
  });

  test('points stop at the monthly cap, and the ledger says what was held back; it cannot be edited', async () => {
    // staffB has one submission (2 points) this month; the cap is 4.
    // Points are not live content while the screens show no rankings (the default): no reader's cache is emptied.
    const version = await publishedContentVersion(app.strapi);
    await submit(staffB, { title: '第二篇', body: '正文' });
    expect(await publishedContentVersion(app.strapi)).toBe(version);
    await submit(staffB, { title: '第三篇', body: '正文' });
    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: 'E1002' } });
    const rows = await app.strapi.db.query(PARTICIPATION_UID.pointEvent).findMany({
      where: { staffMemberId: member.id, pointEvent: 'submitted' },
      orderBy: { id: 'asc' },
    });
    expect(
      rows.map((row: { points: number; cappedFrom: number | null }) => [
        row.points,
        row.cappedFrom,
      ]),
    ).toEqual([
      [2, null],
      [2, null],
      [0, 2],
    ]);
    expect(
      (await app.http().get('/api/participation/me').set(staffB)).body.data.points,
    ).toMatchObject({ month: 4, total: 4 });
    await expect(
      documents(app.strapi, PARTICIPATION_UID.pointEvent).update({
        documentId: rows[0].documentId,
        data: { points: 99 },
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      documents(app.strapi, PARTICIPATION_UID.pointEvent).delete({
        documentId: rows[0].documentId,
      }),
    ).rejects.toThrow(/append-only/);
  });

  test('rankings per person and per organization, and their export for the annual award', async () => {
    const auth = await wf.auth(editor);
    const people = await app.http().get('/participation/rankings?period=month').set(auth);
    expect(people.status).toBe(200);
    expect(
      people.body.data.rows
        .slice(0, 2)
        .map((row: { name: string; points: number; rank: number }) => [
          row.rank,
          row.name,
          row.points,
        ]),
    ).toEqual([
      [1, '张明', 8],
      [2, '李华', 4],
    ]);
    const units = await app
      .http()
      .get('/participation/rankings?period=year&scope=organization')
      .set(auth);
    expect(
      units.body.data.rows.map((row: { name: string; points: number }) => [row.name, row.points]),
    ).toEqual([
      ['机务党支部', 8],
      ['车务党支部', 4],
    ]);
    expect((await app.http().get('/participation/rankings?period=week').set(auth)).status).toBe(
      400,
    );
    expect(
      (await app.http().get('/participation/rankings?period=quarter&value=2026-13').set(auth))
        .status,
    ).toBe(400);

    const xlsx = await app
      .http()
      .get('/participation/rankings/export?period=year')
      .set(auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '名次',
      '姓名',
      '工号',
      '所属党组织',
      '通讯员',
      '采用篇数',
      '积分',
    ]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      1,
      '张明',
      'E1001',
      '机务党支部',
      '是',
      1,
      8,
    ]);
    const text = await app
      .http()
      .get('/participation/rankings/export?period=year&format=csv&scope=organization')
      .set(auth);
    expect(text.text).toMatch(/^\uFEFF名次,党组织,采用篇数,积分\n1,机务党支部,1,8/);
    // Quarterly quotas of adopted contributions per organization, and how far each got.
    const quarter = periodOf(new Date()).quarter;
    for (const [slug, adoptedTarget] of [
      ['locomotive-branch', 1],
      ['traffic-branch', 2],
    ] as const) {
      const organization = await app.strapi.db
        .query(UID.organization)
        .findOne({ where: { slug, publishedAt: { $notNull: true } } });
      await app.strapi.documents(PARTICIPATION_UID.quota).create({
        data: { organization: organization.documentId, quarter, adoptedTarget } as never,
      });
    }
    const quotas = (await app.http().get('/participation/quotas').set(auth)).body.data as Array<{
      organization: string;
      adopted: number;
      adoptedTarget: number;
      fulfilled: boolean;
    }>;
    expect(
      quotas
        .map(({ organization, adopted, adoptedTarget, fulfilled }) => [
          organization,
          adopted,
          adoptedTarget,
          fulfilled,
        ])
        .sort(),
    ).toEqual([
      ['机务党支部', 1, 1, true],
      ['车务党支部', 0, 2, false],
    ]);
    expect((await app.http().get('/participation/quotas?value=2026-Q5').set(auth)).status).toBe(
      400,
    );
    // Staff see rankings only where the enterprise shows them (off by default).
    expect((await app.http().get('/api/participation/rankings').set(staffA)).status).toBe(404);
  });

  test('photos keep the order they were sent in, whatever their sizes (the first is the cover once adopted)', async () => {
    // formidable lists files as their writes to disk end: a large photo first, small ones after, came out of order.
    const large = await sharp({
      create: {
        width: 3000,
        height: 2250,
        channels: 3,
        background: '#336699',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(large.length).toBeGreaterThan(4_000_000);
    const smallWidths = [64, 48, 40, 32];
    const small = await Promise.all(
      smallWidths.map((width) =>
        sharp({ create: { width, height: 32, channels: 3, background: '#2e7d32' } })
          .png()
          .toBuffer(),
      ),
    );
    const response = await submit(staffA, { title: '五张照片', body: '正文' }, [
      [large, 'first.jpg'],
      ...small.map((bytes, index): [Buffer, string] => [bytes, `small-${index}.png`]),
    ]);
    expect(response.status).toBe(201);
    const stored = (
      await app.strapi.db
        .query(PARTICIPATION_UID.contribution)
        .findOne({ where: { documentId: response.body.data.documentId }, populate: ['images'] })
    ).images as Array<{ id: number; name: string; width: number }>;
    expect([...stored].sort((a, b) => a.id - b.id).map(({ name, width }) => [name, width])).toEqual(
      [
        ['contribution-photo-1.jpg', 3000],
        ...smallWidths.map((width, index) => [`contribution-photo-${index + 2}.png`, width]),
      ],
    );
  });
});

describe('opinions (意见建议)', () => {
  const handlerAccount = {
    email: 'branch-secretary@example.com',
    password: 'Branch-Secretary-Pass1',
  };
  const committeeAccount = {
    email: 'committee-secretary@example.com',
    password: 'Committee-Secretary-Pass1',
  };
  let named: string;
  let anonymous: string;
  let anonymousReceipt: string;

  /** An admin with the Handler role, answering for the organization `slug`. */
  const ensureHandler = async (account: { email: string; password: string }, slug: string) => {
    const users = app.strapi.service('admin::user');
    if (!(await users.exists({ email: account.email }))) {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { name: 'Handler' } });
      const user = await users.create({
        ...account,
        firstname: '书记',
        lastname: slug,
        isActive: true,
        roles: [role.id],
      });
      const organization = await app.strapi.db
        .query(UID.organization)
        .findOne({ where: { slug, publishedAt: { $notNull: true } } });
      await app.strapi
        .documents(PARTICIPATION_UID.handlerAssignment)
        .create({ data: { handler: user.id, organization: organization.documentId } as never });
    }
    return wf.auth(account);
  };

  const send = (auth: Record<string, string>, body: Record<string, unknown>) =>
    app.http().post('/api/participation/opinions').set(auth).send(body);

  test('bad input is a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ kind: 'rant', title: 't', body: 'b' }, 'kind'],
      [{ title: '', body: 'b' }, 'title'],
      [{ title: 't', body: '' }, 'body'],
      [{ title: 't', body: 'b', organization: 'no-such-branch' }, 'organization'],
      [{ title: 't', body: 'b', anonymous: 'maybe' }, 'anonymous'],
    ] as const) {
      const response = await send(staffA, body);
      expect([response.status, response.body.error?.message]).toEqual([
        400,
        expect.stringContaining(field),
      ]);
    }
  });

  test('a handler sees the opinions sent to their organization; an anonymous sender stays unknown to them and on the trail', async () => {
    const namedSent = await send(staffA, {
      kind: 'suggestion',
      title: '建议增加夜班热餐',
      body: '夜班职工希望食堂延长供餐时间。',
    });
    named = namedSent.body.data.documentId;
    expect(namedSent.body.data.receipt).toBeUndefined();
    // The sender sees when an answer is due: OPINION_OVERDUE_DAYS (7) after sending.
    const { sentAt, dueAt } = namedSent.body.data as { sentAt: string; dueAt: string };
    expect(
      Math.abs(new Date(dueAt).getTime() - new Date(sentAt).getTime() - 7 * 24 * 60 * 60 * 1000),
    ).toBeLessThan(1000);
    const sent = await send(staffB, {
      kind: 'problem',
      title: '候车室空调故障',
      body: '二号候车室空调已坏三天。',
      anonymous: true,
      consentToPublish: true,
    });
    expect(sent.status).toBe(201);
    anonymous = sent.body.data.documentId;

    const traffic = await ensureHandler(handlerAccount, 'traffic-branch');
    const list = (await app.http().get('/participation/opinions').set(traffic)).body.data as Array<{
      documentId: string;
      sender: unknown;
      anonymous: boolean;
    }>;
    expect(list.map((item) => item.documentId)).toEqual([anonymous]);
    expect(list[0]).toMatchObject({ sender: null, anonymous: true });
    expect(JSON.stringify(list)).not.toMatch(/李华|E1002|receipt/i);
    // The named one is 机务党支部's: not this handler's to see or answer.
    expect(
      (
        await app
          .http()
          .post(`/participation/opinions/${named}/answer`)
          .set(traffic)
          .send({ answer: '好' })
      ).status,
    ).toBe(404);

    // The anonymous one keeps no sender at all: no relation, no key; its receipt, given once, is the way back.
    expect(sent.body.data.receipt).toMatch(/^[0-9A-Z]{8}-[0-9A-Z]{20}$/);
    anonymousReceipt = sent.body.data.receipt;
    const row = await app.strapi.db
      .query(PARTICIPATION_UID.opinion)
      .findOne({ where: { documentId: anonymous }, populate: ['sender'] });
    expect(row.sender).toBeNull();
    expect(Object.keys(row)).not.toContain('senderKey');
    expect(row.receiptHash).toMatch(/^scrypt\$/);
    expect(row.receiptHash).not.toContain(anonymousReceipt.split('-')[1]);
    const trail = await app.strapi.db
      .query('api::workflow.audit-entry')
      .findMany({ where: { targetDocumentId: anonymous } });
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'opinion_send', actorType: 'staff', actorId: null });
    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: 'E1002' } });
    expect(JSON.stringify(trail[0])).not.toMatch(
      new RegExp(`李华|E1002|"staffMemberId":${member.id}\\b`),
    );
  });

  test('answered, the sender reads the answer and rates it once; with consent it may become a Q&A draft for review', async () => {
    const traffic = await ensureHandler(handlerAccount, 'traffic-branch');
    expect(
      (await app.http().post(`/participation/opinions/${anonymous}/answer`).set(traffic).send({}))
        .status,
    ).toBe(400);
    expect(
      (
        await app
          .http()
          .post(`/participation/opinions/${anonymous}/answer`)
          .set(traffic)
          .send({ answer: '已报修，明天上午修复。' })
      ).status,
    ).toBe(200);
    // The sender's account does not list it, nor rate it: the receipt, with no sign-in, does.
    expect(
      (await app.http().get('/api/participation/opinions').set(staffB)).body.data.map(
        (item: { documentId: string }) => item.documentId,
      ),
    ).not.toContain(anonymous);
    for (const account of [staffA, staffB])
      expect(
        (
          await app
            .http()
            .post(`/api/participation/opinions/${anonymous}/rating`)
            .set(account)
            .send({ rating: 'satisfied' })
        ).status,
      ).toBe(404);
    const byReceipt = await app
      .http()
      .post('/api/participation/receipts/opinion')
      .send({ receipt: anonymousReceipt.toLowerCase() });
    expect(byReceipt.status).toBe(200);
    expect(byReceipt.body.data).toMatchObject({
      documentId: anonymous,
      state: 'answered',
      answer: '已报修，明天上午修复。',
      anonymous: true,
    });
    // A wrong secret, a made-up code and a malformed one open nothing, and say nothing of what exists.
    const [lookup, secret] = anonymousReceipt.split('-');
    const wrongSecret = `${lookup}-${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
    for (const receipt of [wrongSecret, `ZZZZZZZZ-${secret}`]) {
      const refused = await app
        .http()
        .post('/api/participation/receipts/opinion')
        .send({ receipt });
      expect([refused.status, refused.body.error.message]).toEqual([
        404,
        expect.stringMatching(/No opinion with this receipt code/),
      ]);
    }
    for (const receipt of [undefined, 42, 'not-a-receipt', `${lookup}${secret}`]) {
      expect(
        (await app.http().post('/api/participation/receipts/opinion').send({ receipt })).status,
      ).toBe(400);
    }
    expect(
      (
        await app
          .http()
          .post('/api/participation/receipts/rating')
          .send({ receipt: anonymousReceipt, rating: 'meh' })
      ).status,
    ).toBe(400);
    // The staff page asks for all the codes it keeps at once: each opinion, or null.
    const batch = await app
      .http()
      .post('/api/participation/receipts/opinion')
      .send({ receipts: [anonymousReceipt, `ZZZZZZZZ-${secret}`] });
    expect(batch.body.data).toEqual([
      { receipt: anonymousReceipt, opinion: expect.objectContaining({ documentId: anonymous }) },
      { receipt: `ZZZZZZZZ-${secret}`, opinion: null },
    ]);
    for (const receipts of [
      [],
      'x',
      [anonymousReceipt, 'nope'],
      Array(21).fill(anonymousReceipt),
    ]) {
      expect(
        (await app.http().post('/api/participation/receipts/opinion').send({ receipts })).status,
      ).toBe(400);
    }
    const rateByReceipt = (rating: string) =>
      app
        .http()
        .post('/api/participation/receipts/rating')
        .send({ receipt: anonymousReceipt, rating });
    expect((await rateByReceipt('great')).status).toBe(400);
    expect((await rateByReceipt('satisfied')).status).toBe(200);
    expect((await rateByReceipt('unsatisfied')).status).toBe(400);
    // On the trail without anyone's name or account.
    const rated = await app.strapi.db
      .query('api::workflow.audit-entry')
      .findOne({ where: { targetDocumentId: anonymous, action: 'opinion_rate' } });
    expect(rated).toMatchObject({ actorType: 'staff', actorId: null, actorName: '匿名 anonymous' });
    expect(rated.details).toEqual({ rating: 'satisfied' });
    expect(
      (
        await app
          .http()
          .post(`/participation/opinions/${anonymous}/answer`)
          .set(traffic)
          .send({ answer: '改口' })
      ).status,
    ).toBe(400);
    const handled = (await app.http().get('/participation/opinions?state=answered').set(traffic))
      .body.data[0];
    expect(handled).toMatchObject({ rating: 'satisfied', hoursToFirstAnswer: 0 });

    const qa = await app
      .http()
      .post(`/participation/opinions/${anonymous}/qa`)
      .set(traffic)
      .send({ question: '候车室空调坏了找谁？' });
    expect(qa.status).toBe(200);
    const draft = await app.strapi
      .documents(UID.article)
      .findOne({ documentId: qa.body.data.articleDocumentId, locale: 'zh-CN', status: 'draft' });
    expect(draft!.title).toBe('候车室空调坏了找谁？');
    expect(JSON.stringify(draft!.body)).toContain('已报修');
    expect((await app.http().get(`/api/articles/${qa.body.data.articleDocumentId}`)).status).toBe(
      404,
    );
    expect(
      (await app.http().post(`/participation/opinions/${anonymous}/qa`).set(traffic).send({}))
        .status,
    ).toBe(400);
  });

  test('unanswered past its due days, an opinion goes to the parent organization', async () => {
    const { escalateOverdue } = await import('../src/participation/opinions');
    expect(await escalateOverdue(app.strapi, new Date())).toBe(0);
    const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(await escalateOverdue(app.strapi, later)).toBe(1);
    const committee = await ensureHandler(committeeAccount, 'railway-transport-committee');
    const list = (await app.http().get('/participation/opinions').set(committee)).body.data;
    expect(
      list.map((item: { documentId: string; escalations: number; sender: unknown }) => [
        item.documentId,
        item.escalations,
        item.sender,
      ]),
    ).toEqual([[named, 1, { name: '张明', employeeNumber: 'E1001' }]]);
    // Its sender sees the new due time the escalation gave it.
    const mine = (await app.http().get('/api/participation/opinions').set(staffA)).body
      .data as Array<{ documentId: string; dueAt: string }>;
    expect(
      Math.abs(
        new Date(mine.find((item) => item.documentId === named)!.dueAt).getTime() -
          (later.getTime() + 7 * 24 * 60 * 60 * 1000),
      ),
    ).toBeLessThan(1000);
    // At the top of the tree it stays where it is.
    expect(
      await escalateOverdue(app.strapi, new Date(later.getTime() + 8 * 24 * 60 * 60 * 1000)),
    ).toBe(0);
    // Without consent there is no Q&A.
    await app
      .http()
      .post(`/participation/opinions/${named}/answer`)
      .set(committee)
      .send({ answer: '食堂将试行夜班热餐。' });
    expect(
      (await app.http().post(`/participation/opinions/${named}/qa`).set(committee).send({})).status,
    ).toBe(400);
  });
});

describe('nothing of it is public', () => {
  test('no REST route, GraphQL type or token reaches staff, contributions or the ledger', async () => {
    const readers: Array<Record<string, string>> = [
      {},
      { Authorization: `Bearer ${await app.apiToken('read-only')}` },
      { Authorization: `Bearer ${await app.apiToken('full-access')}` },
    ];
    for (const headers of readers) {
      for (const path of [
        '/api/staff-members',
        '/api/contributions',
        '/api/point-events',
        '/api/opinions',
        '/api/handler-assignments',
        '/api/participation/contributions',
        '/api/participation/opinions',
      ]) {
        expect([403, 401, 404]).toContain((await app.http().get(path).set(headers)).status);
      }
      const schema = await app
        .http()
        .post('/graphql')
        .set(headers)
        .send({ query: '{ __schema { types { name } } }' });
      const names: string[] = schema.body.data.__schema.types.map(
        (type: { name: string }) => type.name,
      );
      expect(
        names.filter((name) => /staff|contribution|pointevent|opinion|handler/i.test(name)),
      ).toEqual([]);
    }
  });

  test('a released contribution shows the name it may (with consent) and nothing else of the person, on every public read', async () => {
    const member = await app.strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findOne({ where: { employeeNumber: 'E1001' } });
    const secrets = [member.employeeNumber, member.phone, 'e1001@staff.invalid'];
    const reads = [
      '/api/articles?locale=zh-CN&populate=*',
      '/api/feeds/rss?locale=zh-CN',
      '/api/feeds/json?locale=zh-CN',
      '/api/sitemap.xml',
    ];
    for (const path of reads) {
      const response = await app.http().get(path);
      expect(response.status).toBe(200);
      for (const secret of secrets) expect(response.text).not.toContain(secret);
    }
    const graphql = await app
      .http()
      .post('/graphql')
      .send({ query: '{ articles(pagination: { limit: 100 }) { title author source } }' });
    for (const secret of secrets) expect(JSON.stringify(graphql.body)).not.toContain(secret);
  });

  test('without consent the adopted article carries no name', async () => {
    const sent = (
      await submit(staffA, { title: '不署名的投稿', body: '正文。', consentToBeNamed: 'false' })
    ).body.data;
    const { articleDocumentId } = (
      await app
        .http()
        .post(`/participation/contributions/${sent.documentId}/adopt`)
        .set(await wf.auth(editor))
    ).body.data;
    const draft = await app.strapi
      .documents(UID.article)
      .findOne({ documentId: articleDocumentId, locale: 'zh-CN', status: 'draft' });
    expect(draft!.author).toBeNull();
  });
});
