import { errors } from '@strapi/utils';

/**
 * A refused workflow step. Editors read the message in the admin panel, so it says what to do,
 * in Chinese first and English after. A PolicyError is a 403 whose message survives: Strapi's
 * route authorizer replaces any other ForbiddenError thrown below it with a bare "Forbidden".
 * ValidationError is a 400 on every route, so refusals never surface as 500s.
 */
export const refuse = (chinese: string, english: string, details: Record<string, unknown> = {}) =>
  new errors.PolicyError(`${chinese} / ${english}`, { code: 'WORKFLOW_REFUSED', ...details });

export const invalid = (chinese: string, english: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(`${chinese} / ${english}`, { code: 'WORKFLOW_INVALID', ...details });
