import type { Core } from '@strapi/strapi';
import { protectAccounts } from './access/account-privacy';
import { ensureEditorialRoles } from './access/admin-roles';
import { ensureContentApiAccess } from './access/content-api-access';
import { ensureEnvSuperAdmin } from './access/super-admin';
import { contentApiScope } from './channels/content-api-scope';
import { defaultTargetsOnCreate } from './channels/default-targets';
import { seedDemo } from './demo/seed-demo';
import { ensureLocales } from './i18n/locales';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(defaultTargetsOnCreate);
    strapi.documents.use(contentApiScope(strapi));
    protectAccounts(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureEditorialRoles(strapi);
    await ensureContentApiAccess(strapi);
    await ensureEnvSuperAdmin(strapi);
    if (process.env.SEED_DEMO !== 'false') {
      await seedDemo(strapi);
    }
  },
};
