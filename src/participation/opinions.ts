import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../constants';
import { documentInput } from '../documents/document-input';
import { columnOf } from '../documents/document-rows';
import type { Actor, UserActor } from '../kernel/actor';
import { recordAudit } from '../kernel/audit-trail';
import { PARTICIPATION_UID } from './participation-types';
import type { StaffMember } from './staff-accounts';
import { publishedOrganization } from './taxonomy-names';
import { fieldError as field } from './field-error';
import { hashSecret, newReceipt, parseReceipt, secretMatches } from './opinion-receipts';

export const OPINION_KINDS = ['opinion', 'suggestion', 'problem'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
const isOpinionKind = (value: unknown): value is OpinionKind =>
  (OPINION_KINDS as readonly unknown[]).includes(value);

type OpinionRow = {
  id: number;
  documentId: string;
  opinionKind: OpinionKind;
  title: string;
  body: string;
  organizationDocumentId: string;
  addressedToDocumentId: string;
  anonymous: boolean;
  receiptLookup: string | null;
  receiptHash: string | null;
  consentToPublish: boolean;
  opinionState: 'open' | 'answered';
  answer: string | null;
  answeredById: number | null;
  answeredByName: string | null;
  answeredAt: string | null;
  dueAt: string;
  escalations: number;
  rating: 'satisfied' | 'unsatisfied' | null;
  ratedAt: string | null;
  qaArticleDocumentId: string | null;
  createdAt: string;
  sender?: { id: number; name: string; employeeNumber: string } | null;
};

const text = (value: unknown) =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : undefined;

const opinionRef = (documentId: string) => ({
  uid: PARTICIPATION_UID.opinion,
  documentId,
  locale: '*',
});

const ANONYMOUS_SENDER: Actor = { type: 'staff', staffMemberId: null, name: '匿名 anonymous' };

/** The sender as the trail may name them: by staff member when named, not at all when anonymous. */
const senderActor = (member: StaffMember, anonymous: boolean): Actor =>
  anonymous ? ANONYMOUS_SENDER : { type: 'staff', staffMemberId: member.id, name: member.name };

const overdueDays = (strapi: Core.Strapi) =>
  strapi.config.get('participation.opinions.overdueDays', 7) as number;
const dueFrom = (strapi: Core.Strapi, from: Date) =>
  new Date(from.getTime() + overdueDays(strapi) * 24 * 60 * 60 * 1000);

export type OpinionFields = {
  kind?: unknown;
  title?: unknown;
  body?: unknown;
  organization?: unknown;
  anonymous?: unknown;
  consentToPublish?: unknown;
};

const flag = (name: string, value: unknown): boolean => {
  if (value === undefined || value === null || value === '' || value === false || value === 'false')
    return false;
  if (value === true || value === 'true') return true;
  throw field(name, 'must be true or false');
};

/** What the sender sees of an opinion: on the staff page (named ones), or by its receipt (anonymous ones). */
const senderView = (row: OpinionRow) => ({
  documentId: row.documentId,
  kind: row.opinionKind,
  title: row.title,
  body: row.body,
  anonymous: row.anonymous,
  state: row.opinionState,
  answer: row.answer,
  answeredAt: row.answeredAt,
  // When an answer is due (the staff page shows it while the opinion waits); moved on by an escalation.
  dueAt: row.dueAt,
  rating: row.rating,
  sentAt: row.createdAt,
});
export type SenderView = ReturnType<typeof senderView>;

const opinions = (strapi: Core.Strapi) => strapi.db.query(PARTICIPATION_UID.opinion);

/** A receipt's lookup part no other opinion has (a clash is as good as impossible, and checked). */
const unusedReceipt = async (strapi: Core.Strapi) => {
  for (;;) {
    const receipt = newReceipt();
    if ((await opinions(strapi).count({ where: { receiptLookup: receipt.lookup } })) === 0)
      return receipt;
  }
};

/**
 * 意见建议: a staff member sends an opinion, suggestion or problem to an organization, named or
 * anonymous. An anonymous one keeps nothing of its sender: no relation, no key, no hash of them;
 * its receipt code, returned here once, is the only way back to it.
 */
export const sendOpinion = async (
  strapi: Core.Strapi,
  member: StaffMember,
  fields: OpinionFields,
  now = new Date(),
): Promise<SenderView & { receipt?: string }> => {
  const kind = fields.kind ?? 'opinion';
  if (!isOpinionKind(kind)) throw field('kind', `must be one of ${OPINION_KINDS.join(', ')}`);
  const title = text(fields.title) ?? '';
  if (title === '' || title.length > 64)
    throw field('title', title === '' ? 'is required' : 'may have at most 64 characters');
  const body = text(fields.body) ?? '';
  if (body === '' || body.length > 5000)
    throw field('body', body === '' ? 'is required' : 'may have at most 5000 characters');
  const slug = text(fields.organization);
  const organization = slug
    ? await publishedOrganization(strapi, { slug })
    : member.organizationDocumentId
      ? await publishedOrganization(strapi, { documentId: member.organizationDocumentId })
      : null;
  if (!organization)
    throw field('organization', slug ? 'no published organization has this slug' : 'is required');
  const anonymous = flag('anonymous', fields.anonymous);
  const consentToPublish = flag('consentToPublish', fields.consentToPublish);
  const receipt = anonymous ? await unusedReceipt(strapi) : null;
  const receiptHash = receipt ? await hashSecret(receipt.secret) : null;
  return strapi.db.transaction(async () => {
    const created = await strapi.documents(PARTICIPATION_UID.opinion).create({
      data: documentInput(PARTICIPATION_UID.opinion, {
        opinionKind: kind,
        title,
        body,
        organizationDocumentId: organization.documentId,
        addressedToDocumentId: organization.documentId,
        anonymous,
        sender: anonymous ? null : member.id,
        receiptLookup: receipt?.lookup ?? null,
        receiptHash,
        consentToPublish,
        opinionState: 'open',
        dueAt: dueFrom(strapi, now),
        escalations: 0,
      }),
    });
    await recordAudit(strapi, opinionRef(created.documentId), {
      action: 'opinion_send',
      actor: senderActor(member, anonymous),
      toState: 'open',
      details: { organization: organization.documentId, anonymous },
    });
    const row = (await opinions(strapi).findOne({
      where: { documentId: created.documentId },
    })) as OpinionRow;
    return { ...senderView(row), ...(receipt ? { receipt: receipt.code } : {}) };
  });
};

/** A sender's named opinions, with the answers. Anonymous ones are reached by their receipts only, never through the account. */
export const myOpinions = async (
  strapi: Core.Strapi,
  member: StaffMember,
): Promise<SenderView[]> => {
  const rows = (await opinions(strapi).findMany({
    where: { sender: { id: member.id }, anonymous: false },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })) as OpinionRow[];
  return rows.map(senderView);
};

/** Receipts are looked up by their first part, which no two opinions share. */
export const ensureOpinionIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const { tableName } = strapi.db.metadata.get(PARTICIPATION_UID.opinion);
  await strapi.db.connection.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)', [
    `${tableName}_receipt_lookup_uniq`,
    tableName,
    columnOf(strapi, PARTICIPATION_UID.opinion, 'receiptLookup'),
  ]);
};

