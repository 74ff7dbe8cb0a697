#!/usr/bin/env node
// After a bulk import written in SQL behind the CMS's back: `npm run reindex`.
// Boots the compiled app once (no seed, no scheduler) on the configured database and
// - on PostgreSQL, refreshes the planner's statistics and the visibility map (VACUUM ANALYZE): with
//   the tables' sizes from before the import it may read every row instead of an index (at 100,000
//   articles: 0.3 s a page), and until pages are known all-visible an index cannot answer alone
//   (the ids of a deep page, src/documents/deep-pages.ts);
// - renders the website HTML of every live rich text again and drops renderings nothing live
//   uses any more (src/channels/web/stored-renderings.ts);
// - records the review state of every live item the import wrote (published), so the list's
//   review column, its filter and the edit view agree (src/workflow/imported-live-states.ts; a
//   start does it for rows written since the last start, this for all);
// - moves the live-content version, so every cache built from published content (list totals,
//   sitemap, screen feed, and the response cache of every instance sharing REDIS_URL) is rebuilt
//   at the next read. Without Redis each server keeps its response cache in its own memory:
//   restart it.
const fs = require('fs');
const path = require('path');

const appDir = path.join(__dirname, '..');

const main = async () => {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  // A deployed server has its build; a fresh checkout compiles first.
  if (!fs.existsSync(path.join(appDir, 'dist', 'src', 'index.js'))) await compileStrapi({ appDir });
  Object.assign(process.env, { SEED_DEMO: 'false', CRON_ENABLED: 'false' });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const { touchLiveContent, liveContentSettled } = require(
    path.join(appDir, 'dist', 'src', 'kernel', 'live-content-version.js'),
  );
  const { rebuildLiveRenderings } = require(
    path.join(appDir, 'dist', 'src', 'channels', 'web', 'rendered.js'),
  );
  if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('VACUUM (ANALYZE)');
  const { recordImportedLiveStates } = require(
    path.join(appDir, 'dist', 'src', 'workflow', 'imported-live-states.js'),
  );
  strapi.log.info(
    `Review state recorded as published for ${await recordImportedLiveStates(strapi, { everything: true })} imported live items`,
  );
  const { rendered, dropped } = await rebuildLiveRenderings(strapi);
  strapi.log.info(
    `Website HTML rendered for ${rendered} live rich texts; ${dropped} renderings no longer used dropped`,
  );
  await touchLiveContent(strapi);
  await liveContentSettled(strapi);
  strapi.log.info(
    `Live-content version moved${process.env.REDIS_URL ? ' (and in Redis, for every instance)' : '; without REDIS_URL, restart running servers to empty their response caches'}`,
  );
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
