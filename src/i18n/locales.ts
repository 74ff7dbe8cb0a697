import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, LOCALES } from '../constants';

/**
 * Makes sure zh-CN and en exist, named in Chinese (the locale pickers read 简体中文 (zh-CN), not
 * Strapi's English name, which an older start gave them and is renamed). zh-CN becomes the
 * default only when this call creates it, so a default changed later by an administrator is left
 * alone; so is a name an administrator gave.
 */
export const ensureLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    const existing = (await locales.findByCode(locale.code)) as { id: number; name: string } | null;
    if (existing?.name === locale.strapiName)
      await strapi.db
        .query('plugin::i18n.locale')
        .update({ where: { id: existing.id }, data: { name: locale.name } });
    if (existing) continue;
    await locales.create({ code: locale.code, name: locale.name });
    if (locale.code === DEFAULT_LOCALE) {
      await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    }
  }
};

export const defaultLocale = async (strapi: Core.Strapi): Promise<string> =>
  strapi.plugin('i18n').service('locales').getDefaultLocale();

export const localeCodes = async (strapi: Core.Strapi): Promise<string[]> =>
  ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map(
    (locale) => locale.code,
  );

/** The locale a channel request asks for (`?locale=`, else the default); an unknown one is a 400 naming it. */
/** The `?locale=` of an admin request about one document: a code, or the default locale when none is given. */
export const documentLocale = async (strapi: Core.Strapi, asked: unknown): Promise<string> => {
  if (asked === undefined || asked === '') return defaultLocale(strapi);
  if (typeof asked !== 'string')
    throw new errors.ValidationError(
      'locale 须为语言代码，例如 zh-CN。locale must be a locale code, e.g. zh-CN',
      { path: ['locale'] },
    );
  return asked;
};

export const requestedLocale = async (
  strapi: Core.Strapi,
  asked: string | undefined,
): Promise<string> => {
  const locale = asked ?? (await defaultLocale(strapi));
  if (!(await localeCodes(strapi)).includes(locale))
    throw new errors.ValidationError(`Unknown locale "${locale}"`, { path: ['locale'] });
  return locale;
};

export const isLocalizedType = (strapi: Core.Strapi, uid: UID.ContentType): boolean =>
  strapi.plugin('i18n').service('content-types').isLocalizedContentType(strapi.contentType(uid));

/** The locales the workflow names the rows of a document by: their own, or the default one for a type without translations. */
export const workflowLocales = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  rows: Array<{ locale?: string | null }>,
): Promise<string[]> => {
  if (isLocalizedType(strapi, uid)) return rows.map((row) => row.locale as string);
  return rows.length > 0 ? [await defaultLocale(strapi)] : [];
};
