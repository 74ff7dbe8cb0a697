import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '../constants';

/**
 * Makes sure zh-CN and en exist. zh-CN becomes the default only when this call creates it,
 * so a default changed later by an administrator is left alone.
 */
export const ensureLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (await locales.findByCode(locale.code)) continue;
    await locales.create({ code: locale.code, name: locale.name });
    if (locale.code === DEFAULT_LOCALE) {
      await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    }
  }
};
