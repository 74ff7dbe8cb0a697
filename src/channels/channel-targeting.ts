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
