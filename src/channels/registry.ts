import { addChannelFlag } from '../kernel/channel-flags';
import type { PublishingChannel } from './channel';

/**
 * The channels, in the order releases are announced to them: the built-in ones first
 * (src/channels/index.ts registers them at register), then any registered before (a test's).
 * It imports no channel, so that every module may ask it, the channels' own included.
 */
const channels: PublishingChannel[] = [];

/** What a channel's name and flag may be: a component field and a column name. */
const NAME = /^[a-z][a-zA-Z0-9]{0,30}$/;

/**
 * Adds `channel` to the registry (a second registration of the same channel is ignored).
 * Before Strapi's register: that is when its component field and flag column are declared.
 */
export const registerChannel = (
  channel: PublishingChannel,
  { first = false }: { first?: boolean } = {},
): void => {
  if (channels.includes(channel)) return;
  if (!NAME.test(channel.name) || !NAME.test(channel.flag))
    throw new Error(`Channel "${channel.name}": name and flag must be identifiers`);
  const clash = channels.find(({ name, flag }) => name === channel.name || flag === channel.flag);
  if (clash) throw new Error(`Channel "${channel.name}" clashes with channel "${clash.name}"`);
  if (first) channels.unshift(channel);
  else channels.push(channel);
  // The layers below the channels know the flag columns, not the channels (src/kernel).
  addChannelFlag(channel.name, channel.flag);
};

/** The registered channels, in order. */
export const registeredChannels = (): readonly PublishingChannel[] => channels;

/** The registered channel named `name`, or undefined. */
export const channelNamed = (name: string): PublishingChannel | undefined =>
  channels.find((channel) => channel.name === name);
