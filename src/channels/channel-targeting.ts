import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { findVersionRow, type DocumentRef } from '../documents/document-rows';

export const CHANNELS = ['website', 'wechat', 'screen'] as const;
export type Channel = (typeof CHANNELS)[number];
export const isChannel = (value: unknown): value is Channel =>
  (CHANNELS as readonly unknown[]).includes(value);
export type ChannelTargets = Record<Channel, boolean>;

/** Types that carry a `channels` component; brand profiles go to every channel. */
export const CHANNEL_TARGETED_UIDS = [UID.article, UID.video, UID.achievement] as const;
export type ChannelTargetedUid = (typeof CHANNEL_TARGETED_UIDS)[number];

export const isChannelTargeted = (uid: string): uid is ChannelTargetedUid =>
  (CHANNEL_TARGETED_UIDS as readonly string[]).includes(uid);

/** What a new item targets when its editor has not chosen: the website only. */
export const defaultChannelTargets = (): ChannelTargets => ({
  website: true,
  wechat: false,
  screen: false,
});

/**
 * Each channel's targeting is also a column of the row, copied from the `channels` component
 * (channel-flags.ts keeps it in step), so a read filters on it without joining the component
 * tables: a join per row made every page read and sort the whole table, and two of them (the
 * website's own filter and the read scope's) took PostgreSQL 12 s at 10,000 articles.
 */
export const CHANNEL_FLAGS = {
  website: 'targetsWebsite',
  wechat: 'targetsWechat',
  screen: 'targetsScreen',
} as const satisfies Record<Channel, string>;
export const CHANNEL_FLAG_FIELDS: readonly string[] = Object.values(CHANNEL_FLAGS);

/** The flag columns for a `channels` value; anything but `true` is not targeted. */
export const channelFlagsOf = (channels: unknown): Record<string, boolean> =>
  Object.fromEntries(
    CHANNELS.map((channel) => [
      CHANNEL_FLAGS[channel],
      typeof channels === 'object' &&
        channels !== null &&
        (channels as Record<string, unknown>)[channel] === true,
    ]),
  );

/** Document Service filter matching items released to `channel`. */
export const targetedAt = (channel: Channel) => ({ [CHANNEL_FLAGS[channel]]: true });

/** The channels the live (published) version of a document locale targets; null when it is not live. */
export const liveTargets = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
): Promise<Partial<ChannelTargets> | null> => {
  const live = await findVersionRow(strapi, ref, 'live', { populate: ['channels'] });
  return live ? (live.channels ?? {}) : null;
};
