import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, UID } from '../constants';
import { adoptContribution, declineContribution } from '../participation/contribution-inbox';
import { fileContribution } from '../participation/contributions';
import { PARTICIPATION_UID } from '../participation/participation-types';
import { answerOpinion, rateAnswer, rateByReceipt, sendOpinion } from '../participation/opinions';
import { findStaffMember, type StaffMember } from '../participation/staff-accounts';
import { publishedBySlug } from '../participation/taxonomy-names';
import { userActor } from '../workflow/actor';
import type { UserActor } from '../kernel/actor';
import { releaseWithSystemApproval } from '../workflow/review-actions';

type DemoStaff = {
  employeeNumber: string;
  name: string;
  email: string;
  organization: string;
  correspondent: boolean;
};

/** Four staff in two branches; one correspondent. They sign in with their employee number (or e-mail) on /participate/. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    employeeNumber: 'JW1001',
    name: '周立新',
    email: 'staff1@example.com',
    organization: 'locomotive-branch',
    correspondent: true,
  },
  {
    employeeNumber: 'JW1002',
    name: '吴晓岚',
    email: 'staff2@example.com',
    organization: 'locomotive-branch',
    correspondent: false,
  },
  {
    employeeNumber: 'CW2001',
    name: '郑宏斌',
    email: 'staff3@example.com',
    organization: 'traffic-branch',
    correspondent: false,
  },
  {
    employeeNumber: 'CW2002',
    name: '冯雨桐',
    email: 'staff4@example.com',
    organization: 'traffic-branch',
    correspondent: false,
  },
];

type DemoContribution = {
  by: string;
  title: string;
  body: string;
  category?: string;
  consent: boolean;
  image?: string;
  outcome: 'received' | 'adopted' | 'published' | 'declined';
  reason?: string;
};

// In the project's own words: what correspondents on the line might send in.
const DEMO_CONTRIBUTIONS: readonly DemoContribution[] = [
  {
    by: 'JW1001',
    title: '夜班机车整备现场的“党员先锋岗”',
    body: '凌晨两点的整备库里，党员先锋岗的灯一直亮着。\n\n几位党员司机把当天发现的隐患逐条写在白板上，交班前逐一销号，一个班次下来，整备时间比上月缩短了一成。',
    category: 'contributions',
    consent: true,
    image: 'demo-cover-red.png',
    outcome: 'published',
  },
  {
    by: 'JW1001',
    title: '机务党支部开展“安全生产月”主题党日',
    body: '支部组织党员走进检修车间，围绕“双提升”讲安全、找差距。\n\n活动最后，每名党员认领了一项本月要整改的小问题。',
    category: 'party-news',
    consent: true,
    outcome: 'adopted',
  },
  {
    by: 'JW1002',
    title: '我身边的“三服务”：为旅客多走一步',
    body: '一次列车晚点，车站党员志愿者主动为老人送水、帮忙改签。\n\n这些小事，旅客都记在心里。',
    consent: false,
    outcome: 'received',
  },
  {
    by: 'CW2001',
    title: '车务段读书角建成了',
    body: '车间腾出一间小屋，大家捐了两百多本书，下班后常有人来坐一坐。',
    consent: true,
    outcome: 'declined',
    reason: '内容较短，建议补充读书活动的安排和职工感受后再投。',
  },
  {
    by: 'CW2002',
    title: '调车组里的“四争先”擂台',
    body: '调车组每月评一次“争先之星”，评比结果贴在班组园地，年轻职工比学赶超的劲头足了。',
    category: 'contributions',
    consent: true,
    outcome: 'received',
  },
];

/** The branch secretary who answers the demo's opinions (admin role Handler), for both branches. */
const DEMO_HANDLER = {
  email: 'secretary@example.com',
  firstname: '书记',
  lastname: '陈',
  passwordEnv: 'DEMO_HANDLER_PASSWORD',
  organizations: ['locomotive-branch', 'traffic-branch'],
} as const;

type DemoOpinion = {
  by: string;
  anonymous: boolean;
  kind: 'opinion' | 'suggestion' | 'problem';
  title: string;
  body: string;
  organization: string;
  answer: string;
  rating?: 'satisfied' | 'unsatisfied';
};

// Two opinions, answered: one named, one anonymous.
const DEMO_OPINIONS: readonly DemoOpinion[] = [
  {
    by: 'JW1002',
    anonymous: false,
    kind: 'suggestion',
    title: '建议为夜班职工延长食堂供餐',
    body: '夜班下班时食堂已关门，希望能延长供餐时间或提供热餐。',
    organization: 'locomotive-branch',
    answer: '已与食堂商定，下月起夜班时段增加一次热餐供应。',
    rating: 'satisfied',
  },
  {
    by: 'CW2002',
    anonymous: true,
    kind: 'problem',
    title: '二号候车室空调制冷不足',
    body: '近几天二号候车室午后温度偏高，旅客和值班职工都反映闷热。',
    organization: 'traffic-branch',
    answer: '已报设备部门检修，本周内更换压缩机，检修期间开放一号候车室分流。',
  },
];

const generatedHandlerPassword = () => `Demo-${crypto.randomBytes(9).toString('base64url')}a1A`;

