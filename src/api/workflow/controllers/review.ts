import type { Core } from '@strapi/strapi';
import { isPublishable } from '../../../constants';
import { defaultLocale, localeWhere } from '../../../i18n/locales';
import { userActor } from '../../../workflow/actor';
import { approvalsInCycle, auditTrail } from '../../../workflow/audit-trail';
import { availableActions } from '../../../workflow/available-actions';
import { draftHash } from '../../../workflow/content-hash';
import { chainFor } from '../../../workflow/review-chain';
import { approveStage, authorshipOf, requestChanges, setSchedule, submitForReview } from '../../../workflow/review-actions';
import { reviewQueueFor } from '../../../workflow/review-queue';
import { ensureState, type DocumentRef } from '../../../workflow/review-states';
import { diffAgainstApproved } from '../../../workflow/version-diff';
import { invalid, refuse } from '../../../workflow/workflow-error';

type Ability = { can: (action: string, subject?: string) => boolean };
type Context = {
  params: { uid: string; documentId: string };
  query: { locale?: string };
  request: { body?: Record<string, unknown> };
  state: { user: Parameters<typeof userActor>[0]; userAbility: Ability };
  body?: unknown;
};

const EXPLORER = 'plugin::content-manager.explorer';

/** The document locale a request is about; only publishable types have a workflow. */
const documentRef = async (strapi: Core.Strapi, ctx: Context): Promise<DocumentRef> => {
  const { uid, documentId } = ctx.params;
  if (!isPublishable(uid)) {
    throw invalid(`类型 ${uid} 不经过审核流程`, `${uid} has no review workflow`, { path: ['uid'] });
  }
  const locale = ctx.query.locale || (await defaultLocale(strapi));
  const exists = await strapi.db.query(uid as never).count({ where: { documentId, ...localeWhere(strapi, uid, locale) } });
  if (exists === 0) throw invalid('找不到该内容或语言版本', `No document ${documentId} in locale ${locale}`, { path: ['documentId'] });
  return { uid, documentId, locale };
};

const actorOf = (ctx: Context) => userActor(ctx.state.user) as Extract<ReturnType<typeof userActor>, { type: 'user' }>;

const requireEditor = (ctx: Context, uid: string) => {
  if (!ctx.state.userAbility.can(`${EXPLORER}.update`, uid)) {
    throw refuse('只有宣传编辑可以送审或设置定时', 'Only editors of this content can submit it or change its schedule');
  }
};

const textOf = (value: unknown, field: string, maxLength = 2000): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > maxLength) {
    throw invalid(`${field} 须为不超过 ${maxLength} 字的文本`, `${field} must be text of at most ${maxLength} characters`, { path: [field] });
  }
  return value;
};

/** Thin HTTP layer over src/workflow: parse, check who is asking, delegate. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async queue(ctx: Context) {
    ctx.body = { data: await reviewQueueFor(strapi, actorOf(ctx)) };
  },

  async status(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const actor = actorOf(ctx);
    const state = await ensureState(strapi, ref);
    const stages = await chainFor(strapi, ref.uid);
    const live = await strapi.db.query(ref.uid as never).count({ where: { documentId: ref.documentId, ...localeWhere(strapi, ref.uid, ref.locale), publishedAt: { $notNull: true } } });
    const actions = availableActions({
      state,
      stages,
      actor,
      authorship: await authorshipOf(strapi, ref),
      approvals: await approvalsInCycle(strapi, ref, state.cycle),
      canEdit: ctx.state.userAbility.can(`${EXPLORER}.update`, ref.uid),
      canPublish: ctx.state.userAbility.can(`${EXPLORER}.publish`, ref.uid),
      draftHash: await draftHash(strapi, ref.uid, ref.documentId, ref.locale),
      isLive: live > 0,
      now: new Date(),
    });
    const { approvedContent, ...summary } = state;
    ctx.body = { data: { ...summary, isLive: live > 0, stages, actions } };
  },

  async history(ctx: Context) {
    ctx.body = { data: await auditTrail(strapi, await documentRef(strapi, ctx)) };
  },

  async diff(ctx: Context) {
    ctx.body = { data: await diffAgainstApproved(strapi, await documentRef(strapi, ctx)) };
  },

  async submit(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    requireEditor(ctx, ref.uid);
    ctx.body = { data: await submitForReview(strapi, ref, actorOf(ctx), textOf(ctx.request.body?.comment, 'comment')) };
  },

  async approve(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const body = ctx.request.body ?? {};
    ctx.body = {
      data: await approveStage(strapi, ref, actorOf(ctx), {
        comment: textOf(body.comment, 'comment'),
        overrideReason: textOf(body.overrideReason, 'overrideReason', 500),
      }),
    };
  },

  async requestChanges(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    ctx.body = { data: await requestChanges(strapi, ref, actorOf(ctx), textOf(ctx.request.body?.comment, 'comment') ?? '') };
  },

  async schedule(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    requireEditor(ctx, ref.uid);
    const body = ctx.request.body ?? {};
    ctx.body = { data: await setSchedule(strapi, ref, actorOf(ctx), { publishAt: body.publishAt, unpublishAt: body.unpublishAt }) };
  },
});
