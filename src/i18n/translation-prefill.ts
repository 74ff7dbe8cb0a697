import type { Core, UID } from '@strapi/strapi';
import { slugAttributeOf } from './pinyin-slugs';

/** What a new translation's form starts with, given what the source locale holds. */
export type TranslationStart = (
  uid: UID.ContentType,
  prefill: Record<string, unknown>,
) => Record<string, unknown>;

type FillFromLocaleService = {
  transformDocument(
    document: Record<string, unknown>,
    model: UID.ContentType,
    targetLocale: string,
    userAbility: unknown,
  ): Promise<Record<string, unknown>>;
};

/**
 * The slug is the address in one language: a translation gets its own, made from its own title
 * when it is saved (slugsOnCreate), so its form starts empty, never with the source's pinyin.
 */
export const ownSlug =
  (strapi: Core.Strapi): TranslationStart =>
  (uid, prefill) => {
    const slug = slugAttributeOf(strapi, uid);
    return slug ? { ...prefill, [slug.field]: '' } : prefill;
  };

/**
 * Strapi's "fill in from another locale" (its header action, and the edit view's prefill of a
 * locale not saved yet, src/admin/workflow/WorkflowPanel.tsx) copies every readable field. A
 * translation takes the text and the media; what is chosen per locale (its address, its channels)
 * starts as a new item's does. Its schedule is the workflow's, per locale, and never in the copy.
 */
export const translationsStartAnew = (
  strapi: Core.Strapi,
  starts: readonly TranslationStart[],
): void => {
  // Boundary: the i18n plugin's services are untyped; this is the one method we wrap.
  const fillFromLocale = strapi.plugin('i18n').service<FillFromLocaleService>('fill-from-locale');
  const copy = fillFromLocale.transformDocument.bind(fillFromLocale);
  fillFromLocale.transformDocument = async (document, model, targetLocale, userAbility) => {
    const prefill = await copy(document, model, targetLocale, userAbility);
    return starts.reduce((data, start) => start(model, data), prefill);
  };
};