/** The demo handler account (password from DEMO_HANDLER_PASSWORD, or generated and printed once), assigned to both branches. */
const ensureDemoHandler = async (
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv,
): Promise<UserActor | null> => {
  const users = strapi.service('admin::user');
  let user = await strapi.db
    .query('admin::user')
    .findOne({ where: { email: DEMO_HANDLER.email }, populate: ['roles'] });
  if (!user) {
    const role = await strapi.service('admin::role').findOne({ name: 'Handler' });
    if (!role) return null;
    const fromEnv = env[DEMO_HANDLER.passwordEnv];
    const password = fromEnv && fromEnv.length > 0 ? fromEnv : generatedHandlerPassword();
    await users.create({
      email: DEMO_HANDLER.email,
      firstname: DEMO_HANDLER.firstname,
      lastname: DEMO_HANDLER.lastname,
      password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    if (!fromEnv)
      strapi.log.warn(
        `Demo opinion handler created; this generated password is shown only now:\n  Handler          ${DEMO_HANDLER.email.padEnd(24)} ${password}`,
      );
    user = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: DEMO_HANDLER.email }, populate: ['roles'] });
    for (const slug of DEMO_HANDLER.organizations) {
      const organization = await publishedDocumentId(strapi, UID.organization, slug);
      if (organization)
        await strapi
          .documents(PARTICIPATION_UID.handlerAssignment)
          .create({ data: { handler: user.id, organization } });
    }
  }
  return userActor(user);
};

const generatedStaffPassword = () => `Staff-${crypto.randomBytes(6).toString('base64url')}1a`;

const publishedDocumentId = async (
  strapi: Core.Strapi,
  uid: typeof UID.organization | typeof UID.category,
  slug: string,
) => (await publishedBySlug(strapi, uid, slug))?.documentId ?? null;

/** The demo staff, with a password from DEMO_STAFF_PASSWORD or generated and printed once. */
const ensureDemoStaff = async (
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv,
): Promise<Map<string, StaffMember>> => {
  const members = new Map<string, StaffMember>();
  const generated: string[] = [];
  for (const staff of DEMO_STAFF) {
    let member = await findStaffMember(strapi, { employeeNumber: staff.employeeNumber });
    if (!member) {
      const { organization, ...fields } = staff;
      await strapi.documents(PARTICIPATION_UID.staffMember).create({
        data: {
          ...fields,
          active: true,
          organization: await publishedDocumentId(strapi, UID.organization, organization),
        },
      });
      member = (await findStaffMember(strapi, { employeeNumber: staff.employeeNumber }))!;
      const fromEnv = env.DEMO_STAFF_PASSWORD;
      const password = fromEnv && fromEnv.length > 0 ? fromEnv : generatedStaffPassword();
      await strapi.plugin('users-permissions').service('user').edit(member.accountId, { password });
      if (!fromEnv)
        generated.push(`  ${staff.employeeNumber.padEnd(8)} ${staff.email.padEnd(20)} ${password}`);
    }
    members.set(staff.employeeNumber, member);
  }
  if (generated.length > 0)
    strapi.log.warn(
      [
        'Demo staff accounts created (sign in at /participate/); these generated passwords are shown only now:',
        ...generated,
      ].join('\n'),
    );
  return members;
};

/**
 * Demo staff and their contributions in every state (received, adopted into a draft, released,
 * declined), with the points each step earned, and two answered opinions (one anonymous) with
 * the branch secretary who answered them, so the participation features can be tried at once.
 */
export const seedDemoParticipation = async (
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> => {
  const members = await ensureDemoStaff(strapi, env);
  const handler = await ensureDemoHandler(strapi, env);
  if (handler && (await strapi.db.query(PARTICIPATION_UID.opinion).count({})) === 0) {
    for (const opinion of DEMO_OPINIONS) {
      const member = members.get(opinion.by)!;
      const sent = await sendOpinion(strapi, member, {
        kind: opinion.kind,
        title: opinion.title,
        body: opinion.body,
        organization: opinion.organization,
        anonymous: opinion.anonymous,
      });
      await answerOpinion(strapi, handler, sent.documentId, opinion.answer);
      if (sent.receipt)
        strapi.log.warn(
          `Demo anonymous opinion “${opinion.title}”: its receipt code (查询码), shown only now: ${sent.receipt}`,
        );
      if (opinion.rating)
        await (sent.receipt
          ? rateByReceipt(strapi, sent.receipt, opinion.rating)
          : rateAnswer(strapi, member, sent.documentId, opinion.rating));
    }
  }
  if ((await strapi.db.query(PARTICIPATION_UID.contribution).count({})) > 0) return;
  const editorRow = await strapi.db
    .query('admin::user')
    .findOne({ where: { email: 'editor@example.com' }, populate: ['roles'] });
  if (!editorRow) return;
  const editor = userActor(editorRow);
  for (const contribution of DEMO_CONTRIBUTIONS) {
    const member = members.get(contribution.by)!;
    const image = contribution.image
      ? await strapi.db
          .query('plugin::upload.file')
          .findOne({ where: { name: contribution.image }, select: ['id'] })
      : null;
    const documentId = await fileContribution(
      strapi,
      member,
      {
        title: contribution.title,
        body: contribution.body,
        organizationDocumentId: member.organizationDocumentId ?? undefined,
        categoryDocumentId: contribution.category
          ? await publishedDocumentId(strapi, UID.category, contribution.category)
          : null,
        consentToBeNamed: contribution.consent,
      },
      image ? [image.id] : [],
    );
    if (contribution.outcome === 'declined')
      await declineContribution(strapi, documentId, contribution.reason, editor);
    if (contribution.outcome === 'adopted' || contribution.outcome === 'published') {
      const { articleDocumentId } = await adoptContribution(strapi, documentId, editor);
      if (contribution.outcome === 'published') {
        await releaseWithSystemApproval(
          strapi,
          { uid: UID.article, documentId: articleDocumentId, locale: DEFAULT_LOCALE },
          '演示投稿，系统审核通过 / demo contribution, approved by the system at seeding',
          { type: 'system', name: 'demo seed' },
        );
      }
    }
  }
};
