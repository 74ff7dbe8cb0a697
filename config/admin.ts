import type { Core } from '@strapi/strapi';
import { previewUrlFor } from '../src/preview/preview-url';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  // Strapi's own sign-in limit (in memory, per instance, English only) is replaced by ours:
  // shared through Redis, in Chinese and English with the wait (src/middlewares/sign-in-limit.ts).
  rateLimit: { enabled: false },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // Open preview in the edit view: this CMS's own preview page of the version, as the website,
  // WeChat and the display screens will show it, through a signed link that expires (src/preview).
  preview: {
    enabled: true,
    config: {
      handler: (
        uid: string,
        params: { documentId?: string; locale?: string | null; status?: string },
      ) => previewUrlFor(strapi, uid, params),
    },
  },
  // The one zone every time a person reads or types is in (panels, lists, calendar, preview,
  // messages), whatever zone the server or a browser runs in (src/i18n/people-time.ts).
  timeZone: env('ADMIN_TIME_ZONE', 'Asia/Shanghai'),
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});
