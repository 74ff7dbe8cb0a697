import type { Core } from '@strapi/strapi';
import { findVersionRow, type DocumentRef } from '../documents/document-rows';
import { channelFlags, flagOf, type Channel } from '../kernel/channel-flags';
import { channelNamed } from './registry';

export type ChannelTargets = Record<Channel, boolean>;

/** The channels' names, in order (the registry adds each to the kernel's list of flags). */
export const channelNames = (): Channel[] => channelFlags().map(([channel]) => channel);

/** What a new item targets when its editor has not chosen: the channels that say so (the website). */
export const defaultChannelTargets = (): ChannelTargets =>
  Object.fromEntries(
    channelNames().map((name) => [name, channelNamed(name)?.targetedByDefault === true]),
  );

/** Whether a `channels` value (a version's component) targets `channel`; anything but `true` does not. */
export const targetsChannel = (channels: unknown, channel: Channel): boolean =>
  typeof channels === 'object' &&
  channels !== null &&
  (channels as Record<string, unknown>)[channel] === true;

/** The flag columns for a `channels` value. */
export const channelFlagsOf = (channels: unknown): Record<string, boolean> =>
  Object.fromEntries(
    channelNames().map((channel) => [flagOf(channel), targetsChannel(channels, channel)]),
  );

/** The channels the live (published) version of a document locale targets; null when it is not live. */
export const liveTargets = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
): Promise<Partial<ChannelTargets> | null> => {
  const live = await findVersionRow(strapi, ref, 'live', { populate: ['channels'] });
  return live ? (live.channels ?? {}) : null;
};