/** The anonymous opinion a receipt code opens, or a 404 that says nothing of whether one exists. */
const openedByReceipt = async (strapi: Core.Strapi, receipt: unknown): Promise<OpinionRow> => {
  const parsed = parseReceipt(receipt);
  if (!parsed) throw field('receipt', 'must be a receipt code as it was given, e.g. 7K2M9XAP-…');
  const row = (await opinions(strapi).findOne({
    where: { receiptLookup: parsed.lookup, anonymous: true },
  })) as OpinionRow | null;
  const matches = await secretMatches(parsed.secret, row?.receiptHash ?? null);
  if (!row || !matches)
    throw new errors.NotFoundError('没有与该查询码对应的意见 / No opinion with this receipt code');
  return row;
};

/** An anonymous opinion and its answer, by its receipt code (no sign-in). */
export const opinionByReceipt = async (
  strapi: Core.Strapi,
  receipt: unknown,
): Promise<SenderView> => senderView(await openedByReceipt(strapi, receipt));

/** The most codes one request may look up: the staff page asks for all it keeps at once. */
export const RECEIPTS_AT_ONCE = 20;

/** Several codes at once (the staff page's, on opening): each opinion, or null where a code opens none. */
export const opinionsByReceipts = async (
  strapi: Core.Strapi,
  receipts: unknown,
): Promise<Array<{ receipt: string; opinion: SenderView | null }>> => {
  if (
    !Array.isArray(receipts) ||
    receipts.length === 0 ||
    receipts.length > RECEIPTS_AT_ONCE ||
    receipts.some((receipt) => parseReceipt(receipt) === null)
  ) {
    throw field(
      'receipts',
      `must be a list of 1 to ${RECEIPTS_AT_ONCE} receipt codes as they were given`,
    );
  }
  return Promise.all(
    (receipts as string[]).map(async (receipt) => {
      try {
        return { receipt, opinion: await opinionByReceipt(strapi, receipt) };
      } catch (error) {
        if (error instanceof errors.NotFoundError) return { receipt, opinion: null };
        throw error;
      }
    }),
  );
};

