import type { Core } from '@strapi/strapi';
import { registerContentTypes } from './content/registry-check';
import { addPluginRouteMiddleware } from './access/plugin-route-policy';
import { ensureEditorialRoles } from './access/admin-roles';
import { ensureContentApiAccess } from './access/content-api-access';
import { rememberPublicPermissions } from './access/public-permissions';
import { ensureEnvSuperAdmin } from './access/super-admin';
import { readDeepPagesInTwoSteps } from './documents/deep-pages';
import { noLicenceTrial } from './access/community-edition';
import { closeContentApiToPlugins } from './access/public-model';
import { checkStrapiRouteInputs } from './access/strapi-route-inputs';
import { registerDocumentMiddlewares } from './documents/document-middlewares';
import { ensureReadIndexes } from './documents/read-indexes';
import { wellFormedDatabaseReads, wellFormedQueries } from './documents/query-shape';
import { richTextNesting } from './documents/rich-text-depth';
import { contentApiScope } from './read-scope/content-api-scope';
import { cachedPublicCounts } from './read-scope/count-cache';
import { registerGraphqlReadScope } from './read-scope/graphql-scope';
import { registerMediaGuard } from './media/media-guard';
import { registerResponseCache, serveCachedReads, stopResponseCache } from './response-cache';
import { limitRequestRates, registerRateLimits, stopRateLimits } from './rate-limits';
import { channelFeeds, registerChannels, startChannels, stopChannels } from './channels';
import { backfillChannelFlags, channelFlagsInStep } from './channels/channel-flags';
import { defaultTargetsOfATranslation, defaultTargetsOnCreate } from './channels/default-targets';
import { seedDemoParticipation } from './demo/demo-participation';
import { seedDemo } from './demo/seed-demo';
import { registerPreviewRoutes } from './preview/preview-route';
import { labelFieldsInChinese } from './i18n/field-labels';
import { applyEditorListViews } from './content-manager/list-views';
import { ensureLocales } from './i18n/locales';
import { pinyinSlugSuggestions, slugsOnCreate } from './i18n/pinyin-slugs';
import { ownSlug, translationsStartAnew } from './i18n/translation-prefill';
import { peopleTimeZoneOf } from './i18n/people-time';
import { bootstrapParticipation, registerParticipation } from './participation';
import { pointsOnRelease } from './participation/contribution-releases';
import { appendOnlyLedger } from './participation/points-ledger';
import { staffAccountsInStep } from './participation/staff-accounts';
import { bootstrapWorkflow } from './workflow';
import { appendOnlyAudit } from './workflow/audit-trail';
import { recordImportedLiveStates } from './workflow/imported-live-states';
import { ensureReviewStateIndexes } from './workflow/review-states';
import { ensureReviewReadIndexes } from './workflow/review-reads';
import { editWatch } from './workflow/edit-watch';
import { releaseGate } from './workflow/release-gate';
import { validReviewChains } from './workflow/review-chain';
import { drainReleaseAnnouncements } from './workflow/release-announcements';
import { drainWorkflowEvents } from './workflow/webhook-events';
import { workflowService } from './workflow/workflow-services';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // The channels first: their component fields and flag columns are part of the model.
    registerChannels(strapi);
    // Every registered content type (src/content) matches its schema; review chains can name each.
    registerContentTypes(strapi);
    // The Content API and GraphQL hold the public model only: no plugin's types, no routes of theirs.
    closeContentApiToPlugins(strapi);
    noLicenceTrial(strapi);
    checkStrapiRouteInputs(strapi);
    // Rules that must hold on every Document Service path, outermost first; registered before anything runs.
    registerDocumentMiddlewares(strapi, [
      wellFormedQueries(strapi), // filters, sort and search the query layer can run, or a 400 naming the parameter
      richTextNesting(strapi), // rich text's lists nested no deeper than a body may carry
      defaultTargetsOnCreate(strapi), // a new item's channels, before any rule reads the data
      slugsOnCreate(strapi), // a new item without a slug gets one from its title, in pinyin for Chinese
      channelFlagsInStep, // the channel columns reads filter on, from the channels just set
      contentApiScope(strapi), // what a Content API reader may see
      cachedPublicCounts(strapi), // a reader's list totals, per query as scoped, until the live content changes
      appendOnlyAudit, // the trail is never changed
      validReviewChains(strapi), // a chain names roles that exist
      releaseGate(strapi), // every publish, unpublish and delete through the transition table
      editWatch(strapi), // an edit of a pinned version sends it back to draft
      staffAccountsInStep(strapi), // a staff member's sign-in account made, renamed, blocked and deleted with them
      appendOnlyLedger, // the points ledger is never changed
      pointsOnRelease(strapi), // an adopted contribution's article released: its contributor's points
    ]);
    wellFormedDatabaseReads(strapi);
    readDeepPagesInTwoSteps(strapi);
    registerGraphqlReadScope(strapi);
    registerParticipation(strapi);
    registerMediaGuard(strapi);
    rememberPublicPermissions(strapi);
    registerResponseCache(strapi, channelFeeds());
    registerRateLimits(strapi);
    pinyinSlugSuggestions(strapi);
    // A translation prefilled from another locale takes its text and media, not its address or channels.
    translationsStartAnew(strapi, [ownSlug(strapi), defaultTargetsOfATranslation]);
    // The content manager's list: each row's review state, and ?reviewState= (after its auth and permission policy).
    addPluginRouteMiddleware(
      strapi,
      'content-manager',
      'admin',
      (route) => route.method === 'GET' && route.path === '/collection-types/:model',
      'global::review-state-column',
    );
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    peopleTimeZoneOf(strapi.config); // an unknown ADMIN_TIME_ZONE stops the start, naming it
    await ensureLocales(strapi);
    await labelFieldsInChinese(strapi);
    await applyEditorListViews(strapi);
    await ensureReadIndexes(strapi);
    const filled = await backfillChannelFlags(strapi);
    if (filled > 0) strapi.log.info(`Channel targeting copied into ${filled} rows`);
    await ensureReviewStateIndexes(strapi);
    await ensureReviewReadIndexes(strapi);
    const imported = await recordImportedLiveStates(strapi);
    if (imported > 0)
      strapi.log.info(
        `Review state recorded as published for ${imported} live items imported outside the workflow`,
      );
    await ensureEditorialRoles(strapi);
    await ensureContentApiAccess(strapi);
    await ensureEnvSuperAdmin(strapi);
    await bootstrapWorkflow(strapi);
    await bootstrapParticipation(strapi);
    registerPreviewRoutes(strapi);
    await startChannels(strapi);
    if (process.env.SEED_DEMO !== 'false') {
      await seedDemo(strapi);
      if (process.env.SEED_DEMO_PARTICIPATION !== 'false') await seedDemoParticipation(strapi);
    }
    // Jobs that fell due while the server was down fire now, not at the next tick.
    await workflowService(strapi, 'scheduler').tick();
    serveCachedReads(strapi);
    limitRequestRates(strapi); // outermost: cache hits are counted too
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Announcements first (they start pushes and screen notices), then what they started.
    await drainWorkflowEvents(strapi);
    await drainReleaseAnnouncements(strapi);
    await stopChannels(strapi);
    await stopResponseCache(strapi);
    stopRateLimits(strapi);
  },
};
