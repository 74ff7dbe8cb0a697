import type { Core } from '@strapi/strapi';
import { PUBLISHABLE_UIDS, WORKFLOW_UID } from '../constants';
import { descriptorOf } from '../content/registry';
import { THREE_STAGE_REVIEW } from '../content/review-chains';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import type { ReviewStage } from './contracts';
import { invalid } from './workflow-error';

export type { ReviewStage };

/** 三审 by default (a taxonomy's descriptor declares its single review: src/content/). */
export { THREE_STAGE_REVIEW as DEFAULT_CHAIN };

/** The chain a type's descriptor declares (src/content/<type>.ts). */
const defaultChainFor = (uid: string): readonly ReviewStage[] =>
  descriptorOf(uid)?.reviewChain ?? THREE_STAGE_REVIEW;

/** The stages of a content type, as the administrator configured them; the default chain otherwise. */
export const chainFor = async (strapi: Core.Strapi, uid: string): Promise<ReviewStage[]> => {
  const chain = await strapi.db
    .query(WORKFLOW_UID.reviewChain)
    .findOne({ where: { contentType: uid }, populate: ['stages'] });
  const stages: ReviewStage[] = chain?.stages ?? [];
  return stages.length > 0
    ? stages.map(({ name, role }) => ({ name, role }))
    : [...defaultChainFor(uid)];
};

/** Seeds the default chain for every publishable type that has none; edited chains are kept. */
export const ensureReviewChains = async (strapi: Core.Strapi): Promise<void> => {
  for (const uid of PUBLISHABLE_UIDS) {
    const existing = await strapi
      .documents(WORKFLOW_UID.reviewChain)
      .findFirst({ filters: { contentType: uid } });
    if (existing) continue;
    await strapi.documents(WORKFLOW_UID.reviewChain).create({
      data: { contentType: uid, stages: defaultChainFor(uid).map((stage) => ({ ...stage })) },
    });
  }
};

/**
 * A chain is data an administrator edits in the admin panel: a stage naming a role that does
 * not exist would leave documents stuck in review, so it is refused with the stage named.
 */
export const validReviewChains =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async ({ uid, action, params }, next) => {
    if (uid !== WORKFLOW_UID.reviewChain || !['create', 'update'].includes(action)) return next();
    const stages = params.data?.stages;
    if (!Array.isArray(stages)) return next();
    for (const [index, stage] of (
      stages as Array<{ name?: string; role?: string } | null>
    ).entries()) {
      const role =
        typeof stage?.role === 'string'
          ? await strapi.service('admin::role').findOne({ name: stage.role })
          : null;
      if (!role) {
        throw invalid(
          `第 ${index + 1} 个审核环节的角色“${stage?.role ?? ''}”不存在`,
          `Stage ${index + 1} names the admin role "${stage?.role ?? ''}", which does not exist`,
          {
            errors: [{ path: ['stages', String(index), 'role'], message: 'unknown admin role' }],
          },
        );
      }
    }
    return next();
  };
