import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

export const CHANNELS = ['website', 'wechat', 'screen'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelTargets = Record<Channel, boolean>;

/** Types that carry a `channels` component; brand profiles go to every channel. */
const CHANNEL_TARGETED_UIDS: readonly string[] = [UID.article, UID.video, UID.achievement];

export const isChannelTargeted = (uid: string): boolean => CHANNEL_TARGETED_UIDS.includes(uid);

/** What a new item targets when its editor has not chosen: the website only. */
export const defaultChannelTargets = (): ChannelTargets => ({ website: true, wechat: false, screen: false });

/** Document Service filter matching items released to `channel`. */
export const targetedAt = (channel: Channel) => ({ channels: { [channel]: true } });

/** The channels the live (published) version of a document locale targets; null when it is not live. */
export const liveTargets = async (strapi: Core.Strapi, { uid, documentId, locale }: { uid: string; documentId: string; locale: string }): Promise<Partial<ChannelTargets> | null> => {
  const live = await strapi.db.query(uid as never).findOne({ where: { documentId, locale, publishedAt: { $notNull: true } }, populate: ['channels'] });
  return live ? (live.channels ?? {}) : null;
};
