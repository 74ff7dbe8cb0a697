import type { Core } from '@strapi/strapi';
import { graphqlInputChecks } from '../src/graphql/graphql-input';
import { queryCostProtection } from '../src/graphql/query-cost';
import { DEFAULT_BODY_MAX_DEPTH } from '../src/http/request-input';
import { ALLOWED_MIME_TYPES, DENIED_MIME_TYPES } from '../src/media/media-kinds';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const cost = queryCostProtection({
    defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
    maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
    maxRows: env.int('GRAPHQL_MAX_ROWS', 5000),
    maxAliases: env.int('GRAPHQL_MAX_ALIASES', 15),
    maxCost: env.int('GRAPHQL_MAX_COST', 5000),
    maxTokens: env.int('GRAPHQL_MAX_TOKENS', 2000),
  });
  const input = graphqlInputChecks(env.int('BODY_MAX_DEPTH', DEFAULT_BODY_MAX_DEPTH));
  return {
    upload: {
      config: {
        sizeLimit: env.int('UPLOAD_MAX_VIDEO_MB', 200) * 1024 * 1024,
        // Strapi's own content sniffing: the detected type must be allowed, whatever the name says.
        // src/media/upload-check.ts adds what sniffing cannot tell (see the upload-guard middleware).
        security: { allowedTypes: [...ALLOWED_MIME_TYPES], deniedTypes: [...DENIED_MIME_TYPES] },
      },
    },
    // Strapi's e-mail plugin limits the admin panel's forgotten-password route (per e-mail, in
    // memory, English only); ours counts it per account and address (src/middlewares/sign-in-limit.ts).
    email: {
      config: { ratelimit: { enabled: false } },
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
          // estimated rows (page size times nested lists); variables too deep; fragment cycles.
          ...cost,
          ...input,
          plugins: [...cost.plugins, ...input.plugins],
        },
      },
    },
  };
};