/** The sender rates the answer once, satisfied or not; on the trail without them when it is anonymous. */
const rate = async (strapi: Core.Strapi, row: OpinionRow, rating: unknown, actor: Actor) => {
  if (rating !== 'satisfied' && rating !== 'unsatisfied')
    throw field('rating', 'must be satisfied or unsatisfied');
  if (row.opinionState !== 'answered')
    throw new errors.ApplicationError(
      '还没有答复，答复后才能评价 / There is no answer to rate yet',
      { code: 'OPINION_NOT_ANSWERED' },
    );
  const rated = () =>
    new errors.ApplicationError('已经评价过了 / This answer has already been rated', {
      code: 'OPINION_RATED',
    });
  if (row.rating) throw rated();
  await strapi.db.transaction(async () => {
    // Once: a second rating at the same moment finds it rated.
    const changed = await opinions(strapi).updateMany({
      where: { id: row.id, rating: null },
      data: { rating, ratedAt: new Date() },
    });
    if (changed.count === 0) throw rated();
    await recordAudit(strapi, opinionRef(row.documentId), {
      action: 'opinion_rate',
      actor,
      fromState: 'answered',
      toState: 'answered',
      details: { rating },
    });
  });
};

/** A named opinion's sender rates its answer, signed in. */
export const rateAnswer = async (
  strapi: Core.Strapi,
  member: StaffMember,
  documentId: string,
  rating: unknown,
) => {
  const row = (await opinions(strapi).findOne({
    where: { documentId, sender: { id: member.id }, anonymous: false },
  })) as OpinionRow | null;
  if (!row) throw new errors.NotFoundError('No such opinion of yours');
  await rate(strapi, row, rating, senderActor(member, false));
};

/** Whoever holds an anonymous opinion's receipt rates its answer. */
export const rateByReceipt = async (strapi: Core.Strapi, receipt: unknown, rating: unknown) => {
  const row = await openedByReceipt(strapi, receipt);
  await rate(strapi, row, rating, ANONYMOUS_SENDER);
};

// ---- handlers ----------------------------------------------------------------------------

/** The organizations a handler answers for (the 意见处理人 table); every one for a super admin. */
export const servedOrganizations = async (
  strapi: Core.Strapi,
  handler: UserActor,
): Promise<string[] | 'all'> => {
  if (handler.isSuperAdmin) return 'all';
  const rows = (await strapi.db.query(PARTICIPATION_UID.handlerAssignment).findMany({
    where: { handler: { id: handler.id } },
    populate: { organization: { select: ['documentId'] } },
  })) as Array<{ organization?: { documentId: string } | null }>;
  return [
    ...new Set(rows.flatMap((row) => (row.organization ? [row.organization.documentId] : []))),
  ];
};

