import type { Core } from '@strapi/strapi';
import { isPublishable, PUBLISHABLE_UIDS } from '../../../constants';
import {
  mayReadDocument,
  readableDocuments,
  type AdminAbility,
} from '../../../access/document-read';
import { hasLocale, type DocumentRef } from '../../../documents/document-rows';
import { documentLocale } from '../../../i18n/locales';
import { peopleTimeZoneOf } from '../../../i18n/people-time';
import { userActor, type AdminUser } from '../../../workflow/actor';
import { auditTrail } from '../../../workflow/audit-trail';
import {
  approveStage,
  requestChanges,
  setSchedule,
  submitForReview,
  withdrawApproval,
} from '../../../workflow/review-actions';
import { approvedAndWaiting, reviewQueueFor } from '../../../workflow/review-queue';
import { myItems } from '../../../workflow/my-items';
import {
  checkBulkPublish,
  MAX_PUBLISH_CHECK,
  notFoundCheck,
} from '../../../workflow/publish-check';
import { workflowService } from '../../../workflow/workflow-services';
import { isChannel } from '../../../kernel/channel-flags';
import type { AuditEntry, CalendarFilters, DiffBaseline } from '../../../workflow/contracts';
import { releaseCalendar } from '../../../workflow/release-calendar';
import { versionDiff } from '../../../workflow/version-diff';
import { workflowStatus } from '../../../workflow/workflow-status';
import { invalid, refuse } from '../../../workflow/workflow-error';
import { eachAlone, MAX_BULK_DOCUMENTS } from '../../../workflow/bulk-actions';
import { hasOpened, openForReview } from '../../../workflow/review-reads';
import { findState, stateKey } from '../../../workflow/review-states';
import { parseScheduleInstant } from '../../../workflow/schedule-input';

type Context = {
  params: { uid: string; documentId: string };
  query: {
    locale?: unknown;
    against?: unknown;
    from?: unknown;
    to?: unknown;
    brand?: unknown;
    organization?: unknown;
    channel?: unknown;
  };
  request: { body?: Record<string, unknown> };
  state: { user: AdminUser; userAbility: AdminAbility };
  body?: unknown;
};

const EXPLORER = 'plugin::content-manager.explorer';

/** The publishable types the signed-in user may read in the content manager. */
const readableTypes = (ctx: Context) =>
  PUBLISHABLE_UIDS.filter((uid) => ctx.state.userAbility.can(`${EXPLORER}.read`, uid));

/** The document locale a request is about; only publishable types have a workflow. */
const documentRef = (strapi: Core.Strapi, ctx: Context): Promise<DocumentRef> =>
  checkedRef(strapi, ctx, ctx.params, ctx.query.locale);

/** A document locale the signed-in user may read, or the refusal that says why not. */
const checkedRef = async (
  strapi: Core.Strapi,
  ctx: Context,
  { uid, documentId }: { uid: string; documentId: string },
  locale: unknown,
): Promise<DocumentRef> => {
  if (!isPublishable(uid)) {
    throw invalid(`类型 ${uid} 不经过审核流程`, `${uid} has no review workflow`, { path: ['uid'] });
  }
  // Status, diff and history show the draft: for those who may read the type in the content manager.
  if (!ctx.state.userAbility.can(`${EXPLORER}.read`, uid))
    throw refuse('没有查看该类型内容的权限', `You may not read ${uid}`);
  const ref = { uid, documentId, locale: await documentLocale(strapi, locale) };
  if (!(await hasLocale(strapi, ref)))
    throw invalid('找不到该内容或语言版本', `No document ${documentId} in locale ${ref.locale}`, {
      path: ['documentId'],
    });
  // A role limited by conditions (its own items, some locales) reads only those documents, as in the content manager.
  if (!(await mayReadDocument(strapi, ctx.state.userAbility, ref)))
    throw refuse('没有查看该内容的权限', `You may not read this ${uid}`);
  return ref;
};

/** The signed-in user's content-manager permissions on the type: who may edit and publish it. */
const permissionsOf = (ctx: Context, uid: string) => ({
  canEdit: ctx.state.userAbility.can(`${EXPLORER}.update`, uid),
  canPublish: ctx.state.userAbility.can(`${EXPLORER}.publish`, uid),
});

