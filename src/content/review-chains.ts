import type { ReviewStage } from '../workflow/contracts';

/** 三审: first review and second review by reviewers, final review by the chief reviewer. */
export const THREE_STAGE_REVIEW: readonly ReviewStage[] = [
  { name: '初审', role: 'Reviewer' },
  { name: '复审', role: 'Reviewer' },
  { name: '终审', role: 'Chief Reviewer' },
];

/** A taxonomy change (a renamed 栏目, a new tag) is checked once, by a reviewer. */
export const SINGLE_REVIEW: readonly ReviewStage[] = [{ name: '审核', role: 'Reviewer' }];
