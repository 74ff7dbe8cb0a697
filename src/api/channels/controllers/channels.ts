import { channelLabels } from '../../../channels';

/** Thin HTTP layer over the channel registry: the admin panel's names for the channels. */
export default () => ({
  async labels(ctx: { body?: unknown }) {
    ctx.body = { data: channelLabels() };
  },
});
