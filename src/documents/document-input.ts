import type { Modules, UID, Utils } from '@strapi/strapi';

type Input<T extends UID.ContentType> = Modules.Documents.Params.Data.Input<T>;

/**
 * What we write through the Document Service: any of the type's attributes, each possibly `null`.
 * Strapi's input type has no `null` for an optional field and requires a required attribute even
 * when its schema gives a default; the service and the database take both (`null` clears a field).
 * (Where Strapi's generated types are not loaded, as in the admin panel's program, any object.)
 */
export type DocumentInput<T extends UID.ContentType> = Utils.If<
  Utils.Constants.AreSchemaRegistriesExtended,
  { [K in keyof Input<T>]?: Input<T>[K] | null },
  Record<string, unknown>
>;

/** `data` for `strapi.documents(uid).create/update`, checked against the type's attributes. */
export const documentInput = <T extends UID.ContentType>(
  _uid: T,
  data: DocumentInput<T>,
): Input<T> =>
  // eslint-disable-next-line no-restricted-syntax -- where Strapi's types stop: its Input has no null and no schema defaults, the Document Service takes both
  data as unknown as Input<T>;
