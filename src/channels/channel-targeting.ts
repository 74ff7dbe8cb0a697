import type { Core } from '@strapi/strapi';
import { channelTargetedUids, type ChannelTargetedUid } from '../content/registry';
import { findVersionRow, type DocumentRef } from '../documents/document-rows';
import { channelFlags, flagOfChannel } from '../kernel/channel-flags';
import { channelNamed } from './registry';

/** A registered channel's name. */
export type Channel = string;
export type ChannelTargets = Record<Channel, boolean>;

/** The channels' names, in order (the registry adds each to the kernel's list of flags). */
export const channelNames = (): Channel[] => channelFlags().map(([channel]) => channel);
export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && flagOfChannel(value) !== undefined;

/** Types that carry a `channels` component; brand profiles go to every channel. */
export const CHANNEL_TARGETED_UIDS: readonly ChannelTargetedUid[] = channelTargetedUids();
export type { ChannelTargetedUid };

export const isChannelTargeted = (uid: string): uid is ChannelTargetedUid =>
  (CHANNEL_TARGETED_UIDS as readonly string[]).includes(uid);

/** What a new item targets when its editor has not chosen: the channels that say so (the website). */
export const defaultChannelTargets = (): ChannelTargets =>
  Object.fromEntries(
    channelNames().map((name) => [name, channelNamed(name)?.targetedByDefault === true]),
  );

/**
 * Each channel's targeting is also a column of the row, copied from the `channels` component
 * (channel-flags.ts keeps it in step), so a read filters on it without joining the component
 * tables: a join per row made every page read and sort the whole table, and two of them (the
 * website's own filter and the read scope's) took PostgreSQL 12 s at 10,000 articles.
 */
export const flagOf = (channel: Channel): string => {
  const flag = flagOfChannel(channel);
  if (flag === undefined) throw new Error(`No channel is named ${channel}`);
  return flag;
};

/** The flag columns for a `channels` value; anything but `true` is not targeted. */
export const channelFlagsOf = (channels: unknown): Record<string, boolean> =>
  Object.fromEntries(
    channelNames().map((channel) => [
      flagOf(channel),
      typeof channels === 'object' &&
        channels !== null &&
        (channels as Record<string, unknown>)[channel] === true,
    ]),
  );

/** Document Service filter matching items released to `channel`. */
export const targetedAt = (channel: Channel) => ({ [flagOf(channel)]: true });

/** The channels the live (published) version of a document locale targets; null when it is not live. */
export const liveTargets = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
): Promise<Partial<ChannelTargets> | null> => {
  const live = await findVersionRow(strapi, ref, 'live', { populate: ['channels'] });
  return live ? (live.channels ?? {}) : null;
};