/** An opinion as its handlers see it: the sender's name only when they chose to be named. */
const handlerView = (row: OpinionRow, now: Date) => ({
  documentId: row.documentId,
  kind: row.opinionKind,
  title: row.title,
  body: row.body,
  organizationDocumentId: row.organizationDocumentId,
  addressedToDocumentId: row.addressedToDocumentId,
  sender:
    row.anonymous || !row.sender
      ? null
      : { name: row.sender.name, employeeNumber: row.sender.employeeNumber },
  anonymous: row.anonymous,
  consentToPublish: row.consentToPublish,
  state: row.opinionState,
  answer: row.answer,
  answeredByName: row.answeredByName,
  answeredAt: row.answeredAt,
  hoursToFirstAnswer: row.answeredAt
    ? Math.round((new Date(row.answeredAt).getTime() - new Date(row.createdAt).getTime()) / 36e5)
    : null,
  dueAt: row.dueAt,
  overdue: row.opinionState === 'open' && new Date(row.dueAt).getTime() < now.getTime(),
  escalations: row.escalations,
  rating: row.rating,
  qaArticleDocumentId: row.qaArticleDocumentId,
  sentAt: row.createdAt,
});

export const opinionsFor = async (
  strapi: Core.Strapi,
  handler: UserActor,
  { state, page, pageSize }: { state?: 'open' | 'answered'; page: number; pageSize: number },
  now = new Date(),
) => {
  const served = await servedOrganizations(strapi, handler);
  if (served !== 'all' && served.length === 0) return { items: [], total: 0 };
  const where = {
    ...(served === 'all' ? {} : { organizationDocumentId: { $in: served } }),
    ...(state ? { opinionState: state } : {}),
  };
  const query = strapi.db.query(PARTICIPATION_UID.opinion);
  const [rows, total] = await Promise.all([
    query.findMany({
      where,
      populate: { sender: { select: ['id', 'name', 'employeeNumber'] } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }) as Promise<OpinionRow[]>,
    query.count({ where }),
  ]);
  return { items: rows.map((row) => handlerView(row, now)), total };
};

/** The opinion, if this handler serves the organization it is now with; otherwise as unknown as one that does not exist. */
const handledOpinion = async (
  strapi: Core.Strapi,
  handler: UserActor,
  documentId: string,
): Promise<OpinionRow> => {
  const row = (await strapi.db
    .query(PARTICIPATION_UID.opinion)
    .findOne({ where: { documentId } })) as OpinionRow | null;
  const served = await servedOrganizations(strapi, handler);
  if (!row || (served !== 'all' && !served.includes(row.organizationDocumentId)))
    throw new errors.NotFoundError('No such opinion for the organizations you answer for');
  return row;
};

/** A handler answers: the sender reads it on the staff page; a second answer replaces the first (on the trail too) until the sender rates it. */
export const answerOpinion = async (
  strapi: Core.Strapi,
  handler: UserActor,
  documentId: string,
  answer: unknown,
) => {
  const value = text(answer) ?? '';
  if (value === '' || value.length > 5000)
    throw field('answer', value === '' ? 'is required' : 'may have at most 5000 characters');
  const row = await handledOpinion(strapi, handler, documentId);
  const rated = () =>
    new errors.ApplicationError(
      '发送人已评价这条答复，不能再修改 / The sender has rated this answer; it can no longer be changed',
      { code: 'OPINION_RATED' },
    );
  if (row.rating) throw rated();
  await strapi.db.transaction(async () => {
    const changed = await strapi.db.query(PARTICIPATION_UID.opinion).updateMany({
      where: { id: row.id, rating: null },
      // The first answer's time is what "time to first answer" measures.
      data: {
        answer: value,
        opinionState: 'answered',
        answeredById: handler.id,
        answeredByName: handler.name,
        ...(row.answeredAt ? {} : { answeredAt: new Date() }),
      },
    });
    if (changed.count === 0) throw rated();
    await recordAudit(strapi, opinionRef(documentId), {
      action: 'opinion_answer',
      actor: handler,
      fromState: row.opinionState,
      toState: 'answered',
      comment: value,
    });
  });
};

/**
 * With the sender's consent, a handler proposes the question and its answer for the website's
 * Q&A: a draft article (created as the handler) that goes through the review chain like any
 * content. The sender is not named in it.
 */
export const proposeQa = async (
  strapi: Core.Strapi,
  handler: UserActor,
  documentId: string,
  { question, answer }: { question?: unknown; answer?: unknown },
) => {
  const row = await handledOpinion(strapi, handler, documentId);
  if (!row.consentToPublish)
    throw new errors.ApplicationError(
      '发送人未同意公开，不能转为问答 / The sender did not consent to publishing it',
      { code: 'OPINION_NO_CONSENT' },
    );
  if (row.opinionState !== 'answered')
    throw new errors.ApplicationError('答复后才能转为问答 / Answer it first', {
      code: 'OPINION_NOT_ANSWERED',
    });
  if (row.qaArticleDocumentId)
    throw new errors.ApplicationError('已转为问答 / Already proposed as a Q&A item', {
      code: 'OPINION_QA_EXISTS',
    });
  const q = text(question) || row.title;
  const a = text(answer) || row.answer || '';
  if (q.length > 80) throw field('question', 'may have at most 80 characters');
  if (a.length > 5000) throw field('answer', 'may have at most 5000 characters');
  const paragraph = (value: string) => ({
    type: 'paragraph' as const,
    children: [{ type: 'text' as const, text: value }],
  });
  return strapi.db.transaction(async () => {
    const article = await strapi.documents(UID.article).create({
      locale: DEFAULT_LOCALE,
      data: documentInput(UID.article, {
        title: q,
        body: [
          paragraph(`问：${row.body}`),
          ...a
            .split(/\n+/)
            .filter(Boolean)
            .map((line, index) => paragraph(index === 0 ? `答：${line}` : line)),
        ],
        createdBy: handler.id,
        updatedBy: handler.id,
      }),
    });
    // Once: a second proposal at the same moment finds it taken, and its draft is rolled back.
    const changed = await strapi.db.query(PARTICIPATION_UID.opinion).updateMany({
      where: { id: row.id, qaArticleDocumentId: null },
      data: { qaArticleDocumentId: article.documentId },
    });
    if (changed.count === 0)
      throw new errors.ApplicationError('已转为问答 / Already proposed as a Q&A item', {
        code: 'OPINION_QA_EXISTS',
      });
    await recordAudit(strapi, opinionRef(documentId), {
      action: 'opinion_propose_qa',
      actor: handler,
      fromState: 'answered',
      toState: 'answered',
      details: { articleDocumentId: article.documentId },
    });
    return { articleDocumentId: article.documentId };
  });
};

/**
 * Opinions still unanswered past their due time go to the parent organization (whose handlers
 * then see them), with a new due time; at the top of the tree they stay and remain overdue.
 * Run by the cron task; returns how many moved.
 */
export const escalateOverdue = async (strapi: Core.Strapi, now = new Date()): Promise<number> => {
  const parents = new Map<string, string | null>();
  const parentOf = async (documentId: string) => {
    if (!parents.has(documentId))
      parents.set(
        documentId,
        (await publishedOrganization(strapi, { documentId }))?.parentDocumentId ?? null,
      );
    return parents.get(documentId) ?? null;
  };
  let moved = 0;
  // Every overdue opinion, a page at a time by id: those at the top of the tree stay overdue
  // and must not keep the others from moving.
  for (let after = 0; ;) {
    const page = (await strapi.db.query(PARTICIPATION_UID.opinion).findMany({
      where: { opinionState: 'open', dueAt: { $lt: now }, id: { $gt: after } },
      orderBy: { id: 'asc' },
      limit: 200,
    })) as OpinionRow[];
    for (const row of page) {
      const parent = await parentOf(row.organizationDocumentId);
      if (!parent) continue;
      await strapi.db.transaction(async () => {
        // Only if it is still open and where it was: an answer or another instance's run meanwhile wins.
        const changed = await strapi.db.query(PARTICIPATION_UID.opinion).updateMany({
          where: {
            id: row.id,
            opinionState: 'open',
            organizationDocumentId: row.organizationDocumentId,
          },
          data: {
            organizationDocumentId: parent,
            dueAt: dueFrom(strapi, now),
            escalations: row.escalations + 1,
          },
        });
        if (changed.count === 0) return;
        moved += 1;
        await recordAudit(strapi, opinionRef(row.documentId), {
          action: 'opinion_escalate',
          actor: { type: 'scheduler', name: 'scheduler' },
          fromState: 'open',
          toState: 'open',
          details: { from: row.organizationDocumentId, to: parent, overdueSince: row.dueAt },
        });
      });
    }
    if (page.length < 200) return moved;
    after = page[page.length - 1].id;
  }
};
