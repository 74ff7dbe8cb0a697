import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { findVersionRow, type DocumentRef } from '../documents/document-rows';

export const CHANNELS = ['website', 'wechat', 'screen'] as const;
export type Channel = (typeof CHANNELS)[number];
export const isChannel = (value: unknown): value is Channel => (CHANNELS as readonly unknown[]).includes(value);
export type ChannelTargets = Record<Channel, boolean>;

/** Types that carry a `channels` component; brand profiles go to every channel. */
const CHANNEL_TARGETED_UIDS = [UID.article, UID.video, UID.achievement] as const;
export type ChannelTargetedUid = (typeof CHANNEL_TARGETED_UIDS)[number];

export const isChannelTargeted = (uid: string): uid is ChannelTargetedUid => (CHANNEL_TARGETED_UIDS as readonly string[]).includes(uid);

/** What a new item targets when its editor has not chosen: the website only. */
export const defaultChannelTargets = (): ChannelTargets => ({ website: true, wechat: false, screen: false });

/** Document Service filter matching items released to `channel`. */
export const targetedAt = (channel: Channel) => ({ channels: { [channel]: true } });

/** The channels the live (published) version of a document locale targets; null when it is not live. */
export const liveTargets = async (strapi: Core.Strapi, ref: DocumentRef): Promise<Partial<ChannelTargets> | null> => {
  const live = await findVersionRow(strapi, ref, 'live', { populate: ['channels'] });
  return live ? (live.channels ?? {}) : null;
};
