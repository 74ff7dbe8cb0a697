import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { columnOf } from '../documents/document-rows';
import { flagOf, isChannelFlag, type Channel } from '../kernel/channel-flags';
import { channelTargetedUids, isChannelTargeted } from '../content/registry';
import { channelFlagsOf, channelNames } from './channel-targeting';

/**
 * Keeps the flag columns equal to the `channels` component on every write that sets it (create,
 * update, a new translation); publish and discard copy whole rows, flags included. Flags a
 * caller sends are dropped: only the component says where an item goes. Runs after the default
 * targets are filled in.
 */
export const channelFlagsInStep: DocumentMiddleware = async ({ uid, action, params }, next) => {
  const { data } = params;
  if ((action === 'create' || action === 'update') && isChannelTargeted(uid) && data) {
    for (const field of Object.keys(data)) if (isChannelFlag(field)) delete data[field];
    if (data.channels !== undefined) Object.assign(data, channelFlagsOf(data.channels));
  }
  return next();
};

/**
 * Fills flags that are missing (rows written before they existed, or by a bulk import in SQL)
 * from the component, once per start; a row without a component targets nothing.
 */
export const backfillChannelFlags = async (strapi: Core.Strapi): Promise<number> => {
  const knex = strapi.db.connection;
  const components = strapi.db.metadata.get('publishing.channels').tableName;
  let filled = 0;
  for (const uid of channelTargetedUids()) {
    const model = strapi.db.metadata.get(uid);
    const link = model.attributes.channels;
    const joinTable = 'joinTable' in link ? link.joinTable : undefined;
    if (!joinTable || !('inverseJoinColumn' in joinTable))
      throw new Error(`${uid}.channels is not a component link`);
    const column = (channel: Channel): string => columnOf(strapi, uid, flagOf(channel));
    const fromComponent = (channel: Channel) =>
      knex.raw(
        `COALESCE((SELECT c.?? FROM ?? l JOIN ?? c ON c.id = l.?? WHERE l.?? = ??.id AND l.field = 'channels' LIMIT 1), false)`,
        [
          channel,
          joinTable.name,
          components,
          joinTable.inverseJoinColumn.name,
          joinTable.joinColumn.name,
          model.tableName,
        ],
      );
    filled += await knex(model.tableName)
      .update(
        Object.fromEntries(
          channelNames().map((channel) => [column(channel), fromComponent(channel)]),
        ),
      )
      .where((query) => {
        for (const channel of channelNames()) query.orWhereNull(column(channel));
      });
  }
  return filled;
};
