import type { Core, Struct, UID } from '@strapi/strapi';

/**
 * Strapi's schemas looked up by a uid that comes from outside the type system: a relation's
 * target, a component inside a schema, a file's stored `related_type`. An unknown uid has no
 * schema.
 */
const registered = (registry: object, uid: string): boolean =>
  Object.prototype.hasOwnProperty.call(registry, uid);

export const isContentTypeUid = (strapi: Core.Strapi, uid: string): uid is UID.ContentType =>
  registered(strapi.contentTypes, uid);

export const isComponentUid = (strapi: Core.Strapi, uid: string): uid is UID.Component =>
  registered(strapi.components, uid);

export const contentTypeSchema = (
  strapi: Core.Strapi,
  uid: string,
): Struct.ContentTypeSchema | undefined =>
  isContentTypeUid(strapi, uid) ? strapi.contentTypes[uid] : undefined;

export const componentSchema = (
  strapi: Core.Strapi,
  uid: string,
): Struct.ComponentSchema | undefined =>
  isComponentUid(strapi, uid) ? strapi.components[uid] : undefined;
