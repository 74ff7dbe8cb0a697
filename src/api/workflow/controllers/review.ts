import type { Core } from '@strapi/strapi';
import { isPublishable } from '../../../constants';
import { hasLocale, type DocumentRef } from '../../../documents/document-rows';
import { documentLocale } from '../../../i18n/locales';
import { userActor, type AdminUser } from '../../../workflow/actor';
import { auditTrail } from '../../../workflow/audit-trail';
import type { WorkflowStatus } from '../../../workflow/contracts';
import { approveStage, requestChanges, setSchedule, submitForReview, withdrawApproval } from '../../../workflow/review-actions';
import { reviewQueueFor } from '../../../workflow/review-queue';
import { loadFacts } from '../../../workflow/transition-facts';
import { offeredActions } from '../../../workflow/transitions';
import { diffAgainstApproved } from '../../../workflow/version-diff';
import { invalid } from '../../../workflow/workflow-error';

type Ability = { can: (action: string, subject?: string) => boolean };
type Context = {
  params: { uid: string; documentId: string };
  query: { locale?: unknown };
  request: { body?: Record<string, unknown> };
  state: { user: AdminUser; userAbility: Ability };
  body?: unknown;
};

const EXPLORER = 'plugin::content-manager.explorer';

/** The document locale a request is about; only publishable types have a workflow. */
const documentRef = async (strapi: Core.Strapi, ctx: Context): Promise<DocumentRef> => {
  const { uid, documentId } = ctx.params;
  if (!isPublishable(uid)) {
    throw invalid(`类型 ${uid} 不经过审核流程`, `${uid} has no review workflow`, { path: ['uid'] });
  }
  const ref = { uid, documentId, locale: await documentLocale(strapi, ctx.query.locale) };
  if (!(await hasLocale(strapi, ref))) throw invalid('找不到该内容或语言版本', `No document ${documentId} in locale ${ref.locale}`, { path: ['documentId'] });
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
    throw invalid(`${field} 须为不超过 ${maxLength} 字的文本`, `${field} must be text of at most ${maxLength} characters`, { path: [field] });
  }
  return value;
};

/** Thin HTTP layer over src/workflow: parse, say who is asking, delegate. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async queue(ctx: Context) {
    ctx.body = { data: await reviewQueueFor(strapi, userActor(ctx.state.user)) };
  },

  async status(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const facts = await loadFacts(strapi, ref, userActor(ctx.state.user), { permissions: permissionsOf(ctx, ref.uid) });
    const { approvedContent, ...state } = facts.state;
    const status: WorkflowStatus = { ...state, warnings: Array.isArray(state.warnings) ? state.warnings : null, isLive: facts.isLive, stages: facts.stages, actions: offeredActions(facts) };
    ctx.body = { data: status };
  },

  async history(ctx: Context) {
    ctx.body = { data: await auditTrail(strapi, await documentRef(strapi, ctx)) };
  },

  async diff(ctx: Context) {
    ctx.body = { data: await diffAgainstApproved(strapi, await documentRef(strapi, ctx)) };
  },

  async submit(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const comment = textOf(ctx.request.body?.comment, 'comment');
    ctx.body = { data: await submitForReview(strapi, ref, userActor(ctx.state.user), { comment, permissions: permissionsOf(ctx, ref.uid) }) };
  },

  async approve(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const body = ctx.request.body ?? {};
    const options = { comment: textOf(body.comment, 'comment'), overrideReason: textOf(body.overrideReason, 'overrideReason', 500) };
    ctx.body = { data: await approveStage(strapi, ref, userActor(ctx.state.user), options) };
  },

  async withdrawApproval(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    ctx.body = { data: await withdrawApproval(strapi, ref, userActor(ctx.state.user), textOf(ctx.request.body?.comment, 'comment')) };
  },

  async requestChanges(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    ctx.body = { data: await requestChanges(strapi, ref, userActor(ctx.state.user), textOf(ctx.request.body?.comment, 'comment') ?? '') };
  },

  async schedule(ctx: Context) {
    const ref = await documentRef(strapi, ctx);
    const body = ctx.request.body ?? {};
    ctx.body = { data: await setSchedule(strapi, ref, userActor(ctx.state.user), { publishAt: body.publishAt, unpublishAt: body.unpublishAt }, permissionsOf(ctx, ref.uid)) };
  },
});
