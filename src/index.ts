import type { Core } from '@strapi/strapi';
import { protectAccounts } from './access/account-privacy';
import { ensureEditorialRoles } from './access/admin-roles';
import { ensureContentApiAccess } from './access/content-api-access';
import { ensureEnvSuperAdmin } from './access/super-admin';
import { contentApiScope } from './read-scope/content-api-scope';
import { registerGraphqlReadScope } from './read-scope/graphql-scope';
import { closeMediaLibraryListing } from './read-scope/media-library-access';
import { registerMediaGuard } from './media/media-guard';
import { startScreenEvents, stopScreenEvents } from './channels/screen';
import { startWechat, stopWechat } from './channels/wechat';
import { defaultTargetsOnCreate } from './channels/default-targets';
import { seedDemo } from './demo/seed-demo';
import { ensureLocales } from './i18n/locales';
import { bootstrapWorkflow, registerWorkflow } from './workflow';
import { runDueJobsOnce } from './workflow/scheduler';
import { drainWorkflowEvents } from './workflow/webhook-events';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(defaultTargetsOnCreate(strapi));
    strapi.documents.use(contentApiScope(strapi));
    registerGraphqlReadScope(strapi);
    closeMediaLibraryListing(strapi);
    registerMediaGuard(strapi);
    registerWorkflow(strapi);
    protectAccounts(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureEditorialRoles(strapi);
    await ensureContentApiAccess(strapi);
    await ensureEnvSuperAdmin(strapi);
    await bootstrapWorkflow(strapi);
    startScreenEvents(strapi);
    startWechat(strapi);
    if (process.env.SEED_DEMO !== 'false') {
      await seedDemo(strapi);
    }
    // Jobs that fell due while the server was down fire now, not at the next tick.
    await runDueJobsOnce(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Announcements first (they start pushes and screen notices), then what they started.
    await drainWorkflowEvents(strapi);
    await stopWechat(strapi);
    await stopScreenEvents(strapi);
  },
};
