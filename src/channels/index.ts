import type { Core } from '@strapi/strapi';
import { registerAdminRoutes, type AdminRoutes } from '../access/admin-route';
import { addFieldLabels } from '../i18n/field-labels';
import type { ChannelFeed } from '../response-cache/reader-scope';
import { onRelease } from '../workflow/release-announcements';
import type { ChannelLabel } from './channel';
import { CHANNELS_COMPONENT, declareChannelSchema } from './channel-schema';
import { registerChannel, registeredChannels } from './registry';
import { screenChannel } from './screen/channel';
import { websiteChannel } from './web/channel';
import { wechatChannel } from './wechat/channel';

/** The channels this CMS ships with, in the order releases reach them. */
const BUILT_IN_CHANNELS = [websiteChannel, wechatChannel, screenChannel];

/** The channels as the admin panel lists them (labels, filters), under /channels/labels. */
const CHANNEL_ADMIN_ROUTES: AdminRoutes = {
  prefix: '/channels',
  controller: 'api::channels.channels',
  routes: [['GET', '/labels', 'labels']],
};

/**
 * At register: the built-in channels first, then any registered before (a test's fake), and
 * what each needs in the schema.
 */
export const registerChannels = (strapi: Core.Strapi): void => {
  for (const channel of [...BUILT_IN_CHANNELS].reverse()) registerChannel(channel, { first: true });
  declareChannelSchema(strapi, registeredChannels());
  // The readable diff and the content manager name the channels by these labels.
  addFieldLabels(channelFieldLabels());
};

/** At bootstrap: each channel starts, opens its admin API and hears of every release. */
export const startChannels = async (strapi: Core.Strapi): Promise<void> => {
  registerAdminRoutes(strapi, CHANNEL_ADMIN_ROUTES);
  for (const channel of registeredChannels()) {
    await channel.start?.(strapi);
    if (channel.adminRoutes) registerAdminRoutes(strapi, channel.adminRoutes);
    onRelease(strapi, channel);
  }
};

/** At shutdown, once every announcement reached them: each channel lets its work finish. */
export const stopChannels = async (strapi: Core.Strapi): Promise<void> => {
  for (const channel of registeredChannels()) await channel.stop?.(strapi);
};

/** The labels of the `channels` component's fields, one per channel, in the content manager. */
export const channelFieldLabels = (): Record<string, Record<string, { label: string }>> => ({
  [CHANNELS_COMPONENT]: Object.fromEntries(
    registeredChannels().map(({ name, label, fieldLabel }) => [
      name,
      { label: fieldLabel ?? label.zh },
    ]),
  ),
});

/** What the admin panel shows of each channel. */
export const channelLabels = (): Array<{ name: string; label: ChannelLabel }> =>
  registeredChannels().map(({ name, label }) => ({ name, label }));

/** The channels' own reads the response cache answers, each for its own readers. */
export const channelFeeds = (): ChannelFeed[] =>
  registeredChannels().flatMap(({ name, cachedFeed }) =>
    cachedFeed ? [{ ...cachedFeed, channel: name }] : [],
  );
