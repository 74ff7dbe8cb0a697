import { errors } from '@strapi/utils';

/** A 400 naming the field that is wrong, in Strapi's validation shape (`error.details.errors[].path`). */
export const fieldError = (name: string, message: string) =>
  new errors.ValidationError(`${name}: ${message}`, {
    errors: [{ path: [name], message, name: 'ValidationError' }],
  });
