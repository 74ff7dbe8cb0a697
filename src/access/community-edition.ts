import type { Core } from '@strapi/strapi';

/**
 * This is Strapi's community edition, with no licence: the admin panel's question how long a
 * licence trial has left went to Strapi's licence server, and answered 500 where that server
 * cannot be reached. Without a licence there is no trial, and the answer says so.
 */
export const noLicenceTrial = (strapi: Core.Strapi): void => {
  if (strapi.ee.isEE) return;
  const routers = strapi.admin.routes;
  for (const router of Array.isArray(routers) ? [{ routes: routers }] : Object.values(routers)) {
    for (const route of router.routes) {
      if (route.method === 'GET' && route.path === '/license-trial-time-left') {
        route.handler = (ctx: { body: unknown }) => {
          ctx.body = { trialEndsAt: null };
        };
      }
    }
  }
};
