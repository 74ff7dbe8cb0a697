import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DocumentRef } from './review-states';
import { invalid } from './workflow-error';
import { localeWhere } from '../i18n/locales';

type Attribute = { type: string };

/**
 * Strapi lets drafts be incomplete and checks required fields, patterns and minimums only when
 * a version is published. A reviewer must never approve something that then cannot go out, so
 * the same validation runs on submit: the draft's own values, validated as a published version.
 */
export const assertReadyForRelease = async (strapi: Core.Strapi, ref: DocumentRef): Promise<void> => {
  const contentType = strapi.contentType(ref.uid as never) as unknown as { attributes: Record<string, Attribute> };
  const draft = await strapi.db
    .query(ref.uid as never)
    .findOne({ where: { documentId: ref.documentId, ...localeWhere(strapi, ref.uid, ref.locale), publishedAt: null }, populate: componentNames(contentType) });
  if (!draft) throw invalid('找不到该语言版本的草稿', `No draft of this document in locale ${ref.locale}`);

  // Relations and media are checked by Strapi when they are linked; scalars and components here.
  const values: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(contentType.attributes)) {
    if (['relation', 'media'].includes(attribute.type) || name in BOOKKEEPING) continue;
    values[name] = draft[name] ?? null;
  }
  try {
    // Strapi checks unique fields against published rows other than the entity it is given: this
    // document's own live version is the one the release replaces, so it is that entity. The
    // locale scopes the check (none for a type without translations).
    const where = { documentId: ref.documentId, ...localeWhere(strapi, ref.uid, ref.locale) };
    const live = await strapi.db.query(ref.uid as never).findOne({ where: { ...where, publishedAt: { $notNull: true } }, select: ['id'] });
    await strapi.entityValidator.validateEntityUpdate(contentType as never, values as never, { isDraft: false, locale: where.locale } as never, live ?? draft);
  } catch (error) {
    if (error instanceof errors.ValidationError) {
      throw new errors.ValidationError(`内容不完整，不能送审：${error.message} / The draft cannot be released as it is: ${error.message}`, error.details);
    }
    throw error;
  }
};

const BOOKKEEPING = { id: 1, documentId: 1, createdAt: 1, updatedAt: 1, publishedAt: 1, createdBy: 1, updatedBy: 1, locale: 1, localizations: 1 } as const;

const componentNames = (contentType: { attributes: Record<string, Attribute> }) =>
  Object.entries(contentType.attributes)
    .filter(([, attribute]) => attribute.type === 'component' || attribute.type === 'dynamiczone')
    .map(([name]) => name);
