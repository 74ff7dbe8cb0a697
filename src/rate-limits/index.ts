import type { Core } from '@strapi/strapi';
import { wrapRequestListener } from '../http/request-listener';
import { createLimiters, type Limiters, type RateLimitConfig } from './limiters';
import { rateLimitFront } from './rate-limit-front';
import { streamSlots, type StreamSlots } from './stream-slots';

type RateLimits = { limiters: Limiters; streams: StreamSlots };

const limits = new WeakMap<Core.Strapi, RateLimits>();

/** The limits of this server, or null when RATE_LIMIT_ENABLED=false. */
export const rateLimitsOf = (strapi: Core.Strapi): RateLimits | null => limits.get(strapi) ?? null;

export const registerRateLimits = (strapi: Core.Strapi): void => {
  const config = strapi.config.get<RateLimitConfig>('rate-limit');
  if (!config.enabled) return;
  limits.set(strapi, {
    limiters: createLimiters(config, (error) =>
      strapi.log.warn(`rate limits: Redis: ${error.message}`),
    ),
    streams: streamSlots({
      perOwner: config.streamsPerToken,
      total: config.streamsTotal,
      idleMs: config.streamIdleSeconds * 1000,
    }),
  });
};

/** Outermost of all request listeners (in front of the response cache's hits), once the server exists. */
export const limitRequestRates = (strapi: Core.Strapi): void => {
  const limited = rateLimitsOf(strapi);
  if (limited === null) return;
  wrapRequestListener(strapi.server.httpServer, (inner) =>
    rateLimitFront(strapi, limited.limiters, inner),
  );
};

export const stopRateLimits = (strapi: Core.Strapi): void => {
  rateLimitsOf(strapi)?.limiters.close();
};
