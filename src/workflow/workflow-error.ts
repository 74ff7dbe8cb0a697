import { errors } from '@strapi/utils';

/**
 * A refused workflow step. Editors read the message in the admin panel, so it says what to do,
 * in Chinese first and English after. Strapi answers ForbiddenError with 403 and
 * ValidationError with 400 on every route, so refusals never surface as 500s.
 */
export const refuse = (chinese: string, english: string, details: Record<string, unknown> = {}) =>
  new errors.ForbiddenError(`${chinese} / ${english}`, { code: 'WORKFLOW_REFUSED', ...details });

export const invalid = (chinese: string, english: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(`${chinese} / ${english}`, { code: 'WORKFLOW_INVALID', ...details });
