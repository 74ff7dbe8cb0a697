import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { BOOKKEEPING_FIELDS, findVersionRow, type DocumentRef } from '../documents/document-rows';
import { isLocalizedType } from '../i18n/locales';
import { invalid } from './workflow-error';

/**
 * Strapi lets drafts be incomplete and checks required fields, patterns and minimums only when
 * a version is published. A reviewer must never approve something that then cannot go out, so
 * the same validation runs on submit: the draft's own values, validated as a published version.
 */
export const assertReadyForRelease = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
): Promise<void> => {
  const contentType = strapi.contentType(ref.uid);
  const components = Object.entries(contentType.attributes)
    .filter(([, attribute]) => attribute.type === 'component' || attribute.type === 'dynamiczone')
    .map(([name]) => name);
  const draft = await findVersionRow(strapi, ref, 'draft', { populate: components });
  if (!draft)
    throw invalid('找不到该语言版本的草稿', `No draft of this document in locale ${ref.locale}`);

  // Relations and media are checked by Strapi when they are linked; scalars and components here.
  const values: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(contentType.attributes)) {
    if (attribute.type === 'relation' || attribute.type === 'media' || BOOKKEEPING_FIELDS.has(name))
      continue;
    values[name] = draft[name] ?? null;
  }
  try {
    // Strapi checks unique fields against published rows other than the entity it is given: this
    // document's own live version is the one the release replaces, so it is that entity. The
    // locale scopes the check (none for a type without translations).
    const live = await findVersionRow(strapi, ref, 'live', { select: ['id'] });
    await strapi.entityValidator.validateEntityUpdate(
      contentType,
      values,
      { isDraft: false, locale: isLocalizedType(strapi, ref.uid) ? ref.locale : undefined },
      live ?? draft,
    );
  } catch (error) {
    if (error instanceof errors.ValidationError) {
      throw new errors.ValidationError(
        `内容不完整，不能送审：${error.message} / The draft cannot be released as it is: ${error.message}`,
        error.details,
      );
    }
    throw error;
  }
};
