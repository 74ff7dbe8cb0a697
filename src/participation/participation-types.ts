/** Declared with the other uids, below every domain (access reads them for its admin pages). */
export { PARTICIPATION_UID } from '../constants';

/** Where a contribution stands for its contributor: `published` once the article adopted from it is live. */
export type ContributionState = 'received' | 'adopted' | 'declined';
export type ContributionView = ContributionState | 'published';

/**
 * An event that earns points, with its own rule in config/participation.ts: a contribution's own
 * (`submitted`, `adopted`, `published`), or one a channel awards (its `pointEvents`: `screen`,
 * `wechat`), which the ledger's enumeration is extended with at register.
 */
export type PointEvent = string;

/** A contribution as stored (src/api/participation/content-types/contribution). */
export type ContributionRecord = {
  id: number;
  documentId: string;
  title: string;
  body: string;
  contributionState: ContributionState;
  declineReason: string | null;
  organizationDocumentId: string;
  categoryDocumentId: string | null;
  consentToBeNamed: boolean;
  articleDocumentId: string | null;
  handledById: number | null;
  handledAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A photo of a contribution, as the media library stores it. */
export type StoredPhoto = {
  id: number;
  url: string;
  name: string;
  width?: number;
  height?: number;
  formats?: Record<string, { url: string }> | null;
};
