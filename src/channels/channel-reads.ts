import type { Core, Modules } from '@strapi/strapi';
import type { ContentUid } from '../constants';

/**
 * Boundary: a version as a channel reads it: the fields its query selected and populated, by name.
 * Strapi's generated types follow each query exactly and make every field optional and nullable
 * (a draft may be incomplete); the channels read published versions, which are complete, and map
 * them to their own output types. So the rows are typed loosely here, once; the queries keep
 * Strapi's checking of filters, sort, fields and populate.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the boundary described above
export type ChannelRow = Record<string, any>;

type Params<TUid extends ContentUid> = Modules.Documents.ServiceParams<TUid>;

export type ChannelReads<TUid extends ContentUid> = {
  findMany(params: Params<TUid>['findMany']): Promise<ChannelRow[]>;
  findFirst(params: Params<TUid>['findFirst']): Promise<ChannelRow | null>;
  findOne(params: Params<TUid>['findOne']): Promise<ChannelRow | null>;
  count(params: Params<TUid>['count']): Promise<number>;
};

/** The Document Service's reads of one content type, as the channels use them. */
export const channelReads = <TUid extends ContentUid>(
  strapi: Core.Strapi,
  uid: TUid,
): ChannelReads<TUid> => strapi.documents(uid);
