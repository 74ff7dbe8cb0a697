import type { Core } from '@strapi/strapi';
import { isTaxonomy, PUBLISHABLE_UIDS, WORKFLOW_UID } from '../constants';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import type { ReviewStage } from './contracts';
import { invalid } from './workflow-error';

export type { ReviewStage };

/** 三审: first review and second review by reviewers, final review by the chief reviewer. */
export const DEFAULT_CHAIN: readonly ReviewStage[] = [
  { name: '初审', role: 'Reviewer' },
  { name: '复审', role: 'Reviewer' },
  { name: '终审', role: 'Chief Reviewer' },
];

/** A taxonomy change (a renamed 栏目, a new tag) is checked once, by a reviewer. */
export const TAXONOMY_CHAIN: readonly ReviewStage[] = [{ name: '审核', role: 'Reviewer' }];

const defaultChainFor = (uid: string): readonly ReviewStage[] =>
  isTaxonomy(uid) ? TAXONOMY_CHAIN : DEFAULT_CHAIN;

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
    await strapi
      .documents(WORKFLOW_UID.reviewChain)
      .create({
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
