import type { Core } from '@strapi/strapi';

// Preview links (src/preview): signed, expiring links to a version before its release.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Signs the links; derived from ADMIN_JWT_SECRET when unset, so rotating that revokes them too.
  secret: env('PREVIEW_SECRET', ''),
  // How long a link opens. The admin asks for a fresh one every time its preview page opens.
  linkMinutes: Math.min(24 * 60, Math.max(1, env.int('PREVIEW_LINK_MINUTES', 30))),
});
