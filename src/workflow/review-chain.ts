import type { Core } from '@strapi/strapi';
import { PUBLISHABLE_UIDS } from '../constants';

export const REVIEW_CHAIN_UID = 'api::workflow.review-chain';

export type ReviewStage = { name: string; role: string };

/** 三审: first review and second review by reviewers, final review by the chief reviewer. */
export const DEFAULT_CHAIN: readonly ReviewStage[] = [
  { name: '初审', role: 'Reviewer' },
  { name: '复审', role: 'Reviewer' },
  { name: '终审', role: 'Chief Reviewer' },
];

/** The stages of a content type, as the administrator configured them; the default chain otherwise. */
export const chainFor = async (strapi: Core.Strapi, uid: string): Promise<ReviewStage[]> => {
  const chain = await strapi.db.query(REVIEW_CHAIN_UID as never).findOne({ where: { contentType: uid }, populate: ['stages'] });
  const stages = (chain?.stages ?? []) as ReviewStage[];
  return stages.length > 0 ? stages.map(({ name, role }) => ({ name, role })) : [...DEFAULT_CHAIN];
};

/** Seeds the default chain for every publishable type that has none; edited chains are kept. */
export const ensureReviewChains = async (strapi: Core.Strapi): Promise<void> => {
  for (const uid of PUBLISHABLE_UIDS) {
    const existing = await strapi.documents(REVIEW_CHAIN_UID as never).findFirst({ filters: { contentType: uid } } as never);
    if (existing) continue;
    await strapi.documents(REVIEW_CHAIN_UID as never).create({ data: { contentType: uid, stages: DEFAULT_CHAIN.map((stage) => ({ ...stage })) } } as never);
  }
};
