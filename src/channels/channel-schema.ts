import type { Core, Schema } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import { PARTICIPATION_UID } from '../participation/participation-types';
import { channelTargetedUids } from '../content/registry';
import type { PublishingChannel } from './channel';

/**
 * What a channel needs in the schema, declared from the registry at register (before Strapi
 * builds its models and syncs the tables): its field in the `channels` component, its flag column
 * on each channel-targeted type, its audit actions and its point events. What a schema file
 * declares already (the built-in channels') stays as written.
 */
export const CHANNELS_COMPONENT = 'publishing.channels';

type Attributes = Record<string, Schema.Attribute.AnyAttribute>;

/** Adds `name` when `attributes` lacks it; true when it did. */
const declare = (
  attributes: Attributes,
  name: string,
  attribute: Schema.Attribute.AnyAttribute,
): boolean => {
  if (Object.hasOwn(attributes, name)) return false;
  attributes[name] = attribute;
  return true;
};

/** Extends an enumeration attribute with `values` it does not list yet. */
const extendEnumeration = (attributes: Attributes, name: string, values: readonly string[]) => {
  const attribute = attributes[name];
  if (attribute?.type !== 'enumeration') throw new Error(`${name} is not an enumeration`);
  const missing = values.filter((value) => !attribute.enum.includes(value));
  if (missing.length > 0) attribute.enum = [...attribute.enum, ...missing];
};

export const declareChannelSchema = (
  strapi: Core.Strapi,
  channels: readonly PublishingChannel[],
): void => {
  const component = strapi.components[CHANNELS_COMPONENT];
  for (const channel of channels) {
    // Not required: rows written before the channel existed have no value, and target nothing.
    declare(component.attributes, channel.name, {
      type: 'boolean',
      default: channel.targetedByDefault === true,
    });
    for (const uid of channelTargetedUids()) {
      const contentType = strapi.contentTypes[uid];
      const added = declare(contentType.attributes, channel.flag, {
        type: 'boolean',
        private: true,
        configurable: false,
        visible: false,
        pluginOptions: { i18n: { localized: true } },
      });
      // Hidden from the content manager like the built-in flags (its `config.attributes`).
      if (!added) continue;
      const schema = contentType as { config?: { attributes?: Record<string, object> } };
      schema.config ??= {};
      schema.config.attributes ??= {};
      schema.config.attributes[channel.flag] = { hidden: true };
    }
  }
  extendEnumeration(
    strapi.contentTypes[WORKFLOW_UID.auditEntry].attributes,
    'action',
    channels.flatMap((channel) => channel.auditActions ?? []),
  );
  extendEnumeration(
    strapi.contentTypes[PARTICIPATION_UID.pointEvent].attributes,
    'pointEvent',
    channels.flatMap((channel) => channel.pointEvents ?? []),
  );
};