const textOf = (value: unknown, field: string, maxLength = 2000): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > maxLength) {
    throw invalid(
      `${field} 须为不超过 ${maxLength} 字的文本`,
      `${field} must be text of at most ${maxLength} characters`,
      { path: [field] },
    );
  }
  return value;
};

/** A bulk action's documents: `{ uid, documentIds (1–100), locale? }`, or a 400 naming what is wrong. */
const bulkInput = (
  ctx: Context,
): { uid: string; documentIds: string[]; locale: unknown; body: Record<string, unknown> } => {
  const body = ctx.request.body ?? {};
  const { uid } = body;
  if (typeof uid !== 'string' || !isPublishable(uid))
    throw invalid('uid 须为经过审核的类型', 'uid must be a type with a review workflow', {
      path: ['uid'],
    });
  const documentIds = documentIdList(body.documentIds, MAX_BULK_DOCUMENTS);
  if (body.locale !== undefined && typeof body.locale !== 'string')
    throw invalid('locale 须为语言代码', 'locale must be a locale code', { path: ['locale'] });
  return { uid, documentIds, locale: body.locale ?? ctx.query.locale, body };
};

/** `documentIds`: 1 to `max` document ids, each asked once; or a 400 naming the field. */
const documentIdList = (documentIds: unknown, max: number): string[] => {
  if (
    !Array.isArray(documentIds) ||
    documentIds.length === 0 ||
    documentIds.length > max ||
    !documentIds.every((id) => typeof id === 'string' && /^[a-z0-9]{1,64}$/.test(id))
  ) {
    throw invalid(
      `documentIds 须为 1–${max} 个文档 ID`,
      `documentIds must list 1 to ${max} document ids`,
      { path: ['documentIds'] },
    );
  }
  return [...new Set(documentIds as string[])];
};

const DAY_MS = 24 * 3600_000;
const MAX_CALENDAR_DAYS = 62;

const instantOf = (value: unknown, name: string, fallback: Date): Date => {
  if (value === undefined || value === '') return fallback;
  const instant = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(instant.getTime()))
    throw invalid(`${name} 须为 ISO 8601 时间`, `${name} must be an ISO 8601 date or time`, {
      path: [name],
    });
  return instant;
};

const documentIdOf = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(value))
    throw invalid(`${name} 须为文档 ID`, `${name} must be a document id`, { path: [name] });
  return value;
};

/** The calendar's window (by default today and the six days after it, UTC) and filters, or a 400 naming the parameter. */
const calendarFilters = async (
  strapi: Core.Strapi,
  query: Context['query'],
): Promise<CalendarFilters> => {
  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const from = instantOf(query.from, 'from', today);
  const to = instantOf(query.to, 'to', new Date(from.getTime() + 7 * DAY_MS));
  // Dates past JavaScript's range (±275,760 years) parse, and a week after one does not.
  if (Number.isNaN(to.getTime()))
    throw invalid('from 超出日期范围', 'from is out of the range of dates', { path: ['from'] });
  if (to <= from) throw invalid('to 须晚于 from', 'to must be later than from', { path: ['to'] });
  if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * DAY_MS)
    throw invalid(
      `日历一次最多查询 ${MAX_CALENDAR_DAYS} 天`,
      `The calendar spans at most ${MAX_CALENDAR_DAYS} days at a time`,
      { path: ['to'] },
    );
  if (query.channel !== undefined && query.channel !== '' && !isChannel(query.channel))
    throw invalid(
      'channel 须为 website、wechat 或 screen',
      'channel must be website, wechat or screen',
      { path: ['channel'] },
    );
  return {
    from,
    to,
    locale:
      query.locale === undefined || query.locale === ''
        ? undefined
        : await documentLocale(strapi, query.locale),
    brand: documentIdOf(query.brand, 'brand'),
    organization: documentIdOf(query.organization, 'organization'),
    channel: isChannel(query.channel) ? query.channel : undefined,
  };
};

const DIFF_BASELINES: readonly DiffBaseline[] = ['submitted', 'approved', 'published', 'none'];

/** The trail as the panel shows it: each submit's copy of the content is for diffs, not for the list. */
const withoutSubmittedContent = (entry: AuditEntry): AuditEntry => {
  if (!entry.details || !('submittedContent' in entry.details)) return entry;
  const { submittedContent: _content, ...details } = entry.details;
  return { ...entry, details };
};

