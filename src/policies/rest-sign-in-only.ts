/**
 * Signing in, registering and resetting passwords go through the REST routes only
 * (`/api/auth/*`), where the sign-in limits (src/middlewares/sign-in-limit.ts) and the
 * invitation expiry (src/middlewares/staff-password-routes.ts) apply. users-permissions also
 * offers them as GraphQL mutations, which neither reaches: those are refused.
 */
export default (): boolean => false;
