import type { Core } from '@strapi/strapi';
import { isPublishable } from '../constants';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { versionLocales } from '../documents/document-rows';
import { defaultLocale } from '../i18n/locales';
import { currentActor } from './actor';
import { releaseLocales, takeDownLocales } from './release';
import { refuse } from './workflow-error';
import { workflowService } from './workflow-services';

// The Document Service takes one locale, '*' (all), a list (bulk actions) or none (the default locale).
type LocaleParam = string | string[] | undefined;

/** The locales a publish is about: the default one when none is named, every draft's for '*'. */
const releasedLocales = async (
  strapi: Core.Strapi,
  uid: Parameters<typeof versionLocales>[1],
  documentId: string,
  locale: LocaleParam,
): Promise<string[]> => {
  if (Array.isArray(locale)) return locale;
  if (locale && locale !== '*') return [locale];
  if (locale === undefined) return [await defaultLocale(strapi)];
  return versionLocales(strapi, uid, documentId, 'draft');
};

/**
 * The only door to release. Every publish, unpublish and delete through the Document Service —
 * admin button, content-manager API, Content API, create/update with status 'published',
 * publish() from code, the workflow's own releases — passes here and goes through release.ts,
 * which refuses it unless the transition table allows it.
 */
export const releaseGate =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    const { uid, params } = context;
    if (!isPublishable(uid)) return next();
    const actor = currentActor(strapi);
    // Read the clock and the plan out here: a transaction's callback may run in another async context.
    const workflow = workflowService(strapi, 'context');
    const now = workflow.now();
    const plan = workflow.plan();

    if (context.action === 'create' && params.status === 'published') {
      throw refuse(
        '新内容须先保存为草稿并通过审核后才能发布',
        'New content is saved as a draft and published only after review',
      );
    }
    if (
      (context.action === 'update' && params.status === 'published') ||
      context.action === 'publish'
    ) {
      const documentId = params.documentId!;
      const locales = await releasedLocales(strapi, uid, documentId, params.locale);
      const { result } = await releaseLocales(
        strapi,
        { uid, documentId, locales, actor, now, plan },
        next,
      );
      return result;
    }
    if (context.action === 'unpublish' || context.action === 'delete') {
      // Without a locale the Document Service acts on the default one only.
      const locale = params.locale ?? (await defaultLocale(strapi));
      const locales = locale === '*' ? '*' : Array.isArray(locale) ? locale : [locale];
      return takeDownLocales(
        strapi,
        { uid, documentId: params.documentId!, action: context.action, locales, actor, now, plan },
        next,
      );
    }
    return next();
  };