/** Thin HTTP layer over src/workflow: parse, say who is asking, delegate. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** What the admin panel needs to show times as people read them: the configured zone. */
  async settings(ctx: Context) {
    ctx.body = { data: { timeZone: peopleTimeZoneOf(strapi.config) } };
  },

  async calendar(ctx: Context) {
    const entries = await releaseCalendar(strapi, await calendarFilters(strapi, ctx.query));
    // Titles and times of drafts: only of the documents the caller may read.
    ctx.body = { data: await readableDocuments(strapi, ctx.state.userAbility, entries) };
  },

  async queue(ctx: Context) {
    ctx.body = {
      data: await readableDocuments(
        strapi,
        ctx.state.userAbility,
        await reviewQueueFor(strapi, userActor(ctx.state.user), readableTypes(ctx)),
      ),
    };
  },

  async waiting(ctx: Context) {
    ctx.body = {
      data: await readableDocuments(
        strapi,
        ctx.state.userAbility,
        await approvedAndWaiting(strapi, readableTypes(ctx)),
      ),
    };
  },

  async publishCheck(ctx: Context) {
    const { uid, documentIds } = ctx.request.body ?? {};
    if (typeof uid !== 'string' || !isPublishable(uid))
      throw invalid('uid 须为经过审核的类型', 'uid must be a type with a review workflow', {
        path: ['uid'],
      });
    if (!ctx.state.userAbility.can(`${EXPLORER}.read`, uid))
      throw refuse('没有查看该类型内容的权限', `You may not read ${uid}`);
    const asked = documentIdList(documentIds, MAX_PUBLISH_CHECK);
    const locale = await documentLocale(strapi, ctx.query.locale);
    // A document the caller may not read is reported as not found: no title, no reason that would tell of it.
    const readable = new Set(
      (
        await readableDocuments(
          strapi,
          ctx.state.userAbility,
          asked.map((documentId) => ({ contentType: uid, documentId, locale })),
        )
      ).map((item) => item.documentId),
    );
    const checked = new Map(
      (
        await checkBulkPublish(
          strapi,
          uid,
          locale,
          asked.filter((id) => readable.has(id)),
          userActor(ctx.state.user),
          permissionsOf(ctx, uid),
        )
      ).map((check) => [check.documentId, check]),
    );
    ctx.body = {
      data: asked.map((documentId) => checked.get(documentId) ?? notFoundCheck(documentId, locale)),
    };
  },

  // Bulk actions: each document judged and recorded exactly as the single action would, one after another.
  async bulkSubmit(ctx: Context) {
    const { uid, documentIds, locale, body } = bulkInput(ctx);
    const comment = textOf(body.comment, 'comment');
    const actor = userActor(ctx.state.user);
    ctx.body = {
      data: await eachAlone(documentIds, async (documentId) =>
        submitForReview(strapi, await checkedRef(strapi, ctx, { uid, documentId }, locale), actor, {
          comment,
          permissions: permissionsOf(ctx, uid),
        }),
      ),
    };
  },

  async bulkSchedule(ctx: Context) {
    const { uid, documentIds, locale, body } = bulkInput(ctx);
    // One schedule for all: a time that is not one is the request's 400, not each item's.
    const schedule = {
      publishAt: parseScheduleInstant(body.publishAt, 'publishAt'),
      unpublishAt: parseScheduleInstant(body.unpublishAt, 'unpublishAt'),
    };
    if (schedule.publishAt === undefined && schedule.unpublishAt === undefined)
      throw invalid('须填写 publishAt 或 unpublishAt', 'publishAt or unpublishAt is required', {
        path: ['publishAt'],
      });
    const actor = userActor(ctx.state.user);
    ctx.body = {
      data: await eachAlone(documentIds, async (documentId) =>
        setSchedule(
          strapi,
          await checkedRef(strapi, ctx, { uid, documentId }, locale),
          actor,
          schedule,
          permissionsOf(ctx, uid),
        ),
      ),
    };
  },

  async bulkApprove(ctx: Context) {
    const { uid, documentIds, locale, body } = bulkInput(ctx);
    const comment = textOf(body.comment, 'comment');
    const actor = userActor(ctx.state.user);
    ctx.body = {
      data: await eachAlone(documentIds, async (documentId) => {
        const ref = await checkedRef(strapi, ctx, { uid, documentId }, locale);
        // Approving unread is what bulk approval must not become: only what this reviewer opened at this stage.
        const state = await findState(strapi, ref);
        if (
          state?.reviewState === 'in_review' &&
          !(await hasOpened(strapi, state, ctx.state.user.id))
        ) {
          throw refuse(
            '您尚未在本审核阶段打开阅读此稿件，请先阅读再通过',
            'You have not opened this item at this stage; read it before approving',
          );
        }
        return approveStage(strapi, ref, actor, { comment });
      }),
    };
  },

  async bulkRequestChanges(ctx: Context) {
    const { uid, documentIds, locale, body } = bulkInput(ctx);
    const comment = textOf(body.comment, 'comment');
    if (!comment || comment.trim() === '')
      throw invalid('退回修改时必须填写意见', 'A comment is required when requesting changes', {
        path: ['comment'],
      });
    const actor = userActor(ctx.state.user);
    ctx.body = {
      data: await eachAlone(documentIds, async (documentId) =>
        requestChanges(
          strapi,
          await checkedRef(strapi, ctx, { uid, documentId }, locale),
          actor,
          comment,
        ),
      ),
    };
  },

  async mine(ctx: Context) {
    ctx.body = {
      data: await readableDocuments(
        strapi,
        ctx.state.userAbility,
        await myItems(
          strapi,
          ctx.state.user.id,
          readableTypes(ctx),
          workflowService(strapi, 'context').now(),
        ),
      ),
    };
  },

  async status(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const status = await workflowStatus(
      strapi,
      ref,
      userActor(ctx.state.user),
      permissionsOf(ctx, ref.uid),
    );
    // The edit view asks for the status as it opens: that is a reviewer's read of the item at its stage.
    const firstRead = await openForReview(
      strapi,
      {
        key: stateKey(ref),
        reviewState: status.reviewState,
        cycle: status.cycle,
        stageIndex: status.stageIndex,
      },
      ctx.state.user.id,
      status.actions.includes('approve'),
    );
    ctx.body = { data: { ...status, firstRead } };
  },

  async history(ctx: Context) {
    ctx.body = {
      data: (await auditTrail(strapi, await documentRef(strapi, ctx))).map(withoutSubmittedContent),
    };
  },

  async diff(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const { against } = ctx.query;
    if (against !== undefined && !DIFF_BASELINES.includes(against as DiffBaseline)) {
      throw invalid(
        `against 须为 ${DIFF_BASELINES.join('、')} 之一`,
        `against must be one of ${DIFF_BASELINES.join(', ')}`,
        { path: ['against'] },
      );
    }
    ctx.body = { data: await versionDiff(strapi, ref, against as DiffBaseline | undefined) };
  },

  async submit(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const comment = textOf(ctx.request.body?.comment, 'comment');
    ctx.body = {
      data: await submitForReview(strapi, ref, userActor(ctx.state.user), {
        comment,
        permissions: permissionsOf(ctx, ref.uid),
      }),
    };
  },

  async approve(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const body = ctx.request.body ?? {};
    const options = {
      comment: textOf(body.comment, 'comment'),
      overrideReason: textOf(body.overrideReason, 'overrideReason', 500),
    };
    ctx.body = { data: await approveStage(strapi, ref, userActor(ctx.state.user), options) };
  },

  async withdrawApproval(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    ctx.body = {
      data: await withdrawApproval(
        strapi,
        ref,
        userActor(ctx.state.user),
        textOf(ctx.request.body?.comment, 'comment'),
      ),
    };
  },

  async requestChanges(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    ctx.body = {
      data: await requestChanges(
        strapi,
        ref,
        userActor(ctx.state.user),
        textOf(ctx.request.body?.comment, 'comment') ?? '',
      ),
    };
  },

  async schedule(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const body = ctx.request.body ?? {};
    ctx.body = {
      data: await setSchedule(
        strapi,
        ref,
        userActor(ctx.state.user),
        { publishAt: body.publishAt, unpublishAt: body.unpublishAt },
        permissionsOf(ctx, ref.uid),
      ),
    };
  },
});
