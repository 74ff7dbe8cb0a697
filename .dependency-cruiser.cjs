/**
 * The layers of the server and which way they point (`npm run depcruise`). From the bottom:
 * the kernel (src/kernel: the live-content version, the audit trail's writer) and the
 * constants; the rows of a document locale (src/documents); the read scope and the workflow;
 * the channels, participation, preview and the API routes on top. A domain imports the layers
 * below it, never one above; Strapi loads the admin panel and the Koa middlewares by convention,
 * so no module imports them.
 *
 * Type-only imports are erased when compiled: they count for the layers (a type belongs to its
 * layer too) but cannot make a cycle at run time.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A runtime import cycle: modules that load each other half-initialised.',
      from: {},
      to: {
        circular: true,
        dependencyTypesNot: ['type-only'],
        viaOnly: { dependencyTypesNot: ['type-only'] },
      },
    },
    {
      name: 'workflow-knows-no-channel',
      severity: 'error',
      comment:
        'The workflow announces releases and takedowns; channels, participation, preview and the API routes listen, below it never.',
      from: { path: '^src/workflow/' },
      to: { path: '^src/(channels|participation|preview|api)/' },
    },
    {
      name: 'documents-below-read-scope-and-channels',
      severity: 'error',
      comment:
        'The rows of a document locale know neither the channels nor the read scope: channel flag columns come from src/kernel/channel-flags.ts.',
      from: { path: '^src/documents/' },
      to: { path: '^src/(channels|read-scope)/' },
    },
    {
      name: 'read-scope-knows-no-channel',
      severity: 'error',
      comment:
        'The read scope narrows reads by flag columns (src/kernel/channel-flags.ts); the channels read through it, never the other way.',
      from: { path: '^src/read-scope/' },
      to: { path: '^src/(channels|participation|preview)/' },
    },
    {
      name: 'access-and-response-cache-know-no-domain-above',
      severity: 'error',
      comment:
        'Access rules and the response cache sit under the domains: the channels hand the cache their own feeds at register (src/index.ts), uids come from src/constants.ts.',
      from: { path: '^src/(access|response-cache)/' },
      to: { path: '^src/(channels|participation|preview|workflow)/' },
    },
    {
      name: 'kernel-imports-nothing-above',
      severity: 'error',
      comment: 'Everyone uses the kernel; it uses nothing of theirs (the constants excepted).',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: '^src/(kernel/|constants[.]ts$)' },
    },
    {
      name: 'server-never-imports-admin',
      severity: 'error',
      comment: 'The admin panel is built for the browser; the server never loads it.',
      from: { path: '^(src|config)/', pathNot: '^src/admin/' },
      to: { path: '^src/admin/' },
    },
    {
      name: 'only-strapi-loads-middlewares',
      severity: 'error',
      comment:
        'Koa middlewares are registered by name in config/middlewares.ts and loaded by Strapi; what they share lives in a domain (src/http for request redaction).',
      from: {},
      to: { path: '^src/middlewares/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(src|config)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
