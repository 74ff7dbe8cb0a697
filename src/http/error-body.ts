/**
 * Strapi's error shape, `{ data: null, error: { status, name, message, details } }`, for answers
 * written outside its error middleware (before the chain, or where no error class fits): clients
 * and the admin panel read every error the same way.
 */
export const errorBody = (status: number, name: string, message: string, details: unknown = {}) => ({
  data: null,
  error: { status, name, message, details },
});
