import type { Core } from '@strapi/strapi';
import { queryCostProtection } from '../src/graphql/query-cost';
import { ALLOWED_MIME_TYPES, DENIED_MIME_TYPES } from '../src/media/media-kinds';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_MAX_VIDEO_MB', 200) * 1024 * 1024,
      // Strapi's own content sniffing: the detected type must be allowed, whatever the name says.
      // src/media/upload-check.ts adds what sniffing cannot tell (see the upload-guard middleware).
      security: { allowedTypes: [...ALLOWED_MIME_TYPES], deniedTypes: [...DENIED_MIME_TYPES] },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Replaced by src/middlewares/sign-in-limit.ts (shared through Redis, bilingual), as for the admin panel.
      ratelimit: { enabled: false },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The plugin's defaults are unbounded; a public endpoint needs caps.
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
      defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
      maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
      landingPage: env.bool('GRAPHQL_PLAYGROUND', false),
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', true),
        // Refused before execution with a 400: too many aliases, tokens or fields, or too many
        // estimated rows (page size times nested lists).
        ...queryCostProtection({
          defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
          maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
          maxRows: env.int('GRAPHQL_MAX_ROWS', 5000),
          maxAliases: env.int('GRAPHQL_MAX_ALIASES', 15),
          maxCost: env.int('GRAPHQL_MAX_COST', 5000),
          maxTokens: env.int('GRAPHQL_MAX_TOKENS', 2000),
        }),
      },
    },
  },
});
